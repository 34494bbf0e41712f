/** A CSV of answers is small: beyond these it is refused whole, before any row is read. */
export const MAX_ANSWERS_CSV_BYTES = 1024 * 1024;
export const MAX_ANSWERS_CSV_ROWS = 5_000;

export interface CsvLine {
  /** 1 for the header. */
  readonly line: number;
  /** The cells, or undefined when the line's quotes do not close. */
  readonly cells: readonly string[] | undefined;
}

/**
 * The cells of one line: bare values, or values quoted whole (`"…"`, a quote inside doubled). A
 * value over several lines is not a survey answer's: such a line is refused, not reassembled.
 */
export function cellsOf(text: string, delimiter: string): string[] | undefined {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (text[at] === '"') {
      let value = '';
      let from = at + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) return undefined;
        if (text[close + 1] === '"') {
          value += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += text.slice(from, close);
        at = close + 1;
        break;
      }
      cells.push(value);
      if (at === text.length) return cells;
      if (text[at] !== delimiter) return undefined;
      at += 1;
    } else {
      const next = text.indexOf(delimiter, at);
      const value = text.slice(at, next === -1 ? text.length : next);
      if (value.includes('"')) return undefined;
      cells.push(value);
      if (next === -1) return cells;
      at = next + 1;
    }
  }
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
    read.push({ line: index + 1, cells: cellsOf(line, delimiter) });
  });
  return { delimiter, lines: read };
}
