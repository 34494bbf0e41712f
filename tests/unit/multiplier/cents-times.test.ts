import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CentsAccumulator,
  centsTimes,
  ratioMillionths,
} from '../../../shared/domain/multiplier/cents-times.ts';

describe('cents times a share', () => {
  it.each([
    [10_000, 0.76, 7_600],
    [1, 0.5, 1],
    [3, 0.5, 2],
    [-3, 0.5, -2],
    [0, 0.36, 0],
    [100, 1.76, 176],
    // A billion-euro consortium: 10^11 cents × 0.76 exactly, where a float product would drift.
    [100_000_000_000, 0.76, 76_000_000_000],
    [9_007_199_254_740_991, 1, 9_007_199_254_740_991],
  ])('%i cents × %d = %i cents', (cents, ratio, expected) => {
    expect(centsTimes(cents, ratio)).toBe(expected);
  });

  it('keeps a share to the millionth', () => {
    expect(ratioMillionths(0.76)).toBe(760_000n);
    expect(ratioMillionths(1 / 3)).toBe(333_333n);
    expect(() => ratioMillionths(-0.1)).toThrow(RangeError);
    expect(() => ratioMillionths(Number.NaN)).toThrow(RangeError);
    expect(() => new CentsAccumulator().add(0.5, 1)).toThrow(RangeError);
  });

  it('rounds a sum once, at the end: three thirds of a cent make a cent', () => {
    const total = new CentsAccumulator()
      .add(1, 1 / 3)
      .add(1, 1 / 3)
      .add(1, 1 / 3);
    expect(total.cents()).toBe(1);
    expect(centsTimes(1, 1 / 3)).toBe(0);
  });

  it('is exact for any cents and any share, as BigInt arithmetic says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (cents, millionths) => {
          const exact = (BigInt(cents) * BigInt(millionths) + 500_000n) / 1_000_000n;
          expect(BigInt(centsTimes(cents, millionths / 1e6))).toBe(exact);
        },
      ),
    );
  });
});
