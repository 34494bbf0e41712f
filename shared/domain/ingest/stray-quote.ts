/** The flag of a line read as written because a quote opened on it was never closed on it. */
export const STRAY_QUOTE_FLAG = 'stray-quote';

const QUOTE = '"';

/** A lone quote at a value's edge is the stray one: the value is what surrounds it. */
function withoutLoneEdgeQuote(value: string): string {
  const opens = value.startsWith(QUOTE);
  const closes = value.length > 1 && value.endsWith(QUOTE);
  if (opens && !closes) return value.slice(1);
  if (closes && !opens) return value.slice(0, -1);
  return value;
}

/**
 * The physical lines of a record that a stray quote glued together, each cut into its values; or
 * undefined for any other record. A quote that opens a value and is not closed on its line (`;"LES
 * AMIS DU PAIN;;10,00;x`) makes a CSV reader take the following lines as part of that value, up to
 * the next quote: their amounts would be lost and the record counted under a name of several lines.
 * It is told apart from a value that really spans lines (a description with a line break) by its
 * lines: written back as they were, each one splits into exactly as many values as the header has
 * columns, which a line cut in the middle of a value never does.
 */
export function strayQuoteLines(
  cells: readonly string[],
  width: number,
  delimiter: string,
): string[][] | undefined {
  if (width < 2 || !cells.some((cell) => cell.includes('\n'))) return undefined;
  // The record as it was written: a value over lines was quoted, its quotes doubled.
  const text = cells
    .map((cell) => (cell.includes('\n') ? `${QUOTE}${cell.replaceAll(QUOTE, QUOTE + QUOTE)}${QUOTE}` : cell))
    .join(delimiter);
  const lines = text.split('\n').map((line) => line.split(delimiter));
  if (lines.some((values) => values.length !== width)) return undefined;
  return lines.map((values) => values.map(withoutLoneEdgeQuote));
}
