import { type StockColumns, StockUnreadableError } from '../../ports/registry-stock.ts';

/** Where each asked column sits in the file (-1 for an absent optional one), required first. */
export interface ColumnProjection {
  readonly positions: readonly number[];
  /** The file's columns that are read, in the order they appear in `positions` (absent ones left out). */
  readonly present: readonly string[];
}

/**
 * Maps the asked columns onto a file's header by name: INSEE adds and reorders columns over time,
 * so positions are never assumed. An absent required column makes the file unusable.
 */
export function projectColumns(
  header: readonly string[],
  columns: StockColumns,
  location: string,
): ColumnProjection {
  const index = new Map<string, number>();
  header.forEach((name, position) => {
    if (!index.has(name)) index.set(name, position);
  });
  const missing = columns.required.filter((name) => !index.has(name));
  if (missing.length > 0) {
    throw new StockUnreadableError(
      `${location} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  const asked = [...columns.required, ...columns.optional];
  return {
    positions: asked.map((name) => index.get(name) ?? -1),
    present: asked.filter((name) => index.has(name)),
  };
}
