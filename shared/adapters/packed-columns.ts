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
  /** Anything else (mixed values), copied as it is: the encoder judges it. */
  | { readonly values: ArrayLike<unknown> };

type PackedColumn = Omit<ColumnSource, 'data'> & { readonly data: PackedData };

/** A row group ready to be posted: its columns and the buffers handed over with them. */
export interface PackedRowGroup {
  readonly columns: readonly PackedColumn[];
  readonly transfer: readonly ArrayBuffer[];
}

const NULL_INDEX = -1;

/** How a column's value is read from one of the items it is packed from. */
type Read<Item> = (item: Item) => unknown;

function packedNumbers<Item>(items: readonly Item[], read: Read<Item>): Float64Array | undefined {
  const numbers = new Float64Array(items.length);
  for (let at = 0; at < items.length; at++) {
    const value = read(items[at] as Item);
    if (value === null) numbers[at] = Number.NaN;
    else if (typeof value === 'number' && !Number.isNaN(value)) numbers[at] = value;
    else return undefined;
  }
  return numbers;
}

function packedStrings<Item>(
  items: readonly Item[],
  read: Read<Item>,
): { dictionary: string[]; indexes: Int32Array } | undefined {
  const indexOf = new Map<string, number>();
  const dictionary: string[] = [];
  const indexes = new Int32Array(items.length);
  // Many columns hold one value line after line (the buyer, the currency): no lookup for a repeat.
  let previous: unknown = null;
  let previousIndex = NULL_INDEX;
  for (let at = 0; at < items.length; at++) {
    const value = read(items[at] as Item);
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

/**
 * One column read from items (a row group's lines) and packed, with the buffers to hand over: read
 * straight into its buffers, the column is never a list of its own.
 */
function packedColumn<Item>(
  items: readonly Item[],
  read: Read<Item>,
): { data: PackedData; transfer: ArrayBuffer[] } {
  let first: unknown = null;
  for (let at = 0; at < items.length && first === null; at++) first = read(items[at] as Item);
  const strings = typeof first === 'string' ? packedStrings(items, read) : undefined;
  if (strings) return { data: strings, transfer: [strings.indexes.buffer as ArrayBuffer] };
  const numbers = typeof first === 'string' ? undefined : packedNumbers(items, read);
  if (numbers) return { data: { numbers }, transfer: [numbers.buffer as ArrayBuffer] };
  return { data: { values: items.map(read) }, transfer: [] };
}

/** A column of a row group: what the Parquet writer is told of it, and how its value is read from an item. */
export type ColumnReader<Item> = Omit<ColumnSource, 'data'> & { readonly value: Read<Item> };

/** Items (a row group's lines) column by column, packed for the encoder thread. */
export function packedRowGroup<Item>(
  items: readonly Item[],
  columns: readonly ColumnReader<Item>[],
): PackedRowGroup {
  const transfer: ArrayBuffer[] = [];
  const packedColumns = columns.map(({ value, ...column }) => {
    const { data, transfer: buffers } = packedColumn(items, value);
    transfer.push(...buffers);
    return { ...column, data };
  });
  return { columns: packedColumns, transfer };
}
