/**
 * The cells of a line without quotes, found in the text the line is part of: their bounds only, so
 * a reader takes the strings it needs and no others. One instance serves line after line.
 */
export class LineCells {
  /** Start of each cell, and one past the end of the last (where the next cell would start). */
  private readonly bounds: Int32Array;
  private text = '';

  constructor(
    private readonly width: number,
    private readonly delimiter: string,
  ) {
    this.bounds = new Int32Array(width + 1);
  }

  /** Finds the line's cells; false unless it has exactly `width` of them. */
  find(text: string, start: number, end: number): boolean {
    const { bounds, delimiter, width } = this;
    this.text = text;
    bounds[0] = start;
    let cell = 1;
    for (
      let at = text.indexOf(delimiter, start);
      at !== -1 && at < end;
      at = text.indexOf(delimiter, at + 1)
    ) {
      if (cell === width) return false;
      bounds[cell++] = at + 1;
    }
    if (cell !== width) return false;
    bounds[width] = end + 1;
    return true;
  }

  startOf(at: number): number {
    return this.bounds[at] ?? 0;
  }

  endOf(at: number): number {
    return (this.bounds[at + 1] ?? 0) - 1;
  }

  /** The cell as written. */
  cell(at: number): string {
    return this.text.slice(this.startOf(at), this.endOf(at));
  }

  /** The text from the start of cell `first` to the end of cell `last`, delimiters included. */
  span(first: number, last: number): string {
    return this.text.slice(this.startOf(first), this.endOf(last));
  }
}
