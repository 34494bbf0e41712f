import type { ColumnSource } from 'hyparquet-writer';

/**
 * A column's values as they cross to the Parquet encoder's thread. Copying a million lines' worth
 * of strings one by one between threads cost the ingest thread seconds (`postMessage`), and the
 * encoder thread as much to rebuild them (BENCHMARKS.md); a line file's texts repeat (a supplier's
 * name, postcode, category on every line of it), so they cross once per row group, with one index
 * per line in a buffer that is handed over rather than copied. Numbers cross in a buffer too.
 * The encoder thread unpacks them into the very arrays it was given before: the bytes are the same.
 */
export type PackedData =
  /** Every value a number or null (NaN); no value NaN itself. */
  | { readonly numbers: Float64Array }
  /** Every value a string or null (index -1). */
  | { readonly dictionary: readonly string[]; readonly indexes: Int32Array }
  /** Anything else (a typed array, mixed values), copied as it is: the encoder judges it. */
  | { readonly values: ArrayLike<unknown> };

export type PackedColumn = Omit<ColumnSource, 'data'> & { readonly data: PackedData };

/** A row group ready to be posted: its columns and the buffers handed over with them. */
export interface PackedRowGroup {
  readonly columns: readonly PackedColumn[];
  readonly transfer: readonly ArrayBuffer[];
}

const NULL_INDEX = -1;

/**
 * One column's values packed as they come, so that whatever they were read from can be let go at
 * once (a row group's lines held until it is full outlived V8's young generation: BENCHMARKS.md).
 */
export class ColumnPacker {
  private size = 0;
  private numbers: Float64Array | undefined;
  private indexes: Int32Array | undefined;
  private values: unknown[] | undefined;
  private readonly dictionary: string[] = [];
  private readonly indexOf = new Map<string, number>();
  // Many columns hold one value line after line (the buyer, the currency): no lookup for a repeat.
  private previous: unknown = null;
  private previousIndex = NULL_INDEX;

  constructor(private readonly capacity: number) {}

  get length(): number {
    return this.size;
  }

  add(value: unknown): void {
    const at = this.size++;
    if (this.values) this.values.push(value);
    else if (this.indexes) this.addString(at, value);
    else if (this.numbers) this.addNumber(at, value);
    else if (typeof value === 'string') {
      this.indexes = new Int32Array(this.capacity).fill(NULL_INDEX);
      this.addString(at, value);
    } else if (typeof value === 'number') {
      this.numbers = new Float64Array(this.capacity).fill(Number.NaN);
      this.addNumber(at, value);
    } else if (value !== null) this.toValues(at, value);
  }

  /** The values added so far, packed; the packer is not used after. */
  take(): { data: PackedData; transfer: ArrayBuffer[] } {
    const { size } = this;
    const fitted = <T extends Float64Array | Int32Array>(array: T) =>
      (array.length === size ? array : array.slice(0, size)) as T;
    if (this.values) return { data: { values: this.values }, transfer: [] };
    if (this.indexes) {
      const indexes = fitted(this.indexes);
      return { data: { dictionary: this.dictionary, indexes }, transfer: [indexes.buffer as ArrayBuffer] };
    }
    const numbers = this.numbers ? fitted(this.numbers) : new Float64Array(size).fill(Number.NaN);
    return { data: { numbers }, transfer: [numbers.buffer as ArrayBuffer] };
  }

  private addString(at: number, value: unknown): void {
    const indexes = this.indexes as Int32Array;
    if (value === this.previous) {
      indexes[at] = this.previousIndex;
      return;
    }
    if (value === null) indexes[at] = NULL_INDEX;
    else if (typeof value !== 'string') {
      this.toValues(at, value);
      return;
    } else {
      let index = this.indexOf.get(value);
      if (index === undefined) {
        index = this.dictionary.push(value) - 1;
        this.indexOf.set(value, index);
      }
      indexes[at] = index;
    }
    this.previous = value;
    this.previousIndex = indexes[at] as number;
  }

  private addNumber(at: number, value: unknown): void {
    if (value === null) (this.numbers as Float64Array)[at] = Number.NaN;
    else if (typeof value === 'number' && !Number.isNaN(value)) (this.numbers as Float64Array)[at] = value;
    else this.toValues(at, value);
  }

  /** A value neither kind holds: everything added becomes a plain list again. */
  private toValues(at: number, value: unknown): void {
    const values: unknown[] = [];
    for (let earlier = 0; earlier < at; earlier++) values.push(this.valueAt(earlier));
    values.push(value);
    this.values = values;
    this.numbers = undefined;
    this.indexes = undefined;
  }

  private valueAt(at: number): unknown {
    if (this.indexes) {
      const index = this.indexes[at] as number;
      return index === NULL_INDEX ? null : this.dictionary[index];
    }
    const number = this.numbers?.[at];
    return number === undefined || Number.isNaN(number) ? null : number;
  }
}

/** Columns given whole, packed. */
export function packedRowGroup(columns: readonly ColumnSource[]): PackedRowGroup {
  const transfer: ArrayBuffer[] = [];
  const packed = columns.map(({ data: values, ...column }) => {
    if (!Array.isArray(values)) return { ...column, data: { values } };
    const packer = new ColumnPacker(values.length);
    for (const value of values) packer.add(value);
    const { data, transfer: buffers } = packer.take();
    transfer.push(...buffers);
    return { ...column, data };
  });
  return { columns: packed, transfer };
}
