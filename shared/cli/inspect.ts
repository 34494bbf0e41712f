import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createFileReader } from '../adapters/file-reader.ts';
import type { ColumnReadingRecord } from '../domain/dataset.ts';
import { DecpJsonCore } from '../domain/decp/decp-json-core.ts';
import { columnReadingRecord, settlementText } from '../domain/formats/inference/describe-choices.ts';
import { KNOWN_FORMATS } from '../domain/formats/known-formats.ts';
import { formatOfMappingProfile } from '../domain/formats/mapping-profile.ts';
import { IngestCore } from '../domain/ingest/index.ts';
import type { Rejection } from '../domain/ingest/rejection.ts';
import type { SpendLine } from '../domain/spend-line.ts';
import { UsageError } from './cli-error.ts';
import { loadMappingProfile } from './load-mapping-profile.ts';

const SAMPLE_RECORDS = 200;
const SHOWN = 8;

function describeLine(line: SpendLine): string {
  const supplier = line.supplier;
  const where = [supplier.postcode, supplier.commune, supplier.country].filter(Boolean).join(' ');
  const id = supplier.identifier
    ? `${supplier.identifier.scheme} ${supplier.identifier.value}`
    : 'no identifier';
  const amount = (line.amountCents / 100).toFixed(2);
  return `  line ${line.lineNumber}: ${line.date ?? 'undated'}  ${amount} ${line.currency}  ${supplier.name || '(undisclosed)'}  [${id}${where ? `, ${where}` : ''}]  → key ${supplier.key}`;
}

const describeRejection = (rejection: Rejection) =>
  `  line ${rejection.lineNumber}: REJECTED — ${rejection.reason}`;

/**
 * What Ancrage sees in a file, without ingesting it: encoding, delimiter, header, format, column
 * mapping, and the first lines as they would be counted. For writing or fixing a mapping profile.
 */
export async function inspect(argv: readonly string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { mapping: { type: 'string' } },
  });
  const [path] = positionals;
  if (!path || positionals.length > 1) throw new UsageError('inspect takes exactly one file');
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`file not found: ${path}`);
  }
  const profile = values.mapping ? loadMappingProfile(values.mapping) : undefined;
  const formats = profile ? [formatOfMappingProfile(profile)] : KNOWN_FORMATS;
  const file = await createFileReader(formats).open(createReadStream(path), {
    delimiter: profile?.delimiter,
    encoding: profile?.encoding,
  });
  const out = [`file: ${basename(path)} (${size} bytes)`, `encoding: ${file.encoding}`];
  const lines: SpendLine[] = [];
  const rejections: Rejection[] = [];
  if (file.shape === 'json') {
    out.push(`shape: JSON, DECP ${file.version}`);
    const core = new DecpJsonCore({
      version: file.version,
      split: 'equal',
      maxRejectedRatio: 1,
      defaultAnchorId: 'inspect',
    });
    let seen = 0;
    for await (const batch of file.records) {
      for (const record of batch) if (seen++ < SAMPLE_RECORDS) core.push(record);
      if (seen >= SAMPLE_RECORDS) break;
    }
    lines.push(...core.drainLines());
    rejections.push(...core.drainRejections());
    out.push(
      `format: ${core.format.id} — ${core.format.label} (${core.format.kind}, ${core.format.currency})`,
    );
  } else {
    out.push(`shape: delimited text, delimiter ${JSON.stringify(file.delimiter)}`);
    const core = new IngestCore({
      formats,
      defaultAnchorId: 'inspect',
      delimiter: file.delimiter,
      maxRejectedRatio: 1,
      headerSearchRows: profile?.headerLine,
      inferColumns: !profile,
    });
    const firstRows: string[][] = [];
    let seen = 0;
    let failure: string | undefined;
    for await (const batch of file.rows) {
      for (const row of batch) {
        if (seen++ >= SAMPLE_RECORDS) break;
        if (firstRows.length < 5) firstRows.push([...row.cells]);
        const pushed = core.push(row);
        if (!pushed.ok) failure = pushed.reason;
      }
      if (seen >= SAMPLE_RECORDS || failure) break;
    }
    if (!core.locatedHeader && !failure) {
      const finished = core.finish();
      if (!finished.ok) failure = finished.reason;
    }
    const header = core.locatedHeader;
    if (!header) {
      out.push(`no known format: ${failure ?? 'no header found'}`);
      const guess = core.bestGuess?.guess;
      if (guess) out.push(...guessLines(guess.choices.map(columnReadingRecord)));
      out.push('first lines as cells (write a mapping profile naming these columns):');
      for (const cells of firstRows) out.push(`  ${cells.map((cell) => JSON.stringify(cell)).join(' | ')}`);
      return `${out.join('\n')}\n`;
    }
    out.push(`header: line ${header.line}`);
    out.push(
      `format: ${header.format.id} — ${header.format.label} (${header.format.kind}, ${header.format.currency}, decimal "${header.format.decimal}")`,
    );
    out.push(core.columnReading ? 'columns (recognised from their names and contents):' : 'columns:');
    const reading = (core.columnReading ?? []).map(columnReadingRecord);
    for (const [field, index] of header.columns) {
      const read = reading.find((record) => record.role === field);
      out.push(
        `  ${field.padEnd(24)} ← "${header.headerCells[index] ?? ''}" (column ${index + 1})${read ? ` ${evidenceOf(read)}` : ''}`,
      );
    }
    const mapped = new Set(header.columns.values());
    const unmapped = header.headerCells.filter((name, index) => !mapped.has(index) && name.trim() !== '');
    if (unmapped.length > 0) out.push(`not used: ${unmapped.map((name) => `"${name}"`).join(', ')}`);
    lines.push(...core.drainLines());
    rejections.push(...core.drainRejections());
    if (failure) out.push(`the file would be rejected: ${failure}`);
  }
  out.push(
    `first records (${lines.length} lines accepted, ${rejections.length} rejected in the first ${SAMPLE_RECORDS}):`,
  );
  out.push(...lines.slice(0, SHOWN).map(describeLine));
  out.push(...rejections.slice(0, SHOWN).map(describeRejection));
  return `${out.join('\n')}\n`;
}

/** A column's score, the columns that came next for its role, and how a close call was settled. */
function evidenceOf(record: ColumnReadingRecord): string {
  const next = record.alternatives.map((other) => `"${other.header}" ${other.scorePercent} %`).join(', ');
  const settled = settlementText(record, 'en');
  return `${record.scorePercent} %${next ? `, next: ${next}` : ''}${settled ? `; ${settled}` : ''}`;
}

function guessLines(records: readonly ColumnReadingRecord[]): string[] {
  return [
    "best reading from the columns' names and contents (not good enough to count the file without confirming it):",
    ...records.map((record) => `  ${record.role.padEnd(24)} ← "${record.header}" ${evidenceOf(record)}`),
  ];
}
