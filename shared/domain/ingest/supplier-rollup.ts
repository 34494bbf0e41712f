import { z } from 'zod';
import { monthOf } from '../dates.ts';
import type { SpendLine } from '../spend-line.ts';
import { SupplierIdentitySchema } from '../spend-line.ts';

/** Spend of one anchor with one supplier within one dataset: what a report reads instead of lines. */
export const SupplierRollupSchema = z.object({
  anchorId: z.string(),
  anchorName: z.string().optional(),
  supplier: SupplierIdentitySchema,
  /** Concessions roll up apart: they are reported separately, never summed with purchases. */
  segment: z.literal('concession').optional(),
  amountCents: z.number().int(),
  lines: z.number().int().nonnegative(),
  firstDate: z.iso.date(),
  lastDate: z.iso.date(),
  /**
   * Cents per month (`yyyy-mm`) and category code (accounting nature, CPV, expense code): trends,
   * sectors and exclusions all read it. Triplets, not objects: the keys come from the data.
   */
  byMonthCategory: z.array(z.tuple([z.string(), z.string(), z.number().int()])),
  /** The largest single line, to check by eye. */
  largestLineCents: z.number().int(),
  /** Readable label of each category code seen. */
  categoryLabels: z.array(z.tuple([z.string(), z.string()])),
});
export type SupplierRollup = z.infer<typeof SupplierRollupSchema>;

/** Category bucket of lines without a code: they stay influenceable. */
export const UNCATEGORISED = '';

/** One (month, category) bucket of a rollup: [month, category, cents]. */
type MonthCategoryCents = [string, string, number];

interface RollupAccumulator {
  readonly anchorId: string;
  anchorName: string | undefined;
  readonly supplier: SpendLine['supplier'];
  readonly segment: SpendLine['segment'];
  amountCents: number;
  lines: number;
  firstDate: string;
  lastDate: string;
  /** The buckets in the order first seen, and their `bucketKey`s in the same order. */
  readonly byMonthCategory: MonthCategoryCents[];
  readonly bucketKeys: (number | string)[];
  /** The buckets by key, once there are too many to look through (most rollups never have it). */
  bucketIndex: Map<number | string, MonthCategoryCents> | undefined;
  largestLineCents: number;
  readonly categoryLabels: Map<string, string>;
}

/** Rollups of one anchor, purchases and concessions apart, by supplier key. */
interface AnchorRollups {
  readonly purchases: Map<string, RollupAccumulator>;
  readonly concessions: Map<string, RollupAccumulator>;
}

const addTo = (map: Map<string, number>, key: string, cents: number) =>
  map.set(key, (map.get(key) ?? 0) + cents);

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const digitAt = (date: string, index: number) => date.charCodeAt(index) - 0x30;

/** Months counted from year 0 fit in 17 bits (years up to 9999), leaving 13 for the category's number. */
const MONTH_BITS = 17;
/**
 * A rollup's buckets (a year of months times a few categories) are found by looking through one
 * small array of numbers, which touches less memory than a Map per rollup; past this many, a Map.
 */
const SCANNED_BUCKETS = 32;
const CATEGORY_NUMBERS = 1 << (30 - MONTH_BITS);

/**
 * The months since year 0 of an ISO date (`yyyy-mm…`), read from its characters; -1 when the date is
 * not written so.
 */
function monthNumber(date: string): number {
  if (
    date.length < 7 ||
    date.charCodeAt(4) !== 0x2d ||
    !isDigit(date.charCodeAt(0)) ||
    !isDigit(date.charCodeAt(1)) ||
    !isDigit(date.charCodeAt(2)) ||
    !isDigit(date.charCodeAt(3)) ||
    !isDigit(date.charCodeAt(5)) ||
    !isDigit(date.charCodeAt(6))
  )
    return -1;
  const year = digitAt(date, 0) * 1_000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
  return year * 12 + digitAt(date, 5) * 10 + digitAt(date, 6);
}

/**
 * Accumulates rollups per (anchor, supplier, segment). Keys are data, so everything is kept in Maps,
 * nested rather than keyed by a string composed for every line; the rollups and their buckets keep
 * the order they were first seen in.
 */
export class SupplierRollups {
  private readonly byAnchor = new Map<string, AnchorRollups>();
  private readonly ordered: RollupAccumulator[] = [];
  /** A small number per category seen in the file, so that month and category make one number. */
  private readonly categoryNumbers = new Map<string, number>();

  add(line: SpendLine): void {
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
        anchorName: line.anchorName,
        supplier: line.supplier,
        segment: line.segment,
        amountCents: 0,
        lines: 0,
        firstDate: line.date,
        lastDate: line.date,
        byMonthCategory: [],
        bucketKeys: [],
        bucketIndex: undefined,
        largestLineCents: line.amountCents,
        categoryLabels: new Map(),
      };
      bySupplier.set(line.supplier.key, rollup);
      this.ordered.push(rollup);
    }
    rollup.amountCents += line.amountCents;
    rollup.lines += 1;
    rollup.anchorName ??= line.anchorName;
    if (line.date < rollup.firstDate) rollup.firstDate = line.date;
    if (line.date > rollup.lastDate) rollup.lastDate = line.date;
    if (line.amountCents > rollup.largestLineCents) rollup.largestLineCents = line.amountCents;
    const category = line.categoryCode ?? line.categoryLabel ?? UNCATEGORISED;
    this.addToBucket(rollup, line.date, category, line.amountCents);
    if (line.categoryLabel && !rollup.categoryLabels.has(category)) {
      rollup.categoryLabels.set(category, line.categoryLabel);
    }
  }

  get size(): number {
    return this.ordered.length;
  }

  private addToBucket(rollup: RollupAccumulator, date: string, category: string, cents: number): void {
    const key = this.bucketKey(date, category);
    let bucket: MonthCategoryCents | undefined;
    if (rollup.bucketIndex) bucket = rollup.bucketIndex.get(key);
    else {
      const at = rollup.bucketKeys.indexOf(key);
      if (at !== -1) bucket = rollup.byMonthCategory[at];
    }
    if (bucket) {
      bucket[2] += cents;
      return;
    }
    const created: MonthCategoryCents = [monthOf(date), category, cents];
    rollup.byMonthCategory.push(created);
    rollup.bucketKeys.push(key);
    rollup.bucketIndex?.set(key, created);
    if (!rollup.bucketIndex && rollup.bucketKeys.length > SCANNED_BUCKETS) {
      const index = new Map<number | string, MonthCategoryCents>();
      rollup.bucketKeys.forEach((known, at) => {
        const existing = rollup.byMonthCategory[at];
        if (existing) index.set(known, existing);
      });
      rollup.bucketIndex = index;
    }
  }

  /**
   * One key per (month, category) found without composing a string per line: the month and a number
   * for the category packed into one small integer, two pairs never sharing one. A date not written
   * `yyyy-mm…`, or a file with thousands of categories, falls back to the composed string, which no
   * number equals.
   */
  private bucketKey(date: string, category: string): number | string {
    let categoryNumber = this.categoryNumbers.get(category);
    if (categoryNumber === undefined) {
      categoryNumber = this.categoryNumbers.size;
      this.categoryNumbers.set(category, categoryNumber);
    }
    const month = monthNumber(date);
    return month >= 0 && categoryNumber < CATEGORY_NUMBERS
      ? categoryNumber * (1 << MONTH_BITS) + month
      : `${monthOf(date)}\u0000${category}`;
  }

  /** Plain records for storage; data-keyed maps become arrays of pairs. */
  *records(): Generator<SupplierRollup> {
    for (const rollup of this.ordered) {
      yield {
        anchorId: rollup.anchorId,
        ...(rollup.anchorName ? { anchorName: rollup.anchorName } : {}),
        supplier: rollup.supplier,
        ...(rollup.segment ? { segment: rollup.segment } : {}),
        amountCents: rollup.amountCents,
        lines: rollup.lines,
        firstDate: rollup.firstDate,
        lastDate: rollup.lastDate,
        byMonthCategory: rollup.byMonthCategory.map(([month, category, cents]) => [month, category, cents]),
        largestLineCents: rollup.largestLineCents,
        categoryLabels: [...rollup.categoryLabels],
      };
    }
  }
}

/** Cents per category, whatever the month. */
export function centsByCategory(rollup: SupplierRollup): Map<string, number> {
  const byCategory = new Map<string, number>();
  for (const [, category, cents] of rollup.byMonthCategory) addTo(byCategory, category, cents);
  return byCategory;
}
