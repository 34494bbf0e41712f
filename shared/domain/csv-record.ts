const NEEDS_QUOTES = /["\n\r]/;

/** One CSV record: cells quoted only when they contain the delimiter, a quote or a newline. */
export function toCsvRecord(cells: readonly string[], delimiter: string): string {
  return cells
    .map((cell) =>
      cell.includes(delimiter) || NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell,
    )
    .join(delimiter);
}

const FORMULA_START = /^[=+\-@\t\r\n]/;
/** A plain negative amount (a credit note) is a number, not a formula: it stays numeric. */
const NEGATIVE_NUMBER = /^-\d+([.,]\d+)?$/;

/**
 * Spreadsheets run a cell starting with = + - @ (or tab, CR, LF) as a formula: a leading apostrophe
 * makes it text. Applied to every cell of a file meant to be opened in Excel.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !NEGATIVE_NUMBER.test(cell) ? `'${cell}` : cell;
}
