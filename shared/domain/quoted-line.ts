const QUOTE = '"';
const QUOTE_CODE = 0x22;

/**
 * The cells of a one-line record (the line alone, its newline left out) written the regular way —
 * each value either free of quotes, or quoted whole (`"…"`, a quote inside doubled) with the
 * delimiter or the line's end right after the closing quote — or undefined for any other record.
 * papaparse can read such a record only one way, so these are the cells it gives, with no parser set
 * up for the line; the irregular rest (a value over several lines, a quote inside a bare value, text
 * after a closing quote) is left to it. `tests/unit/adapters/record-splitter.test.ts` checks the two
 * agree.
 */
export function regularQuotedCells(text: string, delimiter: string): string[] | undefined {
  const cells: string[] = [];
  const end = text.length;
  let at = 0;
  for (;;) {
    if (at < end && text.charCodeAt(at) === QUOTE_CODE) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const close = text.indexOf(QUOTE, from);
        if (close === -1) return undefined;
        if (close + 1 < end && text.charCodeAt(close + 1) === QUOTE_CODE) {
          value += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += text.slice(from, close);
        at = close + 1;
        break;
      }
      cells.push(value);
      if (at === end) return cells;
      if (!text.startsWith(delimiter, at)) return undefined;
      at += delimiter.length;
    } else {
      const next = text.indexOf(delimiter, at);
      const cellEnd = next === -1 ? end : next;
      const quote = text.indexOf(QUOTE, at);
      if (quote !== -1 && quote < cellEnd) return undefined;
      cells.push(text.slice(at, cellEnd));
      if (cellEnd === end) return cells;
      at = cellEnd + delimiter.length;
    }
  }
}
