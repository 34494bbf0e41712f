import { parseDate } from '../dates.ts';
import type { LocatedHeader } from '../formats/header-match.ts';
import { type DecimalSeparator, parseAmountToCents } from '../money.ts';
import { monthNumber } from '../month-number.ts';
import { plainAmountCentsIn } from '../plain-amount.ts';
import type { RowValidator } from '../row-validation.ts';
import type { DraftLine, SpendLine } from '../spend-line.ts';
import { detached, foldForMatch, memoised } from '../text.ts';
import { type ColumnIndexes, toCanonicalRow } from './canonical-row.ts';
import { DelimitedLine } from './delimited-line.ts';
import type { RawRow } from './ingest-core.ts';
import { LineCells } from './line-cells.ts';
import type { LineCollector } from './line-collector.ts';
import type { DateValue, LineRun } from './line-run.ts';
import { mayBeSummaryRow } from './summary-row.ts';
import { TemplateKey } from './template-key.ts';

/**
 * Longer lines take the general way: below this, no value can pass `MAX_FIELD_LENGTH` nor the line
 * `MAX_LINE_LENGTH`, so neither needs checking here.
 */
const MAX_FAST_LINE_LENGTH = 4_000;
/** Templates and dates remembered at most: a file of endlessly new values costs bounded memory. */
const MAX_MEMO_ENTRIES = 65_536;
const REPLACEMENT_CHARACTER = '\uFFFD';
const NONE: ReadonlySet<number> = new Set();

/**
 * A line read the general way, its per-line values aside: everything else on a line — buyer,
 * supplier, its identifier, postcode and flags, category — depends only on the text of the
 * supplier-side columns. The lane remembers none for a text whose line is rejected (a bad
 * identifier): every line with that text is then read the general way, which says why.
 */
interface Template {
  readonly line: DraftLine;
  /** The lines with this text added up for the rollups, from the first of them. */
  run: LineRun | undefined;
}

/**
 * Reads the common line straight from its text: no quote, as many cells as the header, an amount and
 * a date that read, supplier-side columns already seen. Each value is computed by the same functions
 * the general way uses, once per distinct text (a file names its 5 000 suppliers and 365 dates a
 * million times over), so a line read here equals the line the general way makes; any other line
 * (`take` returns false) takes the general way, which gives its rejection reason. Most lines of
 * an export are common, and reading one costs no cell strings, no row object and no re-validation.
 */
export class FastLane {
  private readonly width: number;
  private readonly delimiter: string;
  private readonly decimal: DecimalSeparator;
  /** Cell index of each value, -1 when the file has no such column. */
  private readonly amountAt: number;
  private readonly dateAt: number;
  private readonly referenceAt: number;
  private readonly descriptionAt: number;
  private readonly contractUidAt: number;
  private readonly key: TemplateKey;
  private readonly cells: LineCells;
  /** Templates by the text of the supplier-side columns. */
  private readonly templates = new Map<string, Template | undefined>();
  /** A date as written, read (a file has a few hundred distinct ones); undefined when it does not read. */
  private readonly dateOf: (written: string) => DateValue | undefined;
  private replacementText = '';
  private replacementAt = -1;

  private constructor(
    header: LocatedHeader,
    private readonly columnIndexes: ColumnIndexes,
    private readonly validate: RowValidator,
    delimiter: string,
    private readonly collector: LineCollector,
    private readonly redecodedLines: ReadonlySet<number>,
  ) {
    this.width = header.headerCells.length;
    this.delimiter = delimiter;
    this.decimal = header.format.decimal;
    this.amountAt = columnIndexes.amount;
    this.dateAt = columnIndexes.date;
    this.referenceAt = columnIndexes.reference;
    this.descriptionAt = columnIndexes.description;
    this.contractUidAt = columnIndexes.contractUid;
    this.key = new TemplateKey(header.columns, delimiter);
    this.cells = new LineCells(this.width, delimiter);
    const { dateOrder } = header.format;
    this.dateOf = memoised((written) => {
      const parsed = parseDate(written, dateOrder);
      return parsed.ok ? dateValueOf(parsed.value) : undefined;
    }, MAX_MEMO_ENTRIES);
  }

  /**
   * The lane for a file, or undefined when its lines must all take the general way: rows expanded or
   * grouped into contracts, versions to set aside, a delimiter of several characters, no amount or
   * date column, or a header whose amount or date name would itself read as a value (a repeated
   * header must be recognised as one).
   */
  static for(
    header: LocatedHeader,
    columnIndexes: ColumnIndexes,
    validate: RowValidator,
    delimiter: string,
    collector: LineCollector,
    options: { readonly redecodedLines?: ReadonlySet<number> | undefined } = {},
  ): FastLane | undefined {
    const { format } = header;
    if (format.expandRow || format.groupRowsBy || columnIndexes.currentVersion !== -1) return undefined;
    if (delimiter.length !== 1 || columnIndexes.amount === -1 || columnIndexes.date === -1) return undefined;
    const amountName = foldForMatch(header.headerCells[columnIndexes.amount] ?? '');
    const dateName = foldForMatch(header.headerCells[columnIndexes.date] ?? '');
    if (parseAmountToCents(amountName, format.decimal).ok || parseDate(dateName, format.dateOrder).ok) {
      return undefined;
    }
    return new FastLane(
      header,
      columnIndexes,
      validate,
      delimiter,
      collector,
      options.redecodedLines ?? NONE,
    );
  }

  /** Counts the row when it is common; false leaves it to the general way. */
  take(row: RawRow): boolean {
    // A line the decoder read apart is flagged by the general way.
    if (this.redecodedLines.size !== 0 && this.redecodedLines.has(row.lineNumber)) return false;
    return row instanceof DelimitedLine ? this.takeText(row) : this.takeCells(row);
  }

  /** A line without quotes, read in its text. */
  private takeText(line: DelimitedLine): boolean {
    const { text, start, end } = line;
    if (line.delimiter !== this.delimiter || end - start > MAX_FAST_LINE_LENGTH) return false;
    const { cells } = this;
    if (!cells.find(text, start, end) || this.hasReplacementCharacter(text, start, end)) return false;
    const amountCents =
      plainAmountCentsIn(text, cells.startOf(this.amountAt), cells.endOf(this.amountAt), this.decimal) ??
      this.generalAmount(cells.cell(this.amountAt));
    if (amountCents === undefined) return false;
    const date = this.dateOf(cells.cell(this.dateAt));
    if (date === undefined) return false;
    const key = this.key.ofLine(cells);
    let template = this.templates.get(key);
    if (template === undefined && !this.templates.has(key)) {
      template = this.templateOf(line.cells, line.lineNumber);
      this.rememberTemplate(detached(key), template);
    }
    if (template === undefined) return false;
    this.emit(
      template,
      amountCents,
      date,
      line.lineNumber,
      this.textAt(this.referenceAt),
      this.textAt(this.descriptionAt),
      this.textAt(this.contractUidAt),
    );
    return true;
  }

  /** A record papaparse read (it holds a quote), from its cells. */
  private takeCells(row: RawRow): boolean {
    const { cells } = row;
    if (cells.length !== this.width) return false;
    let length = 0;
    for (const cell of cells) {
      length += cell.length + 1;
      // A value over several lines may be a quote never closed: the general way judges it.
      if (cell.includes('\n') || cell.includes(REPLACEMENT_CHARACTER)) return false;
    }
    if (length > MAX_FAST_LINE_LENGTH) return false;
    const amountCents = this.generalAmount(cells[this.amountAt] ?? '');
    if (amountCents === undefined) return false;
    const date = this.dateOf(cells[this.dateAt] ?? '');
    if (date === undefined) return false;
    const key = this.key.ofCells(cells);
    if (key === undefined) return false;
    let template = this.templates.get(key);
    if (template === undefined && !this.templates.has(key)) {
      template = this.templateOf(cells, row.lineNumber);
      this.rememberTemplate(key, template);
    }
    if (template === undefined) return false;
    this.emit(
      template,
      amountCents,
      date,
      row.lineNumber,
      trimmedText(cells[this.referenceAt]),
      trimmedText(cells[this.descriptionAt]),
      trimmedText(cells[this.contractUidAt]),
    );
    return true;
  }

  private emit(
    template: Template,
    amountCents: number,
    date: DateValue,
    lineNumber: number,
    reference: string | undefined,
    description: string | undefined,
    contractUid: string | undefined,
  ): void {
    const { line } = template;
    // The same properties in the same order as the general way's numbered lines (its `sequence`
    // is set when the line is kept: made here, it costs no second step when set).
    const counted: SpendLine = {
      anchorId: line.anchorId,
      anchorName: line.anchorName,
      date: date.iso,
      amountCents,
      currency: line.currency,
      supplier: line.supplier,
      categoryCode: line.categoryCode,
      categoryLabel: line.categoryLabel,
      serviceArea: line.serviceArea,
      reference,
      description,
      contractUid,
      flags: line.flags.length === 0 ? [] : [...line.flags],
      lineNumber,
      sequence: 0,
    };
    const kept = this.collector.keep(counted);
    const { rollups } = this.collector;
    // Opened with the template's line, whose values are copies: a run outlives the chunk of text.
    template.run ??= rollups.runFor(line, date.month);
    if (!template.run.add(amountCents, date, kept.sequence)) rollups.add(kept);
  }

  /** Undecodable bytes reject a line; the next one in the text is found once, not once per line. */
  private hasReplacementCharacter(text: string, start: number, end: number): boolean {
    if (text !== this.replacementText || (this.replacementAt !== -1 && this.replacementAt < start)) {
      this.replacementText = text;
      this.replacementAt = text.indexOf(REPLACEMENT_CHARACTER, start);
    }
    return this.replacementAt !== -1 && this.replacementAt < end;
  }

  private generalAmount(written: string): number | undefined {
    const parsed = parseAmountToCents(written, this.decimal);
    return parsed.ok ? parsed.value : undefined;
  }

  /** Templates are forgotten all at once when full, and their runs with them: merged, then let go. */
  private rememberTemplate(key: string, template: Template | undefined): void {
    if (this.templates.size >= MAX_MEMO_ENTRIES) {
      this.collector.rollups.releaseRuns();
      this.templates.clear();
    }
    this.templates.set(key, template);
  }

  /**
   * The first line with a key is read the general way, its per-line texts left out (the lane checks
   * their length itself): its values serve every later line with that key.
   */
  private templateOf(cells: readonly string[], lineNumber: number): Template | undefined {
    const row = toCanonicalRow(cells, this.columnIndexes);
    row.reference = undefined;
    row.description = undefined;
    row.contractUid = undefined;
    const validated = this.validate(row, lineNumber);
    // A line with no payee of its own may be a total row, which the general way sets aside.
    if (!validated.ok || mayBeSummaryRow(validated.value)) return undefined;
    return { line: validated.value, run: undefined };
  }

  private textAt(at: number): string | undefined {
    if (at === -1) return undefined;
    const { cells } = this;
    return cells.startOf(at) === cells.endOf(at) ? undefined : trimmedText(cells.cell(at));
  }
}

function dateValueOf(iso: string): DateValue {
  const day = Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
  return { iso, month: monthNumber(iso), day };
}

/** A per-line text value as the general way reads it: trimmed, absent when empty. */
function trimmedText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}
