import { type SupplierRollup, SupplierRollupSchema } from '../domain/ingest/supplier-rollup-record.ts';
import { estimateBytes } from '../domain/item-size.ts';

type Item = Record<string, unknown>;

/**
 * A rollup's buckets and labels — lists of lists, growing with months × categories — are stored as
 * one JSON text each. As nested lists, every element was a typed attribute for the SDK to marshal and
 * the table to check: writing a 5 000-supplier file's rollups took 2.4 s of the local stack's ingest,
 * 1.0 s as texts (BENCHMARKS.md). A text larger than the list the rollup's size bound counted (one
 * whose categories are full of characters JSON escapes) is stored as the list, so the bound holds.
 */
function compacted(list: readonly (readonly unknown[])[]): string | readonly (readonly unknown[])[] {
  const json = JSON.stringify(list);
  return Buffer.byteLength(json) <= estimateBytes(list) ? json : list;
}

/** Either stored form, as the list it stands for. */
const expanded = (stored: unknown): unknown => (typeof stored === 'string' ? JSON.parse(stored) : stored);

/** The item's attributes of a rollup, keys aside. */
export const rollupAttributes = (rollup: SupplierRollup): Item => ({
  ...rollup,
  byMonthCategory: compacted(rollup.byMonthCategory),
  categoryLabels: compacted(rollup.categoryLabels),
});

/** The rollup an item holds, whichever form its lists were stored in (lists before texts). */
export const rollupOfItem = (item: Item): SupplierRollup =>
  SupplierRollupSchema.parse({
    ...item,
    byMonthCategory: expanded(item.byMonthCategory),
    categoryLabels: expanded(item.categoryLabels),
  });
