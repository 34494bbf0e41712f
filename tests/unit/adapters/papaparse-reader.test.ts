import { createHash } from 'node:crypto';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createFileReader } from '../../../shared/adapters/file-reader.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import type { RawRow } from '../../../shared/domain/ingest/ingest-core.ts';

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Splits a buffer at the given byte offsets (any order, repeats allowed: empty chunks are fine). */
async function* chunksOf(bytes: Buffer, cuts: readonly number[] = []): AsyncGenerator<Uint8Array> {
  let previous = 0;
  for (const cut of [...cuts.map((c) => Math.min(c, bytes.length)).sort((a, b) => a - b), bytes.length]) {
    yield bytes.subarray(previous, cut);
    previous = cut;
  }
}

async function read(bytes: Buffer, cuts: readonly number[] = []) {
  const text = await createFileReader(KNOWN_FORMATS).open(chunksOf(bytes, cuts));
  if (text.shape !== 'delimited') throw new Error('expected a delimited file');
  const rows: RawRow[] = [];
  const batchSizes: number[] = [];
  for await (const batch of text.rows) {
    batchSizes.push(batch.length);
    for (const row of batch) rows.push({ lineNumber: row.lineNumber, cells: row.cells });
  }
  return { text, rows, batchSizes };
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16-le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')]);
    case 'windows-1252':
      return iconv.encode(text, 'win1252');
  }
}

/** A CSV writer independent of the code under test: quotes a cell holding the delimiter, a quote or a newline. */
function writeCsv(
  rows: readonly (readonly string[])[],
  delimiter: string,
  eol: string,
  trailingEol: boolean,
) {
  const record = (cells: readonly string[]) =>
    cells
      .map((cell) =>
        /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell,
      )
      .join(delimiter);
  return rows.map(record).join(eol) + (trailingEol ? eol : '');
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const normaliseNewlines = (cell: string) => cell.replace(/\r\n?/g, '\n');
const HEADER = ['Fournisseur', 'Montant', 'Date'];

describe('papaparse reader: examples', () => {
  it('reads a French file: BOM, ";", decimal commas, title above the header', async () => {
    const csv =
      '\uFEFFRégie — mandats 2025\r\n\r\nTiers;Montant TTC;Date mandat\r\nZoë;1 234,56;01/02/2025\r\n';
    const bytes = Buffer.from(csv, 'utf8');
    const { text, rows } = await read(bytes, [1, 2, 5]);
    expect(text.encoding).toBe('utf-8-bom');
    expect(text.delimiter).toBe(';');
    expect(rows).toEqual([
      { lineNumber: 1, cells: ['Régie — mandats 2025'] },
      { lineNumber: 2, cells: [''] },
      { lineNumber: 3, cells: ['Tiers', 'Montant TTC', 'Date mandat'] },
      { lineNumber: 4, cells: ['Zoë', '1 234,56', '01/02/2025'] },
    ]);
    expect(text.contentSha256()).toBe(sha256(bytes));
    expect(text.bytesRead()).toBe(bytes.length);
  });

  it('counts the newlines inside quoted cells in the next line numbers', async () => {
    const csv =
      'Fournisseur,Montant,Date\n"Zoë\nLigne 2\r\nLigne 3",12.00,01/02/2025\nB,"1,00",02/02/2025\n"",3,"a""b"\n';
    const { rows } = await read(Buffer.from(csv, 'utf8'), [30, 31, 40]);
    expect(rows).toEqual([
      { lineNumber: 1, cells: HEADER },
      { lineNumber: 2, cells: ['Zoë\nLigne 2\nLigne 3', '12.00', '01/02/2025'] },
      { lineNumber: 5, cells: ['B', '1,00', '02/02/2025'] },
      { lineNumber: 6, cells: ['', '3', 'a"b'] },
    ]);
  });

  it.each<[string, string]>([
    [';', 'Tiers;Montant;Date\nA;1,50;01/01/2025\nB;2,50;02/01/2025\n'],
    [',', 'Supplier Name,Amount,Paid Date\nA,1.50,01/01/2025\n'],
    ['\t', 'Supplier Name\tAmount\tPaid Date\nA, B; C\t1.50\t01/01/2025\n'],
    ['|', 'Tiers|Montant|Date\nA;B,C|1,50|01/01/2025\n'],
  ])('chooses %j from the header names, whatever the commas of the data', async (delimiter, csv) => {
    const { text, rows } = await read(Buffer.from(csv, 'utf8'));
    expect(text.delimiter).toBe(delimiter);
    expect(rows[1]?.cells).toHaveLength(3);
  });

  it('reads an empty body as no rows', async () => {
    const { text, rows } = await read(Buffer.alloc(0));
    expect(rows).toEqual([]);
    expect(text.contentSha256()).toBe(sha256(Buffer.alloc(0)));
    expect(text.bytesRead()).toBe(0);
  });

  it('reads a file larger than the sniffed head, with characters cut at every chunk boundary', async () => {
    const line = (i: number) => `Zoë Noël n°${i};1 234,56 €;01/02/2025`;
    const csv = ['Tiers;Montant;Date', ...Array.from({ length: 2_500 }, (_, i) => line(i))].join('\r\n');
    const bytes = Buffer.from(csv, 'utf8');
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const cuts = Array.from({ length: Math.floor(bytes.length / 997) }, (_, i) => (i + 1) * 997);
    const { text, rows, batchSizes } = await read(bytes, cuts);
    expect(text.encoding).toBe('utf-8');
    expect(rows).toHaveLength(2_501);
    expect(batchSizes).toEqual([1_000, 1_000, 501]);
    rows.slice(1).forEach((row, i) => {
      expect(row).toEqual({ lineNumber: i + 2, cells: [`Zoë Noël n°${i}`, '1 234,56 €', '01/02/2025'] });
    });
    expect(text.contentSha256()).toBe(sha256(bytes));
  });

  it('reads a Windows-1252 file ending with a newline', async () => {
    const bytes = iconv.encode('Fournisseur;Montant;Date\r\n1;2;Café\r\n', 'win1252');
    const { text, rows } = await read(bytes);
    expect(text.encoding).toBe('windows-1252');
    expect(rows[1]?.cells).toEqual(['1', '2', 'Café']);
  });

  it('reads a short Windows-1252 file whose last byte is "é" (no final newline)', async () => {
    const bytes = iconv.encode('Fournisseur;Montant;Date\r\n1;2;Café', 'win1252');
    const { text, rows } = await read(bytes);
    expect(rows[1]?.cells).toEqual(['1', '2', 'Café']);
    expect(text.encoding).toBe('windows-1252');
  });

  it('reads a Windows-1252 file whose first accented letter ends the 64 KiB sample', async () => {
    const header = 'Fournisseur;Montant;Date\n';
    const filler = 'Fournisseur sans accent;1,00;01/01/2025\n';
    let ascii = header;
    while (ascii.length + filler.length < 64 * 1024) ascii += filler;
    const padding = 'x'.repeat(64 * 1024 - 1 - ascii.length - 'Caf'.length);
    const csv = `${ascii}${padding}Café;2,00;02/01/2025\nÉlectricité;3,00;03/01/2025\n`;
    const bytes = iconv.encode(csv, 'win1252');
    expect(bytes[64 * 1024 - 1]).toBe(0xe9);
    const { text, rows } = await read(bytes, [64 * 1024]);
    expect(rows.at(-1)?.cells[0]).toBe('Électricité');
    expect(text.encoding).toBe('windows-1252');
  });
});

describe('papaparse reader: round trip (property)', () => {
  // Windows-1252 only gets letters of 0xC0–0xFF: no byte of 0x80–0xBF, so no run of bytes can happen
  // to be valid UTF-8 and detection has a single right answer.
  const COMMON = ['a', 'Z', '1', ' ', ';', ',', '\t', '|', '"', '\n', '\r\n', '\r', 'é', 'ë', 'à', 'ç', 'Ö'];
  const UNICODE = [...COMMON, '€', '—', '°', '日', '🎉', 'Œ'];

  const cellOf = (alphabet: readonly string[]) =>
    fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((parts) => parts.join(''));

  const scenario = fc
    .constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252')
    .chain((encoding) => {
      const cell = cellOf(encoding === 'windows-1252' ? COMMON : UNICODE);
      return fc.record({
        encoding: fc.constant(encoding),
        rows: fc.array(fc.tuple(cell, cell, cell), { maxLength: 12 }),
        delimiter: fc.constantFrom(';', ',', '\t', '|'),
        // A lone CR is what Excel for Mac writes.
        eol: fc.constantFrom('\r\n', '\n', '\r'),
        // Endings vary for every encoding, Windows-1252 included.
        trailingEol: fc.boolean(),
        cuts: fc.array(fc.nat({ max: 2_000 }), { maxLength: 12 }),
      });
    });

  it('reads back the same cells and line numbers, and hashes the whole buffer', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ encoding, rows, delimiter, eol, trailingEol, cuts }) => {
        const csv = writeCsv([HEADER, ...rows], delimiter, eol, trailingEol);
        const bytes = encode(csv, encoding);
        const { text, rows: readBack } = await read(
          bytes,
          cuts.map((cut) => cut % (bytes.length + 1)),
        );

        const expectedRows: RawRow[] = [];
        let lineNumber = 1;
        for (const cells of [HEADER, ...rows].map((r) => r.map(normaliseNewlines))) {
          expectedRows.push({ lineNumber, cells });
          lineNumber += 1 + (cells.join('').match(/\n/g)?.length ?? 0);
        }
        expect(text.delimiter).toBe(delimiter);
        expect(readBack).toEqual(expectedRows);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range check.
        const asciiOnly = /^[\u0000-\u007f]*$/.test(csv);
        expect(text.encoding).toBe(encoding === 'windows-1252' && asciiOnly ? 'utf-8' : encoding);
        expect(text.contentSha256()).toBe(sha256(bytes));
        expect(text.bytesRead()).toBe(bytes.length);
      }),
      { numRuns: 100 },
    );
  });
});
