import { detached } from '../text.ts';
import type { RawRow } from './ingest-core.ts';

/**
 * A record holding no quote character, kept as its place in the text it was read from: its cells are
 * what a CSV parser gives for such a record, the text cut at each delimiter. They are made only when
 * asked for, so a reader that works on the text itself (the ingest core's fast lane) never makes them.
 */
export class DelimitedLine implements RawRow {
  private split: string[] | undefined;

  constructor(
    readonly lineNumber: number,
    /** The text the line is in, and where it starts and ends (before its newline) there. */
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly delimiter: string,
  ) {}

  /** Cut from a copy of the line: a value kept from them (a rollup's supplier) holds no whole chunk. */
  get cells(): readonly string[] {
    this.split ??= detached(this.text.slice(this.start, this.end)).split(this.delimiter);
    return this.split;
  }
}
