import type { SupplierRollup } from './ingest/supplier-rollup-record.ts';

/**
 * A dataset's spend cut into cells: anchor × supplier × month → cents. Two files that count the same
 * payments have the same cells; a quarter's export holds every cell of each of its months' exports,
 * since months never share a cell. Computed from rollups, so comparing two datasets costs
 * O(suppliers × months), not O(lines).
 */
export type SpendCells = ReadonlyMap<string, number>;

export function spendCells(rollups: Iterable<SupplierRollup>): SpendCells {
  const cells = new Map<string, number>();
  for (const rollup of rollups) {
    for (const [month, , cents] of rollup.byMonthCategory) {
      const cell = `${rollup.anchorId}\u0000${rollup.supplier.key}\u0000${month}`;
      cells.set(cell, (cells.get(cell) ?? 0) + cents);
    }
  }
  return cells;
}

export interface CellOverlap {
  /** Cells with the very same non-zero amount in both. */
  readonly matchingCells: number;
  readonly matchingCents: number;
  /** Every non-zero cell of the first is in the second with the same amount, and vice versa. */
  readonly firstWithinSecond: boolean;
  readonly secondWithinFirst: boolean;
}

/**
 * Below this many cells, a dataset found whole in another may be a coincidence (one supplier paid
 * the same round sum in the same month by two budgets) rather than the same payments exported twice:
 * it is then reported as an overlap, never taken out of the count.
 */
export const MIN_CELLS_TO_SUPERSEDE = 5;

export function compareCells(first: SpendCells, second: SpendCells): CellOverlap {
  let matchingCells = 0;
  let matchingCents = 0;
  let firstCells = 0;
  for (const [cell, cents] of first) {
    if (cents === 0) continue;
    firstCells += 1;
    if (second.get(cell) === cents) {
      matchingCells += 1;
      matchingCents += cents;
    }
  }
  let secondCells = 0;
  for (const cents of second.values()) if (cents !== 0) secondCells += 1;
  return {
    matchingCells,
    matchingCents,
    firstWithinSecond: firstCells >= MIN_CELLS_TO_SUPERSEDE && matchingCells === firstCells,
    secondWithinFirst: secondCells >= MIN_CELLS_TO_SUPERSEDE && matchingCells === secondCells,
  };
}
