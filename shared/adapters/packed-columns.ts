import type { SchemaElement } from 'hyparquet';
import { type ColumnSource, schemaFromColumnData } from 'hyparquet-writer';

/**
 * A column's values as they cross to the Parquet encoder's thread. Copying a million lines' worth
 * of strings one by one between threads cost the ingest thread seconds (`postMessage`), and the
 * encoder thread as much to rebuild them (BENCHMARKS.md); a line file's texts repeat (a supplier's
 * name, postcode, category on every line of it), so they cross once per row group, with one index
 * per line in a buffer that is handed over rather than copied. Numbers cross in a buffer too. The
 * thread writes Parquet from this very form (packed-parquet-file.mjs): the distinct texts as a
 * dictionary, or plainly where one does not pay.
 */
export type PackedData =
  /** An integer column: every value a safe integer or null (NaN). */
  | { readonly numbers: Float64Array }
  /** A text column: every value a string or null (index -1). */
  | { readonly dictionary: readonly string[]; readonly indexes: Int32Array };

/** A column as the encoder reads it (its type is the file schema's); `statistics` asks for its min, max and nulls. */
export interface PackedColumn {
  readonly name: string;
  readonly statistics?: boolean | undefined;
  readonly data: PackedData;
}

/** A row group ready to be posted: its columns and the buffers handed over with them. */
export interface PackedRowGroup {
  readonly columns: readonly PackedColumn[];
  readonly transfer: readonly ArrayBuffer[];
}

const NULL_INDEX = -1;

/** How a column's value is read from one of the items it is packed from. */
type Read<Item> = (item: Item) => unknown;

const refused = (name: string, value: unknown, kind: string) =>
  new TypeError(`column ${name}: ${JSON.stringify(value) ?? String(value)} is not ${kind} or null`);

function packedNumbers<Item>(name: string, items: readonly Item[], read: Read<Item>): Float64Array {
  const numbers = new Float64Array(items.length);
  for (let at = 0; at < items.length; at++) {
    const value = read(items[at] as Item);
    if (value === null) numbers[at] = Number.NaN;
    else if (typeof value === 'number' && !Number.isNaN(value)) numbers[at] = value;
    else throw refused(name, value, 'a number');
  }
  return numbers;
}

function packedStrings<Item>(
  name: string,
  items: readonly Item[],
  read: Read<Item>,
): { dictionary: string[]; indexes: Int32Array } {
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
      else throw refused(name, value, 'a text');
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
  { name, type, value }: ColumnReader<Item>,
  items: readonly Item[],
): { data: PackedData; transfer: ArrayBuffer[] } {
  if (type === 'STRING') {
    const strings = packedStrings(name, items, value);
    return { data: strings, transfer: [strings.indexes.buffer as ArrayBuffer] };
  }
  if (type === 'INT32' || type === 'INT64') {
    const numbers = packedNumbers(name, items, value);
    return { data: { numbers }, transfer: [numbers.buffer as ArrayBuffer] };
  }
  throw new TypeError(`column ${name}: line files hold texts and integers, not ${type}`);
}

/** A column of a row group: what the Parquet writer is told of it, and how its value is read from an item. */
export type ColumnReader<Item> = Omit<ColumnSource, 'data'> & { readonly value: Read<Item> };

/** The Parquet schema of a file of these columns. */
export const schemaOf = <Item>(columns: readonly ColumnReader<Item>[]): SchemaElement[] =>
  schemaFromColumnData({ columnData: columns.map(({ value, ...column }) => ({ ...column, data: [] })) });

/** Items (a row group's lines) column by column, packed for the encoder thread. */
export function packedRowGroup<Item>(
  items: readonly Item[],
  columns: readonly ColumnReader<Item>[],
): PackedRowGroup {
  const transfer: ArrayBuffer[] = [];
  const packedColumns = columns.map((reader): PackedColumn => {
    const { data, transfer: buffers } = packedColumn(reader, items);
    transfer.push(...buffers);
    return { name: reader.name, statistics: reader.statistics, data };
  });
  return { columns: packedColumns, transfer };
}
