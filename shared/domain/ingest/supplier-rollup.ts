import { monthOf } from '../dates.ts';
import { monthNumber, monthText } from '../month-number.ts';
import { type DraftLine, type SpendLine, UNDATED_MONTH } from '../spend-line.ts';
import { supplierCount } from '../supplier-count.ts';
import { LineRun } from './line-run.ts';
import { boundRollup } from './rollup-bound.ts';
import { type SupplierRollup, UNCATEGORISED } from './supplier-rollup-record.ts';

/** One (month, category) bucket of a rollup: [month, category, cents]. */
type MonthCategoryCents = [string, string, number];

/** A value with the sequence of the first line that gave it: what comes first is decided by it. */
interface Sequenced<T> {
  value: T;
  sequence: number;
}

interface RollupAccumulator {
  readonly anchorId: string;
  /** The first line's (by sequence): its supplier is the one the rollup shows. */
  firstSequence: number;
  anchorName: Sequenced<string> | undefined;
  supplier: SpendLine['supplier'];
  readonly segment: SpendLine['segment'];
  amountCents: number;
  lines: number;
  /** Undefined while every line of the rollup is undated. */
  firstDate: string | undefined;
  lastDate: string | undefined;
  /** The buckets, their `bucketKey`s and their first lines' sequences, in one order. */
  readonly byMonthCategory: MonthCategoryCents[];
  readonly bucketKeys: (number | string)[];
  readonly bucketSequences: number[];
  /** The buckets' positions by key, once there are too many to look through (most rollups never have it). */
  bucketIndex: Map<number | string, number> | undefined;
  largestLineCents: number;
  readonly categoryLabels: Map<string, Sequenced<string>>;
}

/** Rollups of one anchor, purchases and concessions apart, by supplier key. */
interface AnchorRollups {
  readonly purchases: Map<string, RollupAccumulator>;
  readonly concessions: Map<string, RollupAccumulator>;
}

/** Months counted from year 0 fit in 17 bits (years up to 9999), leaving 13 for the category's number. */
const MONTH_BITS = 17;
/**
 * A rollup's buckets (a year of months times a few categories) are found by looking through one
 * small array of numbers, which touches less memory than a Map per rollup; past this many, a Map.
 */
const SCANNED_BUCKETS = 32;
const CATEGORY_NUMBERS = 1 << (30 - MONTH_BITS);

const categoryOf = (line: DraftLine) => line.categoryCode ?? line.categoryLabel ?? UNCATEGORISED;
const bySequence = <T extends { readonly sequence: number }>(left: T, right: T) =>
  left.sequence - right.sequence;

/**
 * Accumulates rollups per (anchor, supplier, segment). Keys are data, so everything is kept in Maps,
 * nested rather than keyed by a string composed for every line. What comes "first" — the rollups'
 * order, their buckets' and labels' order, the supplier and buyer name a rollup shows — is decided by
 * the lines' sequence numbers, not by the order lines are added in: lines added one by one and lines
 * added up in runs (`runFor`) and merged later give the same records.
 */
export class SupplierRollups {
  private readonly byAnchor = new Map<string, AnchorRollups>();
  private readonly created: RollupAccumulator[] = [];
  /** A small number per category seen in the file, so that month and category make one number. */
  private readonly categoryNumbers = new Map<string, number>();
  private runs: LineRun[] = [];

  add(line: SpendLine): void {
    const rollup = this.rollupOf(line, line.sequence);
    rollup.amountCents += line.amountCents;
    rollup.lines += 1;
    noteDates(rollup, line.date, line.date);
    if (line.amountCents > rollup.largestLineCents) rollup.largestLineCents = line.amountCents;
    this.addToBucket(rollup, line.date, categoryOf(line), line.amountCents, line.sequence);
  }

  /**
   * A run for the lines that share this line's buyer, supplier, segment and category (this one
   * included, once added to it): the caller adds them to the run, and each line the run cannot take
   * with `add`. Runs are merged whenever the rollups are read.
   */
  runFor(line: DraftLine, month: number): LineRun {
    const run = new LineRun(line, month);
    this.runs.push(run);
    return run;
  }

  /** Merges the runs and lets them go: whoever added to them has forgotten them. */
  releaseRuns(): void {
    this.mergeRuns();
    this.runs = [];
  }

  get size(): number {
    this.mergeRuns();
    return this.created.length;
  }

  /** The suppliers these rollups pay, counted as a report counts them. */
  get suppliers(): number {
    this.mergeRuns();
    return supplierCount(this.created);
  }

  /** Plain records for storage, in the order of their first lines; data-keyed maps become arrays of pairs. */
  *records(): Generator<SupplierRollup> {
    this.mergeRuns();
    const ordered = [...this.created].sort((left, right) => left.firstSequence - right.firstSequence);
    for (const rollup of ordered) {
      const buckets = rollup.byMonthCategory
        .map((bucket, at) => ({ bucket, sequence: rollup.bucketSequences[at] ?? 0 }))
        .sort(bySequence);
      const labels = [...rollup.categoryLabels]
        .map(([category, label]) => ({ category, label: label.value, sequence: label.sequence }))
        .sort(bySequence);
      yield boundRollup({
        anchorId: rollup.anchorId,
        ...(rollup.anchorName ? { anchorName: rollup.anchorName.value } : {}),
        supplier: rollup.supplier,
        ...(rollup.segment ? { segment: rollup.segment } : {}),
        amountCents: rollup.amountCents,
        lines: rollup.lines,
        ...(rollup.firstDate ? { firstDate: rollup.firstDate } : {}),
        ...(rollup.lastDate ? { lastDate: rollup.lastDate } : {}),
        byMonthCategory: buckets.map(({ bucket: [month, category, cents] }) => [month, category, cents]),
        largestLineCents: rollup.largestLineCents,
        categoryLabels: labels.map(({ category, label }) => [category, label]),
      });
    }
  }

  private mergeRuns(): void {
    for (const run of this.runs) {
      if (run.lines > 0) this.merge(run);
      run.reset();
    }
  }

  private merge(run: LineRun): void {
    let earliest = Number.POSITIVE_INFINITY;
    for (let offset = run.fromOffset; offset < run.toOffset; offset++) {
      const sequence = run.sequenceAt(offset);
      if (sequence > 0 && sequence < earliest) earliest = sequence;
    }
    const { first } = run;
    // A rollup made here starts from the run's own dates and largest line.
    const rollup = this.rollupOf(
      { ...first, date: run.firstDate?.iso ?? first.date, amountCents: run.largestLineCents },
      earliest,
    );
    rollup.amountCents += run.amountCents;
    rollup.lines += run.lines;
    noteDates(rollup, run.firstDate?.iso, run.lastDate?.iso);
    if (run.largestLineCents > rollup.largestLineCents) rollup.largestLineCents = run.largestLineCents;
    const category = categoryOf(first);
    for (let offset = run.fromOffset; offset < run.toOffset; offset++) {
      const sequence = run.sequenceAt(offset);
      if (sequence === 0) continue;
      this.addToBucket(rollup, monthText(run.baseMonth + offset), category, run.centsAt(offset), sequence);
    }
  }

  /** The line's rollup, made if new; a line earlier than any seen gives it its supplier and buyer name. */
  private rollupOf(line: DraftLine, sequence: number): RollupAccumulator {
    let anchor = this.byAnchor.get(line.anchorId);
    if (!anchor) {
      anchor = { purchases: new Map(), concessions: new Map() };
      this.byAnchor.set(line.anchorId, anchor);
    }
    const bySupplier = line.segment === 'concession' ? anchor.concessions : anchor.purchases;
    let rollup = bySupplier.get(line.supplier.key);
    if (!rollup) {
      rollup = {
        anchorId: line.anchorId,
        firstSequence: sequence,
        anchorName: undefined,
        supplier: line.supplier,
        segment: line.segment,
        amountCents: 0,
        lines: 0,
        firstDate: line.date,
        lastDate: line.date,
        byMonthCategory: [],
        bucketKeys: [],
        bucketSequences: [],
        bucketIndex: undefined,
        largestLineCents: line.amountCents,
        categoryLabels: new Map(),
      };
      bySupplier.set(line.supplier.key, rollup);
      this.created.push(rollup);
    } else if (sequence < rollup.firstSequence) {
      rollup.firstSequence = sequence;
      rollup.supplier = line.supplier;
    }
    if (
      line.anchorName !== undefined &&
      sequence < (rollup.anchorName?.sequence ?? Number.POSITIVE_INFINITY)
    ) {
      rollup.anchorName = { value: line.anchorName, sequence };
    }
    this.noteLabel(rollup, categoryOf(line), line.categoryLabel, sequence);
    return rollup;
  }

  /** The first label (by sequence) of each category. */
  private noteLabel(
    rollup: RollupAccumulator,
    category: string,
    label: string | undefined,
    sequence: number,
  ): void {
    if (!label) return;
    const known = rollup.categoryLabels.get(category);
    if (!known || sequence < known.sequence) rollup.categoryLabels.set(category, { value: label, sequence });
  }

  /** `date` is a line's ISO date (or a run's `yyyy-mm`), undefined for an undated line. */
  private addToBucket(
    rollup: RollupAccumulator,
    date: string | undefined,
    category: string,
    cents: number,
    sequence: number,
  ): void {
    const key = this.bucketKey(date, category);
    const at = rollup.bucketIndex ? (rollup.bucketIndex.get(key) ?? -1) : rollup.bucketKeys.indexOf(key);
    const bucket = rollup.byMonthCategory[at];
    if (bucket) {
      bucket[2] += cents;
      if (sequence < (rollup.bucketSequences[at] ?? 0)) rollup.bucketSequences[at] = sequence;
      return;
    }
    rollup.byMonthCategory.push([date === undefined ? UNDATED_MONTH : monthOf(date), category, cents]);
    rollup.bucketKeys.push(key);
    rollup.bucketSequences.push(sequence);
    rollup.bucketIndex?.set(key, rollup.bucketKeys.length - 1);
    if (!rollup.bucketIndex && rollup.bucketKeys.length > SCANNED_BUCKETS) {
      rollup.bucketIndex = new Map(rollup.bucketKeys.map((known, position) => [known, position]));
    }
  }

  /**
   * One key per (month, category) found without composing a string per line: the month and a number
   * for the category packed into one small integer, two pairs never sharing one. A date not written
   * `yyyy-mm…`, or a file with thousands of categories, falls back to the composed string, which no
   * number equals.
   */
  private bucketKey(date: string | undefined, category: string): number | string {
    let categoryNumber = this.categoryNumbers.get(category);
    if (categoryNumber === undefined) {
      categoryNumber = this.categoryNumbers.size;
      this.categoryNumbers.set(category, categoryNumber);
    }
    if (date === undefined) return `${UNDATED_MONTH}\u0000${category}`;
    const month = monthNumber(date);
    return month >= 0 && categoryNumber < CATEGORY_NUMBERS
      ? categoryNumber * (1 << MONTH_BITS) + month
      : `${monthOf(date)}\u0000${category}`;
  }
}

/** Widens a rollup's dates to take in a line's (or a run's); undated lines leave them as they are. */
function noteDates(rollup: RollupAccumulator, first: string | undefined, last: string | undefined): void {
  if (first !== undefined && (rollup.firstDate === undefined || first < rollup.firstDate))
    rollup.firstDate = first;
  if (last !== undefined && (rollup.lastDate === undefined || last > rollup.lastDate)) rollup.lastDate = last;
}
