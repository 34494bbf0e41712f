import type { SupplierRollup } from '../ingest/supplier-rollup-record.ts';
import { formatCentsAsUnits } from '../money.ts';
import { compareCells, type SpendCells, spendCells } from '../spend-cells.ts';

/**
 * Datasets that look like they count the same spend twice: the same anchor paying the same supplier
 * the very same amount in the same month in two files (a quarterly export overlapping a monthly one,
 * a file uploaded as JSON and as CSV). Computed from rollups, so it costs O(suppliers × months).
 */
export function overlappingDatasets(rollupsByDataset: ReadonlyMap<string, readonly SupplierRollup[]>) {
  const cells = new Map<string, SpendCells>();
  for (const [datasetId, rollups] of rollupsByDataset) cells.set(datasetId, spendCells(rollups));
  const ids = [...cells.keys()].sort();
  const overlaps: { datasets: [string, string]; matchingCells: number; amount: number }[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const { matchingCells, matchingCents } = compareCells(
        cells.get(ids[i] ?? '') ?? new Map(),
        cells.get(ids[j] ?? '') ?? new Map(),
      );
      if (matchingCells > 0) {
        overlaps.push({
          datasets: [ids[i] ?? '', ids[j] ?? ''],
          matchingCells,
          amount: formatCentsAsUnits(matchingCents),
        });
      }
    }
  }
  return overlaps.sort((x, y) => y.amount - x.amount);
}
