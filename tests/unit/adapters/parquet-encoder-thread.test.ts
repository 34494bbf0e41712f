import { parquetReadObjects } from 'hyparquet';
import { afterEach, describe, expect, it } from 'vitest';
import { type ColumnReader, packedRowGroup, schemaOf } from '../../../shared/adapters/packed-columns.ts';
import { ParquetEncoderThread } from '../../../shared/adapters/parquet-encoder-thread.ts';

/** The Parquet encoder's thread, for real: a worker started from its file, bytes read back by a Parquet reader. */

type Row = readonly [number | string | null, string | null];
const readers: ColumnReader<Row>[] = [
  { name: 'amount_cents', type: 'INT64', nullable: true, value: ([cents]) => cents },
  { name: 'supplier_name', type: 'STRING', nullable: true, value: ([, name]) => name },
];
const columns = (cents: readonly (number | string | null)[], names: readonly (string | null)[]) =>
  packedRowGroup(
    cents.map((value, at): Row => [value, names[at] ?? null]),
    readers,
  );
const schema = schemaOf(readers);
const fileOf = (parts: readonly Uint8Array[]) => {
  const bytes = Buffer.concat(parts);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};

let encoder: ParquetEncoderThread | undefined;
afterEach(async () => {
  await encoder?.stop();
  encoder = undefined;
});

describe('the Parquet encoder thread', () => {
  it('answers row groups in the order they were sent; their bytes and the footer make one file', async () => {
    encoder = new ParquetEncoderThread(schema);
    // Sent before any answer arrives: the thread is busy with the first while the second waits.
    const first = encoder.encode(columns([123_45, null, 2 ** 53 - 1], ['Régie A', 'B', null]));
    const second = encoder.encode(columns([-50], ['Coopérative C']));
    const parts = [await first, await second, await encoder.finish()];
    expect(
      Buffer.from(parts[0] ?? [])
        .subarray(0, 4)
        .toString(),
    ).toBe('PAR1');
    expect(await parquetReadObjects({ file: fileOf(parts) })).toEqual([
      { amount_cents: 12_345n, supplier_name: 'Régie A' },
      { amount_cents: null, supplier_name: 'B' },
      { amount_cents: 9_007_199_254_740_991n, supplier_name: null },
      { amount_cents: -50n, supplier_name: 'Coopérative C' },
    ]);
  });

  it('refuses a row group it cannot encode with the reason, and everything after it: the file is broken', async () => {
    encoder = new ParquetEncoderThread(schema);
    await expect(encoder.encode(columns([1.5], ['x']))).rejects.toThrow(
      /Parquet encoding failed: column amount_cents: 1.5 is not an INT64/,
    );
    await expect(encoder.encode(columns([1], ['y']))).rejects.toThrow(/Parquet encoding failed/);
    await expect(encoder.finish()).rejects.toThrow(/Parquet encoding failed/);
  });

  it('once stopped, refuses at once instead of waiting for an answer that will not come', async () => {
    encoder = new ParquetEncoderThread(schema);
    const pending = encoder.encode(columns([1], ['z']));
    pending.catch(() => undefined);
    await encoder.stop();
    await expect(encoder.encode(columns([2], ['w']))).rejects.toThrow(/stopped/);
    await expect(encoder.finish()).rejects.toThrow(/stopped/);
  });
});
