import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holderShares } from '../../../shared/domain/holder-split.ts';

describe('sharing a contract between its titulaires', () => {
  it.each([
    ['equal', 10_000, 3, [3_334, 3_333, 3_333]],
    ['first-holder', 10_000, 3, [10_000, 0, 0]],
    ['equal', -101, 2, [-51, -50]],
  ] as const)('%s: %i cents between %i', (split, total, holders, expected) => {
    expect(holderShares(total, holders, split)).toEqual(expected);
  });

  it('always counts the contract once, whatever the split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('equal' as const, 'first-holder' as const),
        (total, holders, split) => {
          const shares = holderShares(total, holders, split);
          expect(shares).toHaveLength(holders);
          expect(shares.reduce((sum, share) => sum + share, 0)).toBe(total);
        },
      ),
    );
  });
});
