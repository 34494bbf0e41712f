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

function packedNumbers(values: readonly unknown[]): Float64Array | undefined {
  const numbers = new Float64Array(values.length);
  for (let at = 0; at < values.length; at++) {
    const value = values[at];
    if (value === null) numbers[at] = Number.NaN;
    else if (typeof value === 'number' && !Number.isNaN(value)) numbers[at] = value;
    else return undefined;
  }
  return numbers;
}

function packedStrings(
  values: readonly unknown[],
): { dictionary: string[]; indexes: Int32Array } | undefined {
  const indexOf = new Map<string, number>();
  const dictionary: string[] = [];
  const indexes = new Int32Array(values.length);
  // Many columns hold one value line after line (the buyer, the currency): no lookup for a repeat.
  let previous: unknown = null;
  let previousIndex = NULL_INDEX;
  for (let at = 0; at < values.length; at++) {
    const value = values[at];
    if (value !== previous) {
      if (typeof value === 'string') {
        let index = indexOf.get(value);
        if (index === undefined) {
          index = dictionary.push(value) - 1;
          indexOf.set(value, index);
        }
        previousIndex = index;
      } else if (value === null) previousIndex = NULL_INDEX;
      else return undefined;
      previous = value;
    }
    indexes[at] = previousIndex;
  }
  return { dictionary, indexes };
}

/** One column's values packed, and the buffers to hand over with them. */
function packed(values: ColumnSource['data']): { data: PackedData; transfer: ArrayBuffer[] } {
  if (Array.isArray(values)) {
    const strings = typeof values.find((value) => value !== null) === 'string' && packedStrings(values);
    if (strings) return { data: strings, transfer: [strings.indexes.buffer as ArrayBuffer] };
    const numbers = !strings && packedNumbers(values);
    if (numbers) return { data: { numbers }, transfer: [numbers.buffer as ArrayBuffer] };
  }
  return { data: { values }, transfer: [] };
}

/** Columns packed for the encoder thread. */
export function packedRowGroup(columns: readonly ColumnSource[]): PackedRowGroup {
  const transfer: ArrayBuffer[] = [];
  const packedColumns = columns.map(({ data: values, ...column }) => {
    const { data, transfer: buffers } = packed(values);
    transfer.push(...buffers);
    return { ...column, data };
  });
  return { columns: packedColumns, transfer };
}
