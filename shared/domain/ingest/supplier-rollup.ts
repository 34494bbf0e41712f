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

interface RollupAccumulator {
  readonly anchorId: string;
  anchorName: string | undefined;
  readonly supplier: SpendLine['supplier'];
  readonly segment: SpendLine['segment'];
  amountCents: number;
  lines: number;
  firstDate: string;
  lastDate: string;
  readonly byMonthCategory: Map<string, number>;
  largestLineCents: number;
  readonly categoryLabels: Map<string, string>;
}

const addTo = (map: Map<string, number>, key: string, cents: number) =>
  map.set(key, (map.get(key) ?? 0) + cents);

/** Accumulates rollups per (anchor, supplier). Keys are data, so everything is kept in Maps. */
export class SupplierRollups {
  private readonly byKey = new Map<string, RollupAccumulator>();

  add(line: SpendLine): void {
    const key = `${line.anchorId}\u0000${line.supplier.key}\u0000${line.segment ?? ''}`;
    let rollup = this.byKey.get(key);
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
        byMonthCategory: new Map(),
        largestLineCents: line.amountCents,
        categoryLabels: new Map(),
      };
      this.byKey.set(key, rollup);
    }
    rollup.amountCents += line.amountCents;
    rollup.lines += 1;
    rollup.anchorName ??= line.anchorName;
    if (line.date < rollup.firstDate) rollup.firstDate = line.date;
    if (line.date > rollup.lastDate) rollup.lastDate = line.date;
    if (line.amountCents > rollup.largestLineCents) rollup.largestLineCents = line.amountCents;
    const category = line.categoryCode ?? line.categoryLabel ?? UNCATEGORISED;
    addTo(rollup.byMonthCategory, `${monthOf(line.date)}\u0000${category}`, line.amountCents);
    if (line.categoryLabel && !rollup.categoryLabels.has(category)) {
      rollup.categoryLabels.set(category, line.categoryLabel);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Plain records for storage; data-keyed maps become arrays of pairs. */
  *records(): Generator<SupplierRollup> {
    for (const rollup of this.byKey.values()) {
      yield {
        anchorId: rollup.anchorId,
        ...(rollup.anchorName ? { anchorName: rollup.anchorName } : {}),
        supplier: rollup.supplier,
        ...(rollup.segment ? { segment: rollup.segment } : {}),
        amountCents: rollup.amountCents,
        lines: rollup.lines,
        firstDate: rollup.firstDate,
        lastDate: rollup.lastDate,
        byMonthCategory: [...rollup.byMonthCategory].map(([key, cents]) => {
          const [month = '', category = ''] = key.split('\u0000');
          return [month, category, cents] as [string, string, number];
        }),
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
