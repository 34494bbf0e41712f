import { regularQuotedCells } from '../../domain/quoted-line.ts';

/** A CSV of answers is small: beyond this many rows (and SURVEY_LIMITS' bytes) it is refused whole, before any row is read. */
export const MAX_ANSWERS_CSV_ROWS = 5_000;

export interface CsvLine {
  /** 1 for the header. */
  readonly line: number;
  /**
   * The cells, or undefined for a line not written the regular way (quotes that do not close, a value
   * over several lines: not a survey answer's, refused rather than reassembled).
   */
  readonly cells: readonly string[] | undefined;
}

/**
 * The lines of a CSV of answers, UTF-8 (a BOM dropped), `;` or `,` — whichever splits the header
 * into more cells — blank lines skipped but counted, so each keeps its number in the file.
 */
export function csvLines(text: string): { readonly delimiter: string; readonly lines: CsvLine[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // The header is the first line that is not blank: the separator is read there, not on line 1.
  const header = lines.find((line) => line.trim() !== '') ?? '';
  const delimiter = header.split(';').length >= header.split(',').length ? ';' : ',';
  const read: CsvLine[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    read.push({ line: index + 1, cells: regularQuotedCells(line, delimiter) });
  });
  return { delimiter, lines: read };
}
