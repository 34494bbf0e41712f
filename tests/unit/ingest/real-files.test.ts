import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestStream } from '../../support/ingest-stream.ts';

const SAMPLES = fileURLToPath(new URL('../../../data/samples/', import.meta.url));
const DECP = `${SAMPLES}decp-isere-2019-flattened.csv`;
const OXFORD = `${SAMPLES}uk-oxford-spend-over-500-2018q1.csv`;
const MANDATS = `${SAMPLES}SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv`;

/** Streams a file through the reader and the core, draining after every batch like the ingest use case. */
const ingestFile = (path: string, highWaterMark?: number) =>
  ingestStream(createReadStream(path, highWaterMark ? { highWaterMark } : {}));

// ---- Independent reading of the files: plain string manipulation, no papaparse, no domain code. ----

/** Splits one physical CSV line (none of the samples has a newline inside quotes). */
function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** "42980.1", "-1 234,56" → cents, by hand. */
function toCents(amount: string, decimal: '.' | ','): number {
  const compact = amount.replace(/ /g, '');
  const negative = compact.startsWith('-');
  const [units = '', fraction = ''] = compact.replace('-', '').split(decimal);
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  if (!/^\d+$/.test(units) || !/^\d{0,2}$/.test(fraction)) throw new Error(`unexpected amount ${amount}`);
  return negative ? -cents : cents;
}

/** dd/mm/yyyy → yyyy-mm-dd, or undefined when the day does not exist. */
function dmyToIso(date: string): string | undefined {
  const [d, m, y] = date.split('/').map(Number);
  if (d === undefined || m === undefined || y === undefined) return undefined;
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (utc.getUTCDate() !== d || utc.getUTCMonth() !== m - 1) return undefined;
  return utc.toISOString().slice(0, 10);
}

const physicalLines = (raw: string): string[] => {
  const lines = raw.split(/\r\n|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe.each([undefined, 4_099])('real sample files (read stream highWaterMark %s)', (highWaterMark) => {
  it('DECP Isère 2019: each contract counted once, split between its titulaires', async () => {
    const raw = readFileSync(DECP, 'utf8');
    const [headerLine = '', ...dataLines] = physicalLines(raw);
    const header = headerLine.split(',');
    const uidAt = header.indexOf('uid');
    const montantAt = header.indexOf('montant');
    const firstAmountOfContract = new Map<string, string>();
    const rowsOfContract = new Map<string, number>();
    for (const line of dataLines) {
      const cells = splitCsvLine(line, ',');
      expect(cells).toHaveLength(header.length);
      const uid = cells[uidAt] ?? '';
      if (!firstAmountOfContract.has(uid)) firstAmountOfContract.set(uid, cells[montantAt] ?? '');
      rowsOfContract.set(uid, (rowsOfContract.get(uid) ?? 0) + 1);
    }
    const expectedCents = sum([...firstAmountOfContract.values()].map((m) => toCents(m, '.')));
    expect(dataLines).toHaveLength(191);
    expect(firstAmountOfContract.size).toBe(183);
    expect([...rowsOfContract.values()].filter((n) => n > 1)).toHaveLength(8);

    const { text, core, summary, lines, rejections, records } = await ingestFile(DECP, highWaterMark);
    expect(text.encoding).toBe('utf-8');
    expect(text.delimiter).toBe(',');
    expect(records).toBe(192);
    expect(rejections).toEqual([]);
    expect(summary).toMatchObject({
      format: 'decp-flat-csv',
      headerLine: 1,
      preambleLines: 0,
      blankLines: 0,
      rejectedLines: 0,
      lines: 191,
      amountCents: expectedCents,
    });
    expect(sum(lines.map((line) => line.amountCents))).toBe(expectedCents);
    expect(lines.map((line) => line.lineNumber)).toEqual(dataLines.map((_, i) => i + 2));
    expect(lines.filter((line) => line.shareOf === 2)).toHaveLength(16);
    expect(new Set(lines.map((line) => line.contractUid)).size).toBe(183);
    expect(sum([...core.rollups.records()].map((r) => r.amountCents))).toBe(expectedCents);
    expect(text.contentSha256()).toBe(sha256(DECP));
    expect(text.bytesRead()).toBe(statSync(DECP).size);
  });

  it('Oxford spend over £500, 2018 Q1: every payment, redacted payees under "undisclosed"', async () => {
    const raw = readFileSync(OXFORD, 'utf8');
    expect(raw.includes('\r\n')).toBe(true);
    const [headerLine = '', ...dataLines] = physicalLines(raw);
    const header = headerLine.split(',');
    expect(header.join(',')).toBe(
      'Client,Service Area,Expenditure Catergory,Expenditure Code,Paid Date,Trans No,Amount,Type of Expenditure,Supplier ID,Supplier Name',
    );
    const rows = dataLines.map((line) => splitCsvLine(line, ','));
    const amountOf = (cells: string[]) => toCents(cells[header.indexOf('Amount')] ?? '', '.');
    const nameOf = (cells: string[]) => cells[header.indexOf('Supplier Name')] ?? '';
    const dates = rows.map((cells) => dmyToIso(cells[header.indexOf('Paid Date')] ?? '') ?? 'invalid').sort();
    const expectedCents = sum(rows.map(amountOf));
    const redacted = rows.filter((cells) => nameOf(cells).trim() === '');
    expect(redacted.length).toBeGreaterThan(0);

    const { text, core, summary, lines, rejections, records } = await ingestFile(OXFORD, highWaterMark);
    expect(text.encoding).toBe('utf-8');
    expect(text.delimiter).toBe(',');
    expect(records).toBe(dataLines.length + 1);
    expect(rejections).toEqual([]);
    expect(summary).toMatchObject({
      format: 'uk-spend-csv',
      headerLine: 1,
      preambleLines: 0,
      blankLines: 0,
      rejectedLines: 0,
      lines: dataLines.length,
      amountCents: expectedCents,
      periodFrom: dates[0],
      periodTo: dates.at(-1),
    });
    expect(sum(lines.map((line) => line.amountCents))).toBe(expectedCents);
    expect(lines.every((line) => line.currency === 'GBP')).toBe(true);
    expect(summary.reconciliation.flags).toEqual([
      { flag: 'supplier-undisclosed', lines: redacted.length, cents: sum(redacted.map(amountOf)) },
    ]);
    const undisclosed = [...core.rollups.records()].filter((r) => r.supplier.key === 'undisclosed');
    expect(undisclosed).toHaveLength(1);
    expect(undisclosed[0]).toMatchObject({
      lines: redacted.length,
      amountCents: sum(redacted.map(amountOf)),
    });
    expect(text.contentSha256()).toBe(sha256(OXFORD));
    expect(text.bytesRead()).toBe(statSync(OXFORD).size);
  });

  it('synthetic French mandats: BOM, ";", decimal comma, title above the header, an undated line, a line without amount', async () => {
    const bytes = readFileSync(MANDATS);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const all = physicalLines(bytes.subarray(3).toString('utf8'));
    expect(all[1]).toBe('');
    const header = (all[2] ?? '').split(';');
    expect(header.at(-1)).toBe('Montant TTC');
    const data = all.slice(3).map((line, i) => ({ lineNumber: i + 4, cells: line.split(';') }));
    const valid = data.filter(({ cells }) => (cells.at(-1) ?? '') !== '');
    const expectedCents = sum(valid.map(({ cells }) => toCents(cells.at(-1) ?? '', ',')));
    expect(data.filter((row) => !valid.includes(row)).map((row) => row.lineNumber)).toEqual([1504]);
    const undated = valid.filter(({ cells }) => dmyToIso(cells[1] ?? '') === undefined);
    expect(undated.map((row) => row.lineNumber)).toEqual([704]);

    const { text, summary, lines, rejections, records } = await ingestFile(MANDATS, highWaterMark);
    expect(text.encoding).toBe('utf-8-bom');
    expect(text.delimiter).toBe(';');
    expect(records).toBe(all.length);
    expect(rejections.map((r) => [r.lineNumber, r.reason])).toEqual([[1504, 'amount is empty']]);
    expect(summary.reconciliation.flags).toContainEqual({
      flag: 'undated',
      lines: 1,
      cents: sum(undated.map(({ cells }) => toCents(cells.at(-1) ?? '', ','))),
    });
    expect(summary).toMatchObject({
      format: 'fr-payments-csv',
      headerLine: 3,
      preambleLines: 2,
      blankLines: 0,
      rejectedLines: 1,
      lines: valid.length,
      amountCents: expectedCents,
    });
    expect(summary.lines + summary.rejectedLines + summary.preambleLines + 1).toBe(all.length);
    expect(sum(lines.map((line) => line.amountCents))).toBe(expectedCents);
    expect(lines.map((line) => line.lineNumber)).toEqual(valid.map((row) => row.lineNumber));
    // Accented names survive decoding across chunk boundaries.
    const names = new Set(valid.map(({ cells }) => cells[2]));
    expect(new Set(lines.map((line) => line.supplier.name))).toEqual(names);
    expect(text.contentSha256()).toBe(sha256(MANDATS));
    expect(text.bytesRead()).toBe(bytes.length);
  });
});
