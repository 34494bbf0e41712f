import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountedRollup, supplierCount } from '../../../shared/domain/supplier-count.ts';
import { UNDISCLOSED_SUPPLIER_KEY } from '../../../shared/domain/supplier-key.ts';

const paid = (key: string): CountedRollup => ({ supplier: { key } });
const concession = (key: string): CountedRollup => ({ supplier: { key }, segment: 'concession' });

describe('supplierCount', () => {
  it.each<[string, CountedRollup[], number]>([
    ['no rollups', [], 0],
    ['one supplier', [paid('siret:30923145400062')], 1],
    [
      'one supplier paid by two buyers (two rollups)',
      [paid('siret:30923145400062'), paid('siret:30923145400062')],
      1,
    ],
    ['two suppliers', [paid('siret:30923145400062'), paid('name:boulangerie martin@38000')], 2],
    ['the withheld payees are no supplier', [paid('name:acme'), paid(UNDISCLOSED_SUPPLIER_KEY)], 1],
    ['a concession holder only is not paid by the buyer', [concession('siret:30923145400062')], 0],
    [
      'a holder also paid for purchases is one supplier',
      [concession('siren:309231454'), paid('siren:309231454')],
      1,
    ],
  ])('%s', (_label, rollups, count) => {
    expect(supplierCount(rollups)).toBe(count);
  });

  it('is the number of distinct keys paid, whatever the order and repetition of rollups', () => {
    const rollup = fc.oneof(
      fc.constantFrom('siret:1', 'siret:2', 'name:a', UNDISCLOSED_SUPPLIER_KEY).map(paid),
      fc.constantFrom('siret:1', 'siret:3').map(concession),
    );
    fc.assert(
      fc.property(fc.array(rollup), (rollups) => {
        const keys = rollups
          .filter((r) => r.segment !== 'concession' && r.supplier.key !== UNDISCLOSED_SUPPLIER_KEY)
          .map((r) => r.supplier.key);
        expect(supplierCount(rollups)).toBe(new Set(keys).size);
        expect(supplierCount([...rollups].reverse())).toBe(supplierCount([...rollups, ...rollups]));
      }),
    );
  });
});
