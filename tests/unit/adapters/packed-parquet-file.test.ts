import fc from 'fast-check';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { type ColumnReader, packedRowGroup, schemaOf } from '../../../shared/adapters/packed-columns.ts';
import { PackedParquetFile } from '../../../shared/adapters/packed-parquet-file.mjs';

/**
 * Parquet written from packed row groups, read back by an independent reader (hyparquet): values,
 * the encoding chosen for each column, statistics, and what cannot be written.
 */

type Row = { readonly text: string | null; readonly cents: number | null; readonly share: number | null };
const readers: ColumnReader<Row>[] = [
  { name: 'text', type: 'STRING', nullable: true, statistics: true, value: (row) => row.text },
  { name: 'cents', type: 'INT64', nullable: true, value: (row) => row.cents },
  { name: 'share', type: 'INT32', nullable: true, value: (row) => row.share },
];
const schema = schemaOf(readers);

function fileOf(rowGroups: readonly (readonly Row[])[]): ArrayBuffer {
  const file = new PackedParquetFile(schema, 'test');
  const parts: Uint8Array[] = [file.take()];
  for (const rows of rowGroups) {
    file.writeRowGroup(packedRowGroup(rows, readers).columns);
    parts.push(file.take());
  }
  file.finish();
  parts.push(file.take());
  const bytes = Buffer.concat(parts);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

const row = (text: string | null, cents: number | null = null, share: number | null = null): Row => ({
  text,
  cents,
  share,
});

describe('PackedParquetFile', () => {
  it('reads back every row group, whatever its runs, repeats, nulls, characters and integers', async () => {
    // Few distinct values make long runs (RLE) as well as long stretches of packed indexes.
    const text = fc.option(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('Régie A', 'B', '', 'Coopérative 😀') },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
      ),
      { nil: null, freq: 3 },
    );
    const cents = fc.option(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), { nil: null });
    const share = fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: null });
    const runOf = fc
      .tuple(fc.tuple(text, cents, share), fc.integer({ min: 1, max: 700 }))
      .map(([[t, c, s], times]) => Array.from({ length: times }, () => row(t, c, s)));
    const group = fc.array(
      fc.oneof(
        runOf,
        fc.tuple(text, cents, share).map(([t, c, s]) => [row(t, c, s)]),
      ),
      {
        minLength: 1,
        maxLength: 30,
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(group, { minLength: 1, maxLength: 3 }), async (groups) => {
        const rowGroups = groups.map((runs) => runs.flat());
        const read = await parquetReadObjects({ file: fileOf(rowGroups) });
        expect(read).toEqual(
          rowGroups.flat().map((r) => ({ ...r, cents: r.cents === null ? null : BigInt(r.cents) })),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a dictionary where it at least halves the bytes, and writes texts that hardly repeat plainly', () => {
    const rows = Array.from({ length: 2_000 }, (_, at) => row(at % 2 === 0 ? 'Régie des eaux' : `PAY-${at}`));
    const repeated = fileOf([rows.filter((_, at) => at % 2 === 0)]);
    const unique = fileOf([rows.filter((_, at) => at % 2 === 1)]);
    const chunk = (file: ArrayBuffer) => parquetMetadata(file).row_groups[0]?.columns[0]?.meta_data;
    expect(chunk(repeated)?.encodings).toContain('RLE_DICTIONARY');
    expect(chunk(repeated)?.dictionary_page_offset).toBeDefined();
    expect(chunk(unique)?.encodings).not.toContain('RLE_DICTIONARY');
    expect(chunk(unique)?.dictionary_page_offset).toBeUndefined();
  });

  it('reads back indexes of many bits, packed over stretches longer than one run holds', async () => {
    // 1 500 values in turn: a dictionary with 11-bit indexes, none repeated twice in a row.
    const rows = Array.from({ length: 5_000 }, (_, at) => row(`V${at % 1_500}`, at));
    const file = fileOf([rows]);
    expect(parquetMetadata(file).row_groups[0]?.columns[0]?.meta_data?.encodings).toContain('RLE_DICTIONARY');
    expect(await parquetReadObjects({ file })).toEqual(
      rows.map((r) => ({ ...r, cents: BigInt(r.cents ?? 0) })),
    );
  });

  it('gives a column its least and greatest text in UTF-8 byte order, and its nulls', () => {
    // JavaScript's `<` puts U+E000 after 😀 (a surrogate pair, 0xD83D…); UTF-8 puts it before.
    const texts = ['z', 'é', '\uE000', '😀', 'a', null, 'Z'];
    const statistics = parquetMetadata(fileOf([texts.map((text) => row(text))])).row_groups[0]?.columns[0]
      ?.meta_data?.statistics;
    expect(statistics).toMatchObject({ min_value: 'Z', max_value: '😀', null_count: 1n });
  });

  it('writes a column of nulls only, and a row group of one row', async () => {
    const read = await parquetReadObjects({ file: fileOf([[row(null)], [row(null, 5), row(null, -5)]]) });
    expect(read).toEqual([row(null), row(null, 5n as never), row(null, -5n as never)]);
  });

  it.each([
    ['an INT32 out of range', [row('a', 1, 2 ** 31)], /column share: 2147483648 is not an INT32/],
    ['an integer that is not safe', [row('a', 2 ** 53)], /column cents: 9007199254740992 is not an INT64/],
    ['a fraction', [row('a', 0.5)], /column cents: 0.5 is not an INT64/],
  ])('refuses %s, naming the column', (_, rows, reason) => {
    expect(() => fileOf([rows])).toThrow(reason);
  });

  it('refuses a column the schema does not hold, or of another length than the row group', () => {
    const file = new PackedParquetFile(schema, 'test');
    const [text, cents] = packedRowGroup([row('a', 1), row('b', 2)], readers).columns;
    const [shortText] = packedRowGroup([row('a', 1)], readers).columns;
    if (!text || !cents || !shortText) throw new Error('three columns packed');
    expect(() => file.writeRowGroup([{ ...text, name: 'other' }])).toThrow(
      /other is not in the file's schema/,
    );
    expect(() => file.writeRowGroup([cents, shortText])).toThrow(/text has 1 values, the row group 2/);
  });
});
