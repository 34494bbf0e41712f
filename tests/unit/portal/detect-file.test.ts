import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFile } from '../../../portal/src/detect/detect-file.ts';
import { createFileReader } from '../../../shared/adapters/file-reader.ts';
import { DecpJsonCore } from '../../../shared/domain/decp/decp-json-core.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import {
  formatOfMappingProfile,
  type MappingProfile,
  MappingProfileSchema,
} from '../../../shared/domain/formats/mapping-profile.ts';
import { IngestCore } from '../../../shared/domain/ingest/index.ts';
import { decpV2Json } from '../../fixtures/built/decp-json.ts';
import { cp1252File, PROFILES, UNSURE_FILE, unknownLayoutFile } from '../../fixtures/built/mapping-files.ts';
import { frenchMessyFile, ukMessyFile } from '../../fixtures/built/messy-files.ts';
import { frenchTable, frenchVariants, variantName } from '../../fixtures/built/payments-table.ts';
import { repoRoot } from '../../support/run-cli.ts';

const SAMPLE = 200;

/** What the ingest function's own reader (Node streams, papaparse's stream mode) makes of the first records. */
async function asIngestReadsIt(bytes: Uint8Array, profile?: MappingProfile) {
  const formats = profile ? [formatOfMappingProfile(profile)] : KNOWN_FORMATS;
  const chunks = (async function* () {
    // Small chunks, so characters and lines are cut across them as a real stream cuts them.
    for (let start = 0; start < bytes.length; start += 4096) yield bytes.subarray(start, start + 4096);
  })();
  const file = await createFileReader(formats).open(chunks, {
    delimiter: profile?.delimiter,
    encoding: profile?.encoding,
  });
  if (file.shape === 'json') {
    const core = new DecpJsonCore({
      version: file.version,
      split: 'equal',
      maxRejectedRatio: 1,
      defaultAnchorId: 'inspect',
    });
    let seen = 0;
    for await (const batch of file.records) {
      for (const record of batch) if (seen++ < SAMPLE) core.push(record);
      if (seen >= SAMPLE) break;
    }
    return {
      encoding: file.encoding,
      format: core.format.id,
      lines: core.drainLines(),
      rejections: core.drainRejections(),
    };
  }
  const core = new IngestCore({
    formats,
    defaultAnchorId: 'preview',
    delimiter: file.delimiter,
    maxRejectedRatio: 1,
    headerSearchRows: profile?.headerLine,
    inferColumns: !profile,
  });
  let seen = 0;
  for await (const batch of file.rows) {
    for (const row of batch) if (seen++ < SAMPLE) core.push(row);
    if (seen >= SAMPLE) break;
  }
  if (!core.locatedHeader) core.finish();
  return {
    encoding: file.encoding,
    delimiter: file.delimiter,
    format: core.locatedHeader?.format.id,
    headerLine: core.locatedHeader?.line,
    lines: core.drainLines(),
    rejections: core.drainRejections(),
  };
}

/** SYNTHETIC: an English spend file whose headers no format's alias list holds (made-up suppliers). */
const VENDOR_FILE = [
  'Vendor;Spend;Invoice Payment Date;Gross Spend',
  'Acme Ltd;1250.00;03/02/2024;1500.00',
  'Bolt Co;310.45;10/02/2024;372.54',
  'Cog & Sons;99.10;11/02/2024;118.92',
  '',
].join('\n');

const bytesOf = (content: string | Uint8Array) =>
  typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content);

const CASES: readonly { name: string; content: string | Uint8Array; profile?: MappingProfile }[] = [
  {
    name: 'decp-table-schema-example.csv (real)',
    content: readFileSync(`${repoRoot}tests/fixtures/real/decp-table-schema-example.csv`),
  },
  {
    name: 'decp-v1-isere-2019.json (real)',
    content: readFileSync(`${repoRoot}tests/fixtures/real/decp-v1-isere-2019.json`),
  },
  {
    name: 'uk-oxford-spend-over-500 (real)',
    content: readFileSync(`${repoRoot}data/samples/uk-oxford-spend-over-500-2018q1.csv`),
  },
  {
    name: 'sample mandats, title lines above the header',
    content: readFileSync(`${repoRoot}data/samples/SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv`),
  },
  { name: 'messy French extract', content: frenchMessyFile() },
  { name: 'headers in no alias list, read by inference', content: VENDOR_FILE },
  { name: 'messy UK spend file', content: ukMessyFile() },
  { name: 'DECP JSON 2024', content: decpV2Json() },
  {
    name: 'unknown layout read with its profile',
    content: unknownLayoutFile(),
    profile: MappingProfileSchema.parse(PROFILES.pipe),
  },
  {
    name: 'Windows-1252 file read with its profile',
    content: cp1252File(),
    profile: MappingProfileSchema.parse(PROFILES.cp1252),
  },
  ...frenchVariants().map((variant) => ({
    name: variantName('french', variant),
    content: frenchTable(variant),
  })),
];

describe('detection in the browser', () => {
  it.each(CASES)('sees $name as ingest does', async ({ content, profile }) => {
    const bytes = bytesOf(content);
    const detection = await detectFile(new Blob([bytes]), 'file', profile ? { profile } : {});
    const ingest = await asIngestReadsIt(bytes, profile);
    expect(detection.encoding).toBe(ingest.encoding);
    expect(detection.format?.id).toBe(ingest.format);
    if ('delimiter' in ingest) {
      expect(detection.delimiter).toBe(ingest.delimiter);
      expect(detection.headerLine).toBe(ingest.headerLine);
    }
    const summary = (line: {
      lineNumber: number;
      amountCents: number;
      date?: string | undefined;
      supplier: { key: string };
    }) => [line.lineNumber, line.amountCents, line.date ?? 'undated', line.supplier.key].join('|');
    // The browser reads the first 64 KB of a delimited file (as ingest sniffs it): compare what both saw.
    const seen = Math.max(...detection.accepted.map((line) => line.lineNumber));
    const upTo = <T extends { lineNumber: number }>(items: readonly T[]) =>
      items.filter((item) => item.lineNumber <= seen);
    expect(detection.accepted.length).toBeGreaterThan(0);
    expect(detection.accepted.map(summary)).toEqual(upTo(ingest.lines).map(summary));
    expect(upTo(detection.rejected).map((r) => [r.lineNumber, r.reason])).toEqual(
      upTo(ingest.rejections).map((r) => [r.lineNumber, r.reason]),
    );
  });

  it('reads the columns of a file no format fits by inference, as the server will, and says how', async () => {
    const detection = await detectFile(new Blob([VENDOR_FILE]), 'vendor-spend.csv');
    expect(detection.format).toMatchObject({
      id: 'inferred',
      currency: 'GBP',
      decimal: '.',
      dateOrder: 'dmy',
    });
    expect(detection.failure).toBeUndefined();
    expect(detection.headerLine).toBe(1);
    expect(detection.columnReading?.map((record) => [record.role, record.header])).toEqual([
      ['supplierName', 'Vendor'],
      ['amount', 'Spend'],
      ['date', 'Invoice Payment Date'],
    ]);
    // Net and gross amounts score alike: the net one is the spend, and the reading says why.
    const amount = detection.columnReading?.find((record) => record.role === 'amount');
    expect(amount?.settledBy).toBe('net-of-vat');
    expect(amount?.alternatives.map((other) => other.header)).toEqual(['Gross Spend']);
    expect(detection.bestGuess).toBeUndefined();
    expect(detection.accepted.map((line) => line.amountCents)).toEqual([125000, 31045, 9910]);
  });

  it('says why a file is not recognised, and offers its rows and inference’s best guess for mapping', async () => {
    const detection = await detectFile(new Blob([UNSURE_FILE]), 'export.csv');
    expect(detection.format).toBeUndefined();
    expect(detection.columnReading).toBeUndefined();
    expect(detection.failure).toMatch(/no header row found.*the best reading was/s);
    expect(detection.rows[2]).toEqual(['Intitulé', 'Valeur', 'Jour', 'Zone']);
    expect(detection.rowLines.slice(0, 3)).toEqual([1, 2, 3]);
    expect(detection.bestGuess?.headerLine).toBe(3);
    expect(detection.bestGuess?.columns.map((column) => [column.field, column.index])).toEqual([
      ['supplierName', 0],
      ['amount', 1],
      ['supplierPostcode', 3],
    ]);
    expect(detection.bestGuess?.records.find((record) => record.role === 'supplierName')?.scorePercent).toBe(
      30,
    );
    expect(detection.accepted).toEqual([]);
  });

  it('reads a file with the profile given only, with no inference, as the server does for an upload naming one', async () => {
    const profile = MappingProfileSchema.parse(PROFILES.pipe);
    const detection = await detectFile(new Blob([VENDOR_FILE]), 'vendor-spend.csv', { profile });
    expect(detection.format).toBeUndefined();
    expect(detection.columnReading).toBeUndefined();
    expect(detection.bestGuess).toBeUndefined();
    expect(detection.failure).toMatch(/no header row found/);
  });

  it('recognises a file by a saved profile of the anchor', async () => {
    const profile = MappingProfileSchema.parse(PROFILES.pipe);
    const detection = await detectFile(new Blob([unknownLayoutFile()]), 'export.txt', {
      savedProfiles: [profile],
    });
    // A saved profile that fits wins over inference, which would read this file too.
    expect(detection.format?.id).toBe('mapping:regie-pipe');
    expect((await detectFile(new Blob([unknownLayoutFile()]), 'export.txt')).format?.id).toBe('inferred');
    expect(detection.columnReading).toBeUndefined();
    expect(detection.columns.map((column) => [column.field, column.column])).toEqual(
      expect.arrayContaining([
        ['supplierName', 'Nom fournisseur'],
        ['amount', 'Mt payé'],
      ]),
    );
    expect(detection.accepted.map((line) => line.amountCents)).toEqual([125000, 31045, -2000, 499999]);
  });

  it('shows the first lines as decoded text and lists the columns no field uses', async () => {
    const detection = await detectFile(
      new Blob([readFileSync(`${repoRoot}tests/fixtures/real/decp-table-schema-example.csv`)]),
      'decp.csv',
    );
    expect(detection.firstLines[0]).toMatch(/^id,uid,acheteur_id/);
    expect(detection.unusedColumns).toContain('procedure');
    expect(detection.columns.find((column) => column.field === 'amount')?.column).toBe('montant');
  });
});
