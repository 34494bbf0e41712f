import Papa from 'papaparse';
import { DelimitedLine } from '../domain/ingest/delimited-line.ts';
import type { RawRow } from '../domain/ingest/ingest-core.ts';
import { OVERLONG_KEPT_CHARS, OverlongRecord } from '../domain/ingest/overlong-record.ts';
import { MAX_LINE_LENGTH, UNCLOSED_QUOTE_LENGTH } from '../domain/ingest/row-checks.ts';
import { regularQuotedCells } from '../domain/quoted-line.ts';
import { detached } from '../domain/text.ts';
import { UnreadableFileError } from '../ports/file-reader.ts';

const QUOTE = '"';
const NEWLINE = '\n';

/**
 * Splits decoded text (LF newlines), fed chunk by chunk, into records numbered with the physical line
 * each starts on — exactly the records papaparse's streaming parser gives for the same chunks, with
 * most of the work done without it.
 *
 * Why the fast path agrees with papaparse: its parser only treats a quote specially when the quote
 * opens a field; a record with no quote before its newline is cut at each delimiter and ends at the
 * newline, which is `line.split(delimiter)`. So a line with no quote character becomes a
 * `DelimitedLine` (split only if its cells are asked for); a line quoted the regular way is read by
 * `regularQuotedCells`; any other line holding a quote is handed to papaparse's own `Parser`,
 * starting at that record and reading on over the rest of the text as far as the record goes (a
 * quoted value may run over lines, or not be closed at all). Like papaparse's streamer, an unfinished last record waits for the
 * next chunk, and the text left when the stream ends is parsed as the final record.
 * `tests/unit/adapters/record-splitter.test.ts` checks the two agree on generated text.
 *
 * Where they part: nothing waits without bound. A record still unfinished on its first line at
 * `MAX_LINE_LENGTH` characters is read over to that line's end, whatever quotes it holds, and emitted
 * as an `OverlongRecord` (its start and length only); one whose quoted value runs over lines past
 * `UNCLOSED_QUOTE_LENGTH` characters is a quote never closed, and the file is rejected there.
 */
export class RecordSplitter {
  private readonly delimiter: string;
  private readonly quotedRecord: Papa.Parser;
  /** The start of a record not finished by the chunks seen so far. */
  private rest = '';
  private lineNumber = 1;
  private quoteCount = 0;
  /** A record past `MAX_LINE_LENGTH` being read over to its line end, its start kept. */
  private overlong: { readonly lineNumber: number; readonly start: string; length: number } | undefined;

  constructor(delimiter: string) {
    // papaparse falls back to "," for a delimiter it cannot use; so must the fast path.
    this.delimiter = delimiter === '' || Papa.BAD_DELIMITERS.includes(delimiter) ? ',' : delimiter;
    this.quotedRecord = new Papa.Parser({
      delimiter: this.delimiter,
      newline: NEWLINE,
      quoteChar: QUOTE,
      preview: 1,
      fastMode: false,
    });
  }

  /** Quote characters read so far: all of them are in records papaparse read. */
  get quotes(): number {
    return this.quoteCount;
  }

  /** Emits the records the chunk completes. */
  write(chunk: string, emit: (row: RawRow) => void): void {
    this.rest = this.unfinished(chunk, emit);
    this.bound();
  }

  /** Emits the last record, which needs no newline after it. */
  end(emit: (row: RawRow) => void): void {
    if (this.overlong) this.emitOverlong(emit);
    // papaparse's streamer parses nothing once the text left is empty: a final newline adds no record.
    else if (this.rest !== '') this.split(this.rest, 0, true, emit);
    this.rest = '';
  }

  /** Emits the records the chunk completes; returns the unfinished record left at its end. */
  private unfinished(chunk: string, emit: (row: RawRow) => void): string {
    let from = 0;
    if (this.overlong) {
      from = this.readOver(chunk, emit);
      if (from === -1) return '';
    } else if (this.rest !== '') {
      // The record left over is finished with the chunk's first line, rather than the two joined
      // whole (which copies the chunk), unless a quoted value runs on past that line.
      const newline = chunk.indexOf(NEWLINE);
      if (newline === -1) return this.rest + chunk;
      const left = this.split(this.rest + chunk.slice(0, newline + 1), 0, false, emit);
      if (left !== '') return this.split(left + chunk.slice(newline + 1), 0, false, emit);
      from = newline + 1;
    }
    return this.split(chunk, from, false, emit);
  }

  /** Keeps the unfinished record within bounds: a line of megabytes, or a quote never closed, stops here. */
  private bound(): void {
    const { rest } = this;
    if (rest.length < MAX_LINE_LENGTH) return;
    if (!rest.includes(NEWLINE)) {
      this.quoteCount += quotesIn(rest, 0, rest.length);
      this.overlong = {
        lineNumber: this.lineNumber,
        start: detached(rest.slice(0, OVERLONG_KEPT_CHARS)),
        length: rest.length,
      };
      this.rest = '';
    } else if (rest.length > UNCLOSED_QUOTE_LENGTH) {
      throw new UnreadableFileError(
        `line ${this.lineNumber} opens a quote (") that is not closed within ${UNCLOSED_QUOTE_LENGTH} characters: the rest of the file would be read as one value`,
      );
    }
  }

  /** Reads over the overlong record to its line end; returns where the next record starts, or -1. */
  private readOver(chunk: string, emit: (row: RawRow) => void): number {
    const overlong = this.overlong;
    if (!overlong) return 0;
    const newline = chunk.indexOf(NEWLINE);
    const end = newline === -1 ? chunk.length : newline;
    this.quoteCount += quotesIn(chunk, 0, end);
    overlong.length += end;
    if (newline === -1) return -1;
    this.emitOverlong(emit);
    return newline + 1;
  }

  private emitOverlong(emit: (row: RawRow) => void): void {
    const { overlong } = this;
    if (!overlong) return;
    emit(new OverlongRecord(overlong.lineNumber, overlong.start, overlong.length, this.delimiter));
    this.lineNumber += 1;
    this.overlong = undefined;
  }

  /** Splits `text` from a record's start; returns the unfinished record left at its end. */
  private split(text: string, from: number, final: boolean, emit: (row: RawRow) => void): string {
    const { delimiter } = this;
    let start = from;
    // The next quote at or after `start`, found once and reused until passed: the text is never
    // searched for quotes twice, whatever it holds.
    let quote = text.indexOf(QUOTE, start);
    while (start < text.length) {
      if (quote !== -1 && quote < start) quote = text.indexOf(QUOTE, start);
      const newline = text.indexOf(NEWLINE, start);
      const end = newline === -1 ? text.length : newline;
      if (quote !== -1 && quote < end) {
        const complete = newline !== -1 || final;
        // Cells are cut from a copy of the record: values kept from them hold no whole chunk.
        const regular = complete
          ? regularQuotedCells(detached(text.slice(start, end)), delimiter)
          : undefined;
        const record = regular ? { cells: regular, next: end + 1 } : this.quoted(text, start, end, final);
        if (record === undefined) break;
        emit({ lineNumber: this.lineNumber, cells: record.cells });
        this.lineNumber += 1 + countNewlines(record.cells);
        while (quote !== -1 && quote < record.next) {
          this.quoteCount++;
          quote = text.indexOf(QUOTE, quote + 1);
        }
        start = record.next;
        continue;
      }
      if (newline === -1 && !final) break;
      emit(new DelimitedLine(this.lineNumber, text, start, end, delimiter));
      this.lineNumber += 1;
      start = end + 1;
    }
    return start === 0 ? text : text.slice(start);
  }

  /**
   * The record starting at `start` read by papaparse, or undefined until more text comes. papaparse
   * is shown a window of whole lines, doubled until the record ends inside it: a record ends at a
   * newline, and nothing after that newline changes how papaparse reads the record, so the window
   * gives what the whole text would without rescanning the rest of the chunk for every record.
   */
  private quoted(
    text: string,
    start: number,
    lineEnd: number,
    final: boolean,
  ): { cells: string[]; next: number } | undefined {
    let limit = lineEnd + 1;
    for (;;) {
      const whole = limit >= text.length;
      const window = detached(whole ? (start === 0 ? text : text.slice(start)) : text.slice(start, limit));
      const parsed = this.quotedRecord.parse(window, 0, whole ? !final : true);
      const cells = parsed.data[0] as string[] | undefined;
      if (cells !== undefined) return { cells, next: start + (parsed.meta.cursor as number) };
      if (whole) return undefined;
      const further = text.indexOf(NEWLINE, start + 2 * (limit - start));
      limit = further === -1 ? text.length : further + 1;
    }
  }
}

function quotesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf(QUOTE, from); at !== -1 && at < to; at = text.indexOf(QUOTE, at + 1)) count++;
  return count;
}

/** A quoted value may span lines; the next record starts that many lines further down. */
export function countNewlines(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf(NEWLINE); at !== -1; at = cell.indexOf(NEWLINE, at + 1)) count++;
  }
  return count;
}
