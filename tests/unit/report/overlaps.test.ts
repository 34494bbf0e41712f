import { describe, expect, it } from 'vitest';
import type { SupplierRollup } from '../../../shared/domain/ingest/supplier-rollup-record.ts';
import { overlappingDatasets } from '../../../shared/domain/report/overlaps.ts';

const rollup = (anchorId: string, key: string, months: [string, number][]): SupplierRollup => ({
  anchorId,
  supplier: { key, name: key },
  amountCents: months.reduce((sum, [, cents]) => sum + cents, 0),
  lines: months.length,
  firstDate: '2025-01-01',
  lastDate: '2025-03-31',
  byMonthCategory: months.map(([month, cents]) => [month, '611', cents]),
  largestLineCents: Math.max(...months.map(([, cents]) => cents)),
  categoryLabels: [],
});

describe('datasets that may count the same spend twice', () => {
  it('finds the months a quarterly export shares with a monthly one, for the same anchor and supplier', () => {
    const january = [
      rollup('a', 'name:x', [['2025-01', 12_000]]),
      rollup('a', 'name:y', [['2025-01', 5_000]]),
    ];
    const quarter = [
      rollup('a', 'name:x', [
        ['2025-01', 12_000],
        ['2025-02', 8_000],
      ]),
      rollup('a', 'name:y', [['2025-01', 5_001]]),
      rollup('b', 'name:x', [['2025-01', 12_000]]),
    ];
    const other = [rollup('a', 'name:z', [['2025-01', 12_000]])];
    expect(
      overlappingDatasets(
        new Map([
          ['january', january],
          ['quarter', quarter],
          ['other', other],
        ]),
      ),
    ).toEqual([{ datasets: ['january', 'quarter'], matchingCells: 1, amount: 120 }]);
  });
});
