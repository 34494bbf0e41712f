import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainDateKey } from '../../../shared/domain/plain-date-key.ts';

const digits = (count: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: count, maxLength: count });
const separator = fc.constantFrom('/', '-', '.');

/** Dates written plainly, day first or year first, with any digits (impossible dates included). */
const plainDate = fc.oneof(
  fc.tuple(digits(2), separator, digits(2), digits(4)).map(([d, s, m, y]) => `${d}${s}${m}${s}${y}`),
  fc.tuple(digits(4), separator, digits(2), digits(2)).map(([y, s, m, d]) => `${y}${s}${m}${s}${d}`),
);

/** Anything near a date: digits, separators, spaces and letters, around ten characters. */
const nearDate = fc.string({ unit: fc.constantFrom(...'0129/-. a'), minLength: 8, maxLength: 12 });

const keyOf = (date: string) => plainDateKey(`;${date};`, 1, date.length + 1);

describe('plainDateKey', () => {
  it('names two plainly written dates alike only when they are the same text', () => {
    fc.assert(
      fc.property(plainDate, plainDate, (left, right) => {
        expect(keyOf(left)).toBeGreaterThanOrEqual(0);
        expect(keyOf(left) === keyOf(right)).toBe(left === right);
      }),
      { numRuns: 5_000 },
    );
  });

  it('gives -1 for whatever is not written plainly, and a small integer otherwise', () => {
    fc.assert(
      fc.property(nearDate, (text) => {
        const plain = /^(\d\d([/.-])\d\d\2\d{4}|\d{4}([/.-])\d\d\3\d\d)$/.test(text);
        const key = keyOf(text);
        expect(key !== -1).toBe(plain);
        expect(Number.isInteger(key) && key < 2 ** 30).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ['10/01/2025', 10_012_025 * 8],
    ['2025-01-10', 20_250_110 * 8 + 5],
    ['10.01.2025', 10_012_025 * 8 + 2],
    ['1/1/2025', -1],
    [' 10/01/2025', -1],
    ['10/01-2025', -1],
  ])('%j → %i', (text, key) => {
    expect(keyOf(text)).toBe(key);
  });
});
