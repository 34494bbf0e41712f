/**
 * DESIGN §12: bad input never crashes the function and is never silently dropped. A seeded generator
 * mangles real files as mail clients, spreadsheets and broken exports do (truncated, bytes flipped,
 * re-encoded, junk lines, the header twice, quotes lost, newlines changed) and sends each through the
 * real ingest handler over the emulators. Whatever comes out:
 * - the handler returns (it never throws) and leaves the dataset INGESTED or REJECTED, with a message
 *   when rejected: never INGESTING, never FAILED;
 * - an accepted delimited file accounts for every physical record: lines + rejected + set aside +
 *   blank + preamble + the header; every LINE item is stored; every rejected or set-aside line is in
 *   the rejects file with its line number and reason.
 * ~60 cases in `npm test`; `npm run test:fuzz` (FUZZ=1) runs 2 000. The seed is fixed: a failure
 * prints the case, and `FUZZ_SEED` reruns another sequence.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileReader } from '../../../shared/adapters/file-reader.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import { strayQuoteLines } from '../../../shared/domain/ingest/stray-quote.ts';
import { datasetIdOf } from '../../../shared/use-cases/ingest-dataset.ts';
import {
  dataset,
  type Harness,
  ingestS3,
  lineItems,
  putUpload,
  startHarness,
} from '../../integration/helpers.ts';
import {
  bytesOf,
  DECP_CONTRACTS,
  DECP_JSON,
  DECP_SCHEMA_EXAMPLE,
  headOf,
  oxfordSlice,
  recordFigure,
  SYNTHETIC_PAYMENTS,
} from '../support/fixtures.ts';
import { readObjectText } from '../support/snapshots.ts';

const FUZZ = process.env.FUZZ === '1';
const RUNS = FUZZ ? 2_000 : 60;
const SEED = Number(process.env.FUZZ_SEED ?? 20250602);

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The first contracts of the real DECP v1 JSON, as the same kind of document. */
function decpJsonHead(contracts: number): string {
  const document = JSON.parse(utf8(bytesOf(DECP_JSON))) as { marches: unknown[] };
  return JSON.stringify({ marches: document.marches.slice(0, contracts) }, null, 2);
}

interface Fixture {
  readonly name: string;
  readonly text: string;
  /** The 0-based line of the header, for duplicating it. */
  readonly headerAt: number;
}

/** Real files, cut short so that a case costs a few DynamoDB writes. */
const FIXTURES: readonly Fixture[] = [
  { name: 'synthetic-mandats', text: utf8(headOf(SYNTHETIC_PAYMENTS, 43)), headerAt: 2 },
  { name: 'oxford-spend', text: oxfordSlice(0, 40), headerAt: 0 },
  { name: 'decp-flattened', text: utf8(headOf(DECP_CONTRACTS, 31)), headerAt: 0 },
  { name: 'decp-table-schema', text: utf8(bytesOf(DECP_SCHEMA_EXAMPLE)), headerAt: 0 },
  { name: 'decp-json', text: decpJsonHead(8), headerAt: 0 },
];

type TextOp =
  | { readonly type: 'junk-lines'; readonly at: number; readonly lines: readonly string[] }
  | { readonly type: 'duplicate-header'; readonly at: number }
  | { readonly type: 'drop-quotes'; readonly every: number }
  | { readonly type: 'delete-lines'; readonly at: number; readonly count: number }
  | { readonly type: 'newlines'; readonly style: '\n' | '\r\n' | '\r' };

type ByteOp =
  | { readonly type: 'truncate'; readonly at: number }
  | { readonly type: 'flip-bytes'; readonly flips: readonly (readonly [number, number])[] };

type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le';

interface Mangling {
  readonly fixture: number;
  readonly textOps: readonly TextOp[];
  readonly encoding: Encoding;
  readonly byteOps: readonly ByteOp[];
}

/** Positions are drawn in millionths of the input, so one case applies to any fixture. */
const position = fc.nat(999_999);
const JUNK_CHARS = [
  ';',
  ',',
  '"',
  '\t',
  ' ',
  'a',
  'Z',
  '1',
  '9',
  'é',
  '€',
  '\u00a0',
  '=',
  '-',
  '\u0000',
  '\uFFFD',
  '/',
  '.',
];
const junkLine = fc.string({ unit: fc.constantFrom(...JUNK_CHARS), maxLength: 60 });

const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  fc.record({
    type: fc.constant('junk-lines' as const),
    at: position,
    lines: fc.array(junkLine, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ type: fc.constant('duplicate-header' as const), at: position }),
  fc.record({ type: fc.constant('drop-quotes' as const), every: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    type: fc.constant('delete-lines' as const),
    at: position,
    count: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    type: fc.constant('newlines' as const),
    style: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
  }),
);

const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ type: fc.constant('truncate' as const), at: position }),
  fc.record({
    type: fc.constant('flip-bytes' as const),
    flips: fc.array(fc.tuple(position, fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }),
  }),
);

const mangling: fc.Arbitrary<Mangling> = fc.record({
  fixture: fc.nat(FIXTURES.length - 1),
  textOps: fc.array(textOp, { maxLength: 3 }),
  encoding: fc.constantFrom<Encoding>(
    'utf-8',
    'utf-8-bom',
    'windows-1252',
    'utf-16le-bom',
    'utf-16be-bom',
    'utf-16le',
  ),
  byteOps: fc.array(byteOp, { maxLength: 2 }),
});

const scaled = (at: number, length: number) => Math.floor((at / 1_000_000) * length);

function applyTextOp(text: string, op: TextOp, fixture: Fixture): string {
  const lines = text.split(/(?<=\n)/);
  switch (op.type) {
    case 'junk-lines': {
      const at = scaled(op.at, lines.length + 1);
      return [...lines.slice(0, at), ...op.lines.map((line) => `${line}\r\n`), ...lines.slice(at)].join('');
    }
    case 'duplicate-header': {
      const header = fixture.text.split(/(?<=\n)/)[fixture.headerAt] ?? '';
      const at = scaled(op.at, lines.length + 1);
      return [...lines.slice(0, at), header, ...lines.slice(at)].join('');
    }
    case 'drop-quotes': {
      let seen = 0;
      return text.replace(/"/g, (quote) => (seen++ % op.every === 0 ? '' : quote));
    }
    case 'delete-lines': {
      const at = scaled(op.at, lines.length);
      return [...lines.slice(0, at), ...lines.slice(at + op.count)].join('');
    }
    case 'newlines':
      return text.replace(/\r\n|\r|\n/g, op.style);
  }
}

function encode(text: string, encoding: Encoding): Uint8Array {
  const bom = '\uFEFF';
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(bom + text);
    case 'windows-1252':
      return new Uint8Array(iconv.encode(text, 'win1252'));
    case 'utf-16le-bom':
      return new Uint8Array(iconv.encode(bom + text, 'utf16le'));
    case 'utf-16le':
      return new Uint8Array(iconv.encode(text, 'utf16le'));
    case 'utf-16be-bom':
      return new Uint8Array(iconv.encode(bom + text, 'utf16be'));
  }
}

function applyByteOp(bytes: Uint8Array, op: ByteOp): Uint8Array {
  if (op.type === 'truncate') return bytes.slice(0, scaled(op.at, bytes.length + 1));
  const flipped = bytes.slice();
  for (const [at, mask] of op.flips) {
    const index = scaled(at, flipped.length);
    if (index < flipped.length) flipped[index] = (flipped[index] ?? 0) ^ mask;
  }
  return flipped;
}

function mangle(input: Mangling): Uint8Array {
  const fixture = FIXTURES[input.fixture] ?? FIXTURES[0];
  if (!fixture) throw new Error('no fixture');
  const text = input.textOps.reduce((current, op) => applyTextOp(current, op, fixture), fixture.text);
  return input.byteOps.reduce(applyByteOp, encode(text, input.encoding));
}

/**
 * How many records the file reader yields for these bytes (what the ingest must account for), a
 * record a stray quote glued counted as the lines it holds (the ingest reads each on its own). The
 * header is the record after the preamble.
 */
async function physicalRecords(
  bytes: Uint8Array,
  preambleLines: number,
): Promise<{ shape: string; records: number }> {
  const file = await createFileReader(KNOWN_FORMATS).open(Readable.from([Buffer.from(bytes)]));
  if (file.shape !== 'delimited') return { shape: file.shape, records: 0 };
  let records = 0;
  let width = 0;
  for await (const batch of file.rows) {
    for (const row of batch) {
      if (records === preambleLines) width = row.cells.length;
      records +=
        records > preambleLines ? (strayQuoteLines(row.cells, width, file.delimiter)?.length ?? 1) : 1;
    }
  }
  return { shape: file.shape, records };
}

/** The rejects CSV's rows (after its header): line number, reason, raw content. */
function rejectsRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
  return parsed.data.slice(1);
}

let harness: Harness;
let cases = 0;
const outcomes: Record<string, number> = {};

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  recordFigure(`fuzz (seed ${SEED})`, { cases, outcomes });
  await harness?.stop();
});

describe(`mangled real files (${RUNS} cases, seed ${SEED})`, () => {
  it(
    'never crash the handler, never stay INGESTING, and every record of an accepted file is accounted for',
    async () => {
      await fc.assert(
        fc.asyncProperty(mangling, async (input) => {
          cases += 1;
          const bytes = mangle(input);
          const location = await putUpload(harness, `uploads/fuzz/case-${cases}.csv`, bytes, {
            anchor: 'fuzz',
          });

          const result = await ingestS3(location);

          expect(result).toHaveLength(1);
          const record = await dataset(harness, datasetIdOf(location));
          const fixture = FIXTURES[input.fixture]?.name ?? '?';
          const key = `${fixture} ${record.status}`;
          outcomes[key] = (outcomes[key] ?? 0) + 1;
          // SUPERSEDED: read in full, then found whole in an earlier case of the same lines (another
          // encoding of the same file): counted there, and accounted for here all the same.
          expect(['INGESTED', 'SUPERSEDED', 'REJECTED']).toContain(record.status);
          if (record.status === 'SUPERSEDED') expect(record.supersededBy).toMatch(/^[a-f0-9]{24}$/);
          if (record.status === 'REJECTED') {
            expect(record.message?.trim().length ?? 0).toBeGreaterThan(10);
            expect(record.message).not.toMatch(/undefined|\[object|NaN/);
            return;
          }
          expect(record.leaseUntil).toBeUndefined();
          // Line files are kept for counted datasets only: a superseded one's lines are in the other's.
          const stored = await lineItems(harness, record.id);
          expect(stored).toHaveLength(record.status === 'INGESTED' ? record.lines : 0);
          const { shape, records } = await physicalRecords(bytes, record.preambleLines);
          if (shape !== 'delimited') return;
          const accounted =
            record.lines +
            record.rejectedLines +
            record.setAsideLines +
            record.blankLines +
            record.preambleLines +
            1;
          expect(accounted, 'lines + rejected + set aside + blank + preamble + header').toBe(records);
          const rejects = rejectsRows(
            (await readObjectText(harness.s3, harness.stack.buckets.uploads, record.rejectsKey ?? '')) ?? '',
          );
          expect(rejects).toHaveLength(record.rejectedLines + record.setAsideLines);
          for (const [line, reason] of rejects) {
            expect(line).toMatch(/^\d+$/);
            expect(reason?.trim().length ?? 0).toBeGreaterThan(5);
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      expect(cases).toBeGreaterThanOrEqual(RUNS);
    },
    60_000 + RUNS * 1_000,
  );
});
