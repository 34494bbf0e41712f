import { StockUnreadableError } from '../../ports/registry-stock.ts';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** A record this long still unfinished is a quote never closed, not a stock row (INSEE's are < 2 KiB). */
export const MAX_RECORD_CHARS = 1024 * 1024;

const INCOMPLETE = -1;

/** Receives a record: its cells (only the selected ones, in slot order, once `select` is called) and its field count. */
export type RecordSink = (cells: string[], fieldCount: number) => void;

/**
 * Splits comma-separated UTF-8 text, fed chunk by chunk, into records (RFC 4180: quoted fields may
 * hold commas, doubled quotes and line breaks; LF or CRLF line ends). Lines with no quote — nearly all
 * of a stock file — are cut with `String#split`, which is what makes it faster than a general parser;
 * only lines holding a quote are walked character by character.
 */
export class CsvRecordSplitter {
  private rest = '';
  private records = 0;
  /** Per field index, the slot its value goes to (-1: not asked); `undefined` keeps every field. */
  private slotOfField: Int32Array | undefined;
  private slots: readonly number[] = [];
  private repeats = false;

  constructor(private readonly location: string) {}

  /**
   * From now on, emit only the fields at `positions` (one slot each; -1 gives ''): the rest of a line
   * is only counted, never copied into strings — most of the time saved on a 54-column stock.
   */
  select(positions: readonly number[]): void {
    const width = Math.max(0, ...positions) + 1;
    this.slotOfField = new Int32Array(width).fill(-1);
    positions.forEach((position, slot) => {
      if (position >= 0 && this.slotOfField && this.slotOfField[position] === -1)
        this.slotOfField[position] = slot;
    });
    this.slots = positions;
    this.repeats =
      new Set(positions.filter((position) => position >= 0)).size < positions.filter((p) => p >= 0).length;
  }

  /** Emits the records `chunk` completes; an unfinished one waits for the next chunk. */
  write(chunk: string, emit: RecordSink): void {
    const text = this.rest === '' ? chunk : this.rest + chunk;
    const used = this.split(text, false, emit);
    this.rest = used === text.length ? '' : text.slice(used);
    if (this.rest.length > MAX_RECORD_CHARS) {
      throw new StockUnreadableError(
        `${this.location}: record ${this.records + 1} runs over ${MAX_RECORD_CHARS} characters (a quote never closed?)`,
      );
    }
  }

  /** Emits the last record, which needs no line end after it. */
  end(emit: RecordSink): void {
    if (this.rest !== '') this.split(this.rest, true, emit);
    this.rest = '';
  }

  /** Emits the complete records of `text`; returns where the unfinished one starts. */
  private split(text: string, final: boolean, emit: RecordSink): number {
    let start = 0;
    let quote = text.indexOf('"');
    while (start < text.length) {
      if (quote !== -1 && quote < start) quote = text.indexOf('"', start);
      let newline = text.indexOf('\n', start);
      if (newline === -1 && !final) return start;
      if (newline === -1) newline = text.length;
      if (quote === -1 || quote > newline) {
        const end = newline > start && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
        if (end > start) this.plainLine(text, start, end, emit);
        start = newline + 1;
        continue;
      }
      const next = this.quotedRecord(text, start, final, emit);
      if (next === INCOMPLETE) return start;
      start = next;
    }
    return text.length;
  }

  /** A line with no quote: its fields are what lies between commas. */
  private plainLine(text: string, start: number, end: number, emit: RecordSink): void {
    this.records++;
    const slotOfField = this.slotOfField;
    if (slotOfField === undefined) {
      const cells = text.slice(start, end).split(',');
      emit(cells, cells.length);
      return;
    }
    const row = new Array<string>(this.slots.length).fill('');
    let field = 0;
    let from = start;
    for (;;) {
      let comma = text.indexOf(',', from);
      if (comma === -1 || comma > end) comma = end;
      const slot = field < slotOfField.length ? (slotOfField[field] ?? -1) : -1;
      if (slot >= 0) row[slot] = text.slice(from, comma);
      field++;
      if (comma === end) break;
      from = comma + 1;
    }
    emit(this.repeats ? this.copyRepeats(row) : row, field);
  }

  /** A record read whole (it held quotes), narrowed to the selected fields. */
  private emitted(emit: RecordSink, cells: string[]): void {
    this.records++;
    if (this.slotOfField === undefined) {
      emit(cells, cells.length);
      return;
    }
    emit(
      this.slots.map((position) => (position < 0 ? '' : (cells[position] ?? ''))),
      cells.length,
    );
  }

  /** A column asked twice gets its value in both slots. */
  private copyRepeats(row: string[]): string[] {
    const slotOfField = this.slotOfField;
    if (slotOfField === undefined) return row;
    this.slots.forEach((position, slot) => {
      const first = position >= 0 ? (slotOfField[position] ?? -1) : -1;
      if (first >= 0 && first !== slot) row[slot] = row[first] ?? '';
    });
    return row;
  }

  /** Reads one record holding quotes from `start`; returns the index after it, or INCOMPLETE. */
  private quotedRecord(text: string, start: number, final: boolean, emit: RecordSink): number {
    const cells: string[] = [];
    let at = start;
    for (;;) {
      let value: string;
      if (text.charCodeAt(at) === QUOTE) {
        value = '';
        let from = at + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            if (final) throw this.malformed('a quoted value is never closed');
            return INCOMPLETE;
          }
          if (close + 1 >= text.length && !final) return INCOMPLETE;
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          at = close + 1;
          break;
        }
      } else {
        let end = at;
        while (end < text.length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF || (code === CR && text.charCodeAt(end + 1) === LF)) break;
          end++;
        }
        if (end >= text.length && !final) return INCOMPLETE;
        value = text.slice(at, end);
        at = end;
      }
      cells.push(value);
      const code = text.charCodeAt(at);
      if (code === COMMA) {
        at++;
        continue;
      }
      if (at >= text.length) {
        if (!final) return INCOMPLETE;
      } else if (code === CR && at + 1 >= text.length && !final) {
        return INCOMPLETE;
      } else if (code === CR && text.charCodeAt(at + 1) === LF) {
        at += 2;
      } else if (code === LF) {
        at++;
      } else {
        throw this.malformed('a quoted value is followed by text before the next comma');
      }
      this.emitted(emit, cells);
      return at;
    }
  }

  private malformed(reason: string): StockUnreadableError {
    return new StockUnreadableError(`${this.location}: record ${this.records + 1} is malformed (${reason})`);
  }
}
