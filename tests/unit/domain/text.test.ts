import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForMatch, foldsTo, isAsciiDigits, memoised } from '../../../shared/domain/text.ts';

/** Header-like text: letters of both cases, digits, punctuation, spaces, and now and then an accent or `^`. */
const labelUnit = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'B', 'n', 'Z', '0', '7', ' ', '-', '°', "'", '.', '_') },
  { weight: 1, arbitrary: fc.constantFrom('é', 'É', '^', '`', '\u00A0', '\t', 'ß', 'ﬁ', '\u0301', '€') },
);
const label = fc.string({ unit: labelUnit, maxLength: 16 });

describe('foldsTo', () => {
  it('agrees with comparing foldForMatch, for any value against any folded label', () => {
    fc.assert(
      fc.property(label, label, (value, other) => {
        const folded = foldForMatch(other);
        expect(foldsTo(value, folded)).toBe(foldForMatch(value) === folded);
        expect(foldsTo(value, foldForMatch(value))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it.each<[string, string, boolean]>([
    ['N° mandat', 'n mandat', true],
    ['  Date -- Mandat ', 'date mandat', true],
    ['DateMandat', 'date mandat', false],
    ['2025-0000001', 'n mandat', false],
    ['Montant TTC€', 'montant ttc', true],
    ['a^b', 'a b', true],
    ['a^bé', 'abe', true],
    ['', '', true],
    ['x', '', false],
  ])('%j folds to %j: %s', (value, folded, expected) => {
    expect(foldsTo(value, folded)).toBe(expected);
  });
});

describe('isAsciiDigits', () => {
  it('is /^[0-9]*$/', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '5', '9', '/', ':', '٣', ' ', 'a') }), (value) => {
        expect(isAsciiDigits(value)).toBe(/^[0-9]*$/.test(value));
      }),
    );
  });
});

describe('memoised', () => {
  it('gives what the function gives, undefined included, and forgets when full', () => {
    const calls: string[] = [];
    const lookup = memoised((value: string) => {
      calls.push(value);
      return value === 'none' ? undefined : value.length;
    }, 2);
    expect([lookup('ab'), lookup('ab'), lookup('none'), lookup('none')]).toEqual([
      2,
      2,
      undefined,
      undefined,
    ]);
    expect(calls).toEqual(['ab', 'none']);
    lookup('xyz');
    lookup('ab');
    expect(calls).toEqual(['ab', 'none', 'xyz', 'ab']);
  });
});
