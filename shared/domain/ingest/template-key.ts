import type { CanonicalField } from '../formats/canonical-fields.ts';
import type { LineCells } from './line-cells.ts';

/** The values that change from one line to the next; every other mapped column describes the supplier. */
const PER_LINE_FIELDS: ReadonlySet<CanonicalField> = new Set([
  'amount',
  'date',
  'reference',
  'description',
  'contractUid',
]);

/**
 * The text of a line's supplier-side columns, which the fast lane keys its templates by: one slice
 * of the line when no per-line column lies among them (the usual layout), else their cells joined
 * by the delimiter. A record read from quoted cells gets the key the same values would have on a
 * line without quotes, so both share a template.
 */
export class TemplateKey {
  /** The supplier-side columns, in order. */
  private readonly columns: readonly number[];
  private readonly first: number;
  private readonly last: number;
  private readonly oneSpan: boolean;

  constructor(
    mapped: ReadonlyMap<CanonicalField, number>,
    private readonly delimiter: string,
  ) {
    const perLine = [...mapped].filter(([field]) => PER_LINE_FIELDS.has(field)).map(([, at]) => at);
    this.columns = [...mapped]
      .filter(([field]) => !PER_LINE_FIELDS.has(field))
      .map(([, at]) => at)
      .sort((left, right) => left - right);
    this.first = this.columns[0] ?? 0;
    this.last = this.columns[this.columns.length - 1] ?? -1;
    this.oneSpan = !perLine.some((at) => at > this.first && at < this.last);
  }

  /** The key of a line without quotes. */
  ofLine(cells: LineCells): string {
    if (this.last === -1) return '';
    if (this.oneSpan) return cells.span(this.first, this.last);
    // Cells hold no delimiter here (the line has no quote), so joining them with it is unambiguous.
    return this.columns.map((at) => cells.cell(at)).join(this.delimiter);
  }

  /** The key of a record's cells; undefined when a value holds the delimiter (the key would be ambiguous). */
  ofCells(cells: readonly string[]): string | undefined {
    const { delimiter } = this;
    const keyCells = this.oneSpan
      ? cells.slice(this.first, this.last + 1)
      : this.columns.map((at) => cells[at] ?? '');
    for (const cell of keyCells) if (cell.includes(delimiter)) return undefined;
    return keyCells.join(delimiter);
  }
}
