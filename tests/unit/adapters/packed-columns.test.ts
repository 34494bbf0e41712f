import fc from 'fast-check';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { type ColumnReader, packedRowGroup, schemaOf } from '../../../shared/adapters/packed-columns.ts';
import { ParquetEncoderThread } from '../../../shared/adapters/parquet-encoder-thread.ts';

/** Columns packed for the encoder thread: the right form for each kind, and the same file after the crossing. */

const packed = (values: unknown[], type: 'STRING' | 'INT64' | 'INT32' = 'STRING') => {
  const { columns, transfer } = packedRowGroup(values, [{ name: 'c', type, value: (v) => v }]);
  return { data: columns[0]?.data, transfer };
};

describe('packedRowGroup', () => {
  it('sends texts once each, with one index per value, and nulls as -1', () => {
    const { data, transfer } = packed(['Régie A', null, 'Régie A', 'B', 'B', 'Régie A']);
    expect(data).toEqual({ dictionary: ['Régie A', 'B'], indexes: Int32Array.from([0, -1, 0, 1, 1, 0]) });
    expect(transfer).toHaveLength(1);
  });

  it.each(['INT64', 'INT32'] as const)(
    'sends the numbers of an %s column in a buffer, nulls as NaN',
    (type) => {
      const { data, transfer } = packed([null, 12_345, -50, 2 ** 31 - 1, null], type);
      expect(data).toEqual({
        numbers: Float64Array.from([Number.NaN, 12_345, -50, 2 ** 31 - 1, Number.NaN]),
      });
      expect(transfer[0]?.byteLength).toBe(5 * 8);
    },
  );

  it('sends a column of nulls only in the form of its type', () => {
    expect(packed([null, null]).data).toEqual({ dictionary: [], indexes: Int32Array.from([-1, -1]) });
    expect(packed([null, null], 'INT64').data).toEqual({
      numbers: Float64Array.from([Number.NaN, Number.NaN]),
    });
  });

  it.each([
    ['a number in a text column', [null, 'x', 2], 'STRING', /column c: 2 is not a text/],
    ['a text in a number column', [1, null, 'x'], 'INT64', /column c: "x" is not a number/],
    ['NaN, which stands for null among numbers', [1, Number.NaN], 'INT64', /column c: .* is not a number/],
    ['a value of another kind', [null, true], 'STRING', /column c: true is not a text/],
    ['a column of a type line files do not hold', ['x'], 'DOUBLE', /not DOUBLE/],
  ] as const)('refuses %s, naming the column', (_, values, type, reason) => {
    expect(() => packed([...values], type as 'STRING')).toThrow(reason);
  });
});

describe('a row group packed, encoded on the thread and read back', () => {
  const encoders: ParquetEncoderThread[] = [];
  afterAll(async () => {
    for (const encoder of encoders) await encoder.stop();
  });

  type Row = readonly [string | null, number | null];
  const columns: ColumnReader<Row>[] = [
    { name: 'name', type: 'STRING', nullable: true, value: ([name]) => name },
    { name: 'cents', type: 'INT64', nullable: true, value: ([, cents]) => cents },
  ];
  const schema = schemaOf(columns);

  const roundTrip = async (rows: readonly Row[]) => {
    const encoder = new ParquetEncoderThread(schema);
    encoders.push(encoder);
    const bytes = Buffer.concat([
      await encoder.encode(packedRowGroup(rows, columns)),
      await encoder.finish(),
    ]);
    await encoder.stop();
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return parquetReadObjects({ file });
  };

  it('reads back every value in its row, whatever repeats, nulls and characters it holds', async () => {
    const text = fc.option(fc.oneof(fc.constantFrom('Régie A', 'B', ''), fc.string({ unit: 'grapheme' })), {
      nil: null,
    });
    const cents = fc.option(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), { nil: null });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, cents), { minLength: 1, maxLength: 200 }), async (rows) => {
        const read = await roundTrip(rows);
        expect(read).toEqual(
          rows.map(([name, value]) => ({ name, cents: value === null ? null : BigInt(value) })),
        );
      }),
      { numRuns: 40 },
    );
  });
});
