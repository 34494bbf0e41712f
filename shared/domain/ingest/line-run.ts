import type { DraftLine } from '../spend-line.ts';

/** A date as a run adds it: the ISO text, its month number and a number that sorts like it. */
export interface DateValue {
  readonly iso: string;
  readonly month: number;
  /** yyyymmdd. */
  readonly day: number;
}

/**
 * Months a run keeps around its first line's month (a year before, two after); a line outside them
 * is added to the rollups on its own. Small, as a file names thousands of suppliers and categories.
 */
const MONTHS_BEFORE = 12;
const RUN_MONTHS = 36;

/**
 * The lines of one file that share buyer, supplier, segment and category, added up as they come and
 * merged into the rollups when these are read. Adding a line here touches one small object and two
 * arrays of numbers; adding it to its rollup finds the rollup and the bucket through two Maps every
 * time. Each month remembers the first line that reached it, so that merging keeps the rollups and
 * their buckets in the order of the file.
 */
export class LineRun {
  /** Buyer, supplier, segment, category and label of every line in the run. */
  readonly first: DraftLine;
  readonly baseMonth: number;
  amountCents = 0;
  lines = 0;
  largestLineCents = Number.NEGATIVE_INFINITY;
  firstDate: DateValue | undefined;
  lastDate: DateValue | undefined;
  /**
   * Per month from `baseMonth`, its cents and the sequence of its first line (0: none yet), side by
   * side in one array.
   */
  private readonly months = new Float64Array(2 * RUN_MONTHS);
  /** The months reached lie from `fromOffset` up to `toOffset`. */
  fromOffset = RUN_MONTHS;
  toOffset = 0;

  constructor(first: DraftLine, firstMonth: number) {
    this.first = first;
    this.baseMonth = firstMonth - MONTHS_BEFORE;
  }

  /** Adds a line of the run; false when its month is too far from the first line's to be kept here. */
  add(amountCents: number, date: DateValue, sequence: number): boolean {
    const offset = date.month - this.baseMonth;
    if (offset < 0 || offset >= RUN_MONTHS) return false;
    this.amountCents += amountCents;
    this.lines += 1;
    if (amountCents > this.largestLineCents) this.largestLineCents = amountCents;
    if (this.firstDate === undefined || date.day < this.firstDate.day) this.firstDate = date;
    if (this.lastDate === undefined || date.day > this.lastDate.day) this.lastDate = date;
    const at = 2 * offset;
    if (this.months[at + 1] === 0) {
      this.months[at + 1] = sequence;
      if (offset < this.fromOffset) this.fromOffset = offset;
      if (offset >= this.toOffset) this.toOffset = offset + 1;
    }
    this.months[at] = (this.months[at] ?? 0) + amountCents;
    return true;
  }

  /** Cents of the month at `offset` from `baseMonth`. */
  centsAt(offset: number): number {
    return this.months[2 * offset] ?? 0;
  }

  /** Sequence of the month's first line, 0 if none. */
  sequenceAt(offset: number): number {
    return this.months[2 * offset + 1] ?? 0;
  }

  /** Empties the run once merged; it goes on adding the lines that come after. */
  reset(): void {
    this.amountCents = 0;
    this.lines = 0;
    this.largestLineCents = Number.NEGATIVE_INFINITY;
    this.firstDate = undefined;
    this.lastDate = undefined;
    this.months.fill(0, 2 * this.fromOffset, 2 * this.toOffset);
    this.fromOffset = RUN_MONTHS;
    this.toOffset = 0;
  }
}
