import type { SupplierRollup } from '../ingest/supplier-rollup.ts';
import { formatCentsAsUnits } from '../money.ts';

/**
 * Datasets that look like they count the same spend twice: the same anchor paying the same supplier
 * the very same amount in the same month in two files (a quarterly export overlapping a monthly one,
 * a file uploaded as JSON and as CSV). Computed from rollups, so it costs O(suppliers × months).
 */
export function overlappingDatasets(rollupsByDataset: ReadonlyMap<string, readonly SupplierRollup[]>) {
  const cells = new Map<string, Map<string, number>>();
  for (const [datasetId, rollups] of rollupsByDataset) {
    const own = new Map<string, number>();
    for (const rollup of rollups) {
      for (const [month, , cents] of rollup.byMonthCategory) {
        const cell = `${rollup.anchorId}\u0000${rollup.supplier.key}\u0000${month}`;
        own.set(cell, (own.get(cell) ?? 0) + cents);
      }
    }
    cells.set(datasetId, own);
  }
  const ids = [...cells.keys()].sort();
  const overlaps: { datasets: [string, string]; matchingCells: number; amount: number }[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = cells.get(ids[i] ?? '') ?? new Map<string, number>();
      const b = cells.get(ids[j] ?? '') ?? new Map<string, number>();
      let matching = 0;
      let cents = 0;
      for (const [cell, amount] of a) {
        if (amount !== 0 && b.get(cell) === amount) {
          matching += 1;
          cents += amount;
        }
      }
      if (matching > 0) {
        overlaps.push({
          datasets: [ids[i] ?? '', ids[j] ?? ''],
          matchingCells: matching,
          amount: formatCentsAsUnits(cents),
        });
      }
    }
  }
  return overlaps.sort((x, y) => y.amount - x.amount);
}
