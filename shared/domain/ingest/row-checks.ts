import type { LocatedHeader } from '../formats/header-match.ts';
import { fail, ok, type Result } from '../result.ts';
import { foldsTo } from '../text.ts';
import { reasonText } from './rejection-reasons.ts';

/** A record longer than this is not a spending line: it is rejected rather than stored. */
export const MAX_LINE_LENGTH = 65_536;
/**
 * A value spanning this many lines, or this long and over lines, is an opening quote never closed:
 * papaparse then reads the rest of the file as one value, so the file as a whole is rejected.
 */
const UNCLOSED_QUOTE_LINES = 200;
export const UNCLOSED_QUOTE_LENGTH = 1_000_000;

/** Why a record longer than a line may be is not counted. */
export const LINE_TOO_LONG = reasonText('line-too-long', { max: String(MAX_LINE_LENGTH) }, 'en');

export function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** The header again among the data: exports repeat it after each page break. */
export function isRepeatedHeader(cells: readonly string[], foldedHeader: readonly string[]): boolean {
  // The first cell settles almost every row without folding the others.
  if (cells.length < foldedHeader.length || !foldsTo(cells[0] ?? '', foldedHeader[0] ?? '')) return false;
  return foldedHeader.every((name, index) => foldsTo(cells[index] ?? '', name));
}

export function hasUnclosedQuote(cells: readonly string[]): boolean {
  return cells.some((cell) => {
    // Fewer characters than the newlines looked for: nothing to count (almost every cell).
    if (cell.length < UNCLOSED_QUOTE_LINES) return false;
    // A value with no line break swallowed no line after it, however long: it is a long line.
    if (cell.length > UNCLOSED_QUOTE_LENGTH) return cell.includes('\n');
    let lines = 0;
    for (let index = cell.indexOf('\n'); index !== -1; index = cell.indexOf('\n', index + 1)) {
      if (++lines >= UNCLOSED_QUOTE_LINES) return true;
    }
    return false;
  });
}

/**
 * Whether a line holds characters neither UTF-8 nor Windows-1252 could read (each shown as U+FFFD, as
 * is one the source had already lost): an encoding defect, flagged on the counted line.
 */
export function hasUndecodable(cells: readonly string[]): boolean {
  return cells.some((cell) => cell.includes('\uFFFD'));
}

/** Whether a record is longer than a line may be (its values and their delimiters). */
export function isTooLong(cells: readonly string[]): boolean {
  let length = 0;
  for (const cell of cells) length += cell.length + 1;
  return length > MAX_LINE_LENGTH;
}

/** Problems of the record itself, before its values are read. */
export function checkRecord(cells: readonly string[], header: LocatedHeader): Result<void> {
  if (isTooLong(cells)) return fail(LINE_TOO_LONG);
  return checkShape(cells, header);
}

/**
 * Whether a line's values sit under the header's columns: a value too many (an unquoted `;` in a
 * name) or a used column missing shifts the values after it.
 */
export function valuesInPlace(cells: readonly string[], header: LocatedHeader): boolean {
  return checkShape(cells, header).ok;
}

/** Ragged rows: missing cells are only a problem where a mapped column would be; extra cells must be empty. */
function checkShape(cells: readonly string[], header: LocatedHeader): Result<void> {
  const width = header.headerCells.length;
  if (cells.length > width && cells.slice(width).some((cell) => cell.trim() !== '')) {
    return fail(`the line has ${cells.length} values but the header has ${width} columns`);
  }
  if (cells.length < width) {
    const lastNeeded = Math.max(...header.columns.values());
    if (cells.length <= lastNeeded) {
      return fail(`the line has ${cells.length} values but the header has ${width} columns`);
    }
  }
  return ok(undefined);
}
