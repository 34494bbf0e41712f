import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../../shared/adapters/decoded-text.ts';
import type { AnalyzeResult } from '../../../shared/cli/analyze.ts';
import {
  DELIMITERS,
  ENCODINGS,
  FRENCH_ROWS,
  frenchTable,
  frenchVariants,
  largeRow,
  NEWLINES,
  type TableVariant,
  UK_ROWS,
  ukTable,
  utf8WithInvalidByte,
  variantName,
} from '../../fixtures/built/payments-table.ts';
import {
  analyzeFiles,
  dotCents,
  frenchCents,
  readRejects,
  readSupplierAmounts,
  sum,
  toCents,
  workDir,
  writeInput,
} from './support.ts';

const FRENCH_CENTS = sum(FRENCH_ROWS.map(([, amount]) => frenchCents(amount)));
const UK_CENTS = sum(UK_ROWS.map(([, amount]) => dotCents(amount)));

describe('one French payments table in every encoding, delimiter and newline style', () => {
  const variants = frenchVariants();
  let result: AnalyzeResult;

  beforeAll(async () => {
    const dir = workDir();
    const files = variants.map((variant) =>
      writeInput(dir, variantName('fr', variant), frenchTable(variant)),
    );
    result = await analyzeFiles(files);
  });

  it('covers every encoding × delimiter, and every newline style', () => {
    expect(variants).toHaveLength(ENCODINGS.length * DELIMITERS.length);
    expect(new Set(variants.map((v) => v.newline))).toEqual(new Set(NEWLINES));
    expect(FRENCH_CENTS).toBe(123456 + 9990 + 100000000 - 1250 + 5 + 1550);
  });

  it('gives the same total for every file, and records the encoding and the delimiter found', () => {
    expect(result.datasets).toHaveLength(variants.length);
    for (const variant of variants) {
      const name = variantName('fr', variant);
      const dataset = result.datasets.find((d) => d.fileName === name);
      expect(dataset?.amountCents, name).toBe(FRENCH_CENTS);
      expect(dataset?.lines, name).toBe(FRENCH_ROWS.length);
      expect(dataset?.rejectedLines, name).toBe(0);
      expect(dataset?.format, name).toBe('fr-payments-csv');
      expect(dataset?.delimiter, name).toBe(variant.delimiter);
      expect(dataset?.encoding, name).toBe(variant.encoding);
    }
  });

  it('sees the 20 files as the same payments, to the cent: one counts, the others are superseded by it', () => {
    const counted = result.datasets.filter((dataset) => dataset.status === 'INGESTED');
    expect(counted).toHaveLength(1);
    const others = result.datasets.filter((dataset) => dataset.status === 'SUPERSEDED');
    expect(others).toHaveLength(variants.length - 1);
    // Whichever variant counts (the earliest upload), each of the others names it.
    for (const other of others) expect(other.supersededBy, other.fileName).toBe(counted[0]?.id);
    expect(result.report.datasets.map((entry) => entry.file)).toEqual([counted[0]?.fileName]);
    expect(toCents(result.report.totals.gross)).toBe(FRENCH_CENTS);
  });

  // Superseding needs every supplier's name decoded the same in all 20 files; the report then shows
  // each supplier once, with its accents.
  it('decodes every name identically: the 20 files meet on the same 6 suppliers, accents intact', () => {
    expect(result.report.totals.suppliers).toBe(FRENCH_ROWS.length);
    const suppliersCsv = readFileSync(join(result.outDir, 'suppliers.csv'), 'utf8');
    for (const [name] of FRENCH_ROWS) expect(suppliersCsv).toContain(name);
    const amounts = readSupplierAmounts(result.outDir);
    expect(amounts.get('name:cafe du marche n 3@38000')).toBe(123456);
  });
});

describe('a UK spend table in every encoding', () => {
  it('gives the same total in pounds whatever the encoding', async () => {
    const dir = workDir();
    const variants: TableVariant[] = ENCODINGS.map((encoding) => ({
      encoding,
      delimiter: ',',
      newline: 'crlf',
    }));
    const files = variants.map((variant) => writeInput(dir, variantName('uk', variant), ukTable(variant)));
    const result = await analyzeFiles(files, { territoryId: 'oxford' });
    expect(UK_CENTS).toBe(123456 + 51200 - 4510 + 60000);
    expect(result.report.currency).toBe('GBP');
    for (const variant of variants) {
      const name = variantName('uk', variant);
      const reported = result.report.datasets.find((d) => d.file === name);
      expect(reported?.format, name).toBe('uk-spend-csv');
      expect(reported?.encoding, name).toBe(variant.encoding);
      expect(reported && toCents(reported.amount), name).toBe(UK_CENTS);
      expect(reported?.rejectedLines, name).toBe(0);
    }
    expect(result.report.totals.suppliers).toBe(UK_ROWS.length);
  });
});

describe('a UTF-8 file with one invalid byte far past its first 64 KB', () => {
  const ROWS = 560;
  const BAD_ROW = 540;

  it('reads that line alone as Windows-1252 and counts it, flagged, and all the others, accents intact', async () => {
    const bytes = utf8WithInvalidByte(ROWS, BAD_ROW);
    expect(bytes.indexOf(0xff)).toBeGreaterThan(4 * 64 * 1024);
    const result = await analyzeFiles([writeInput(workDir(), 'mandats-one-bad-byte.csv', bytes)]);

    const rows = Array.from({ length: ROWS }, (_, i) => largeRow(i + 1));
    const badCents = frenchCents(rows[BAD_ROW - 1]?.[1] ?? '');
    expect(result.report.datasets[0]?.encoding).toBe('utf-8');
    expect(toCents(result.report.totals.gross)).toBe(sum(rows.map(([, amount]) => frenchCents(amount))));
    expect(result.report.totals.lines).toBe(ROWS);
    expect(readRejects(result.outDir, 'mandats-one-bad-byte.csv')).toEqual([]);
    expect(result.report.datasets[0]?.reconciliation?.flags).toContainEqual(
      expect.objectContaining({ flag: 're-decoded', lines: 1, amount: badCents / 100 }),
    );
    const suppliersCsv = readFileSync(join(result.outDir, 'suppliers.csv'), 'utf8');
    expect(suppliersCsv).toContain('Fournisseur n°1 – Sàrl Été');
    expect(suppliersCsv).not.toContain('\uFFFD');
  });

  it('counts a line that neither UTF-8 nor Windows-1252 reads, flagged with its amount', async () => {
    // 0x81 is one of the five bytes Windows-1252 leaves undefined.
    const bytes = utf8WithInvalidByte(ROWS, BAD_ROW, 0x81);
    const result = await analyzeFiles([writeInput(workDir(), 'mandats-unreadable-byte.csv', bytes)]);
    const rows = Array.from({ length: ROWS }, (_, i) => largeRow(i + 1));
    const badCents = frenchCents(rows[BAD_ROW - 1]?.[1] ?? '');
    expect(toCents(result.report.totals.gross)).toBe(sum(rows.map(([, amount]) => frenchCents(amount))));
    expect(readRejects(result.outDir, 'mandats-unreadable-byte.csv')).toEqual([]);
    expect(result.report.datasets[0]?.reconciliation?.flags).toContainEqual(
      expect.objectContaining({ flag: 'undecodable', lines: 1, amount: badCents / 100 }),
    );
    expect(result.report.dataQuality.reconciliation.rejected).toMatchObject({ lines: 0 });
  });
});

describe('the encoding is judged on the first 64 KB, whatever the size of the chunks read', () => {
  /** The same bytes as one chunk, or as 16 KB chunks: an S3 body may arrive either way. */
  async function encodingOf(bytes: Buffer, chunkSize: number): Promise<string> {
    async function* chunks() {
      for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
    }
    return (await decodeText(chunks())).encoding;
  }
  // The invalid byte sits at ~100 KB: past the first 64 KB.
  const bytes = utf8WithInvalidByte(300, 200);

  it('read in 16 KB chunks, the file is UTF-8 (the bad byte is past the sample)', async () => {
    expect(bytes.indexOf(0xff)).toBeGreaterThan(96 * 1024);
    expect(await encodingOf(bytes, 16 * 1024)).toBe('utf-8');
  });

  it('read as one chunk, it is still UTF-8: the decoding does not depend on chunk sizes', async () => {
    expect(await encodingOf(bytes, bytes.length)).toBe('utf-8');
  });
});
