import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DecimalSeparator,
  formatCentsAsUnits,
  parseAmountToCents,
  parseAnyAmountToCents,
  readSpendAmount,
  splitCentsEqually,
} from '../../../shared/domain/money.ts';
import { plainAmountCents } from '../../../shared/domain/plain-amount.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('parseAmountToCents', () => {
  it.each<[string, DecimalSeparator | undefined, number]>([
    ['0', undefined, 0],
    ['12', undefined, 1200],
    ['+12', undefined, 1200],
    ['  42,00  ', undefined, 4200],
    ['1234.56', undefined, 123456],
    ['1234,5', undefined, 123450],
    ['1234.5', undefined, 123450],
    ['0,05', undefined, 5],
    ['1 234,56', undefined, 123456],
    [`1${NBSP}234,56`, undefined, 123456],
    [`1${NNBSP}234,56`, undefined, 123456],
    ["1'234.56", undefined, 123456],
    ['1\u2019234.56', undefined, 123456],
    ['1.234,56', undefined, 123456],
    ['1,234.56', undefined, 123456],
    ['1.234.567', undefined, 123456700],
    ['1,234,567.89', undefined, 123456789],
    ['1.234.567,89', undefined, 123456789],
    ['1 234', undefined, 123400],
    ['2,310.00', undefined, 231000],
    ['"2,310.00"', undefined, 231000],
    ['1234.000', undefined, 123400],
    ['1.2300', undefined, 123],
    ['0,500', undefined, 50],
    ['1 234,000', undefined, 123400],
    ['-12,50', undefined, -1250],
    ['12,50-', undefined, -1250],
    ['(12,50)', undefined, -1250],
    ['-0,00', undefined, 0],
    ['€12,50', undefined, 1250],
    ['12,50 €', undefined, 1250],
    ['12,50€', undefined, 1250],
    ['-12,50 €', undefined, -1250],
    ['-€12.50', undefined, -1250],
    ['€ -12.50', undefined, -1250],
    ['(€12.50)', undefined, -1250],
    ['12,50 €-', undefined, -1250],
    ['£1,234.56', undefined, 123456],
    ['$ 99.99', undefined, 9999],
    ['EUR 1 234,56', undefined, 123456],
    ['1 234,56 EUR', undefined, 123456],
    ['1234.56 gbp', undefined, 123456],
    // An explicit decimal separator is authoritative, which also settles the ambiguous cases.
    ['1,234', '.', 123400],
    ['1.234', ',', 123400],
    ['1,23', ',', 123],
    ['1.2', '.', 120],
    ['1.230', '.', 123],
    ['1.234,56', ',', 123456],
    ['1,234.56', '.', 123456],
    ['1234', ',', 123400],
  ])('%j (decimal %j) is %i cents', (raw, decimal, cents) => {
    expect(parseAmountToCents(raw, decimal)).toEqual({ ok: true, value: cents });
  });

  it('accepts the largest safe number of cents', () => {
    expect(parseAmountToCents('90071992547409.91', '.')).toEqual({
      ok: true,
      value: Number.MAX_SAFE_INTEGER,
    });
    expect(parseAmountToCents('-90071992547409.91', '.')).toEqual({
      ok: true,
      value: -Number.MAX_SAFE_INTEGER,
    });
  });

  it.each<[string, DecimalSeparator | undefined, string]>([
    ['', undefined, 'amount is empty'],
    ['   ', undefined, 'amount is empty'],
    ['""', undefined, 'amount is empty'],
    ['1,234', undefined, 'ambiguous amount "1,234": say which decimal separator the file uses'],
    ['1.234', undefined, 'ambiguous amount "1.234": say which decimal separator the file uses'],
    ['-123.456 €', undefined, 'ambiguous amount "-123.456 €": say which decimal separator the file uses'],
    ['1.2345', undefined, 'amount "1.2345" has more than two decimals'],
    ['1,001', ',', 'amount "1,001" has more than two decimals'],
    ['1.23.456', undefined, 'amount "1.23.456" has misplaced thousands separators'],
    ['1,234,56', undefined, 'amount "1,234,56" has misplaced thousands separators'],
    ['1234,5', '.', 'amount "1234,5" has misplaced thousands separators'],
    ['1234 567', undefined, 'amount "1234 567" has misplaced thousands separators'],
    ['1 23', undefined, 'amount "1 23" has misplaced thousands separators'],
    ['abc', undefined, 'amount "abc" is not a number'],
    ['12a', undefined, 'amount "12a" is not a number'],
    ['1e5', undefined, 'amount "1e5" is not a number'],
    ['--3', undefined, 'amount "--3" is not a number'],
    ['-3-', undefined, 'amount "-3-" is not a number'],
    ['-(3)', undefined, 'amount "-(3)" is not a number'],
    ['€', undefined, 'amount "€" is not a number'],
    ['12,', undefined, 'amount "12," is not a number'],
    [',50', undefined, 'amount ",50" is not a number'],
    ['1,2,3', ',', 'amount "1,2,3" is not a number'],
    ['12 USD', undefined, 'amount "12 USD" is not a number'],
    ['90071992547409.92', '.', 'amount "90071992547409.92" is too large'],
    ['99999999999999999999', undefined, 'amount "99999999999999999999" is too large'],
  ])('%j (decimal %j) fails: %s', (raw, decimal, reason) => {
    expect(parseAmountToCents(raw, decimal)).toEqual({ ok: false, reason });
  });
});

type Style = { name: string; decimal: DecimalSeparator; format: (units: string, frac: string) => string };

const group = (digits: string, sep: string): string => digits.replace(/\B(?=(\d{3})+$)/g, sep);

const STYLES: Style[] = [
  { name: 'space', decimal: ',', format: (u, f) => `${group(u, ' ')},${f}` },
  { name: 'NBSP', decimal: ',', format: (u, f) => `${group(u, NBSP)},${f}` },
  { name: 'narrow NBSP', decimal: ',', format: (u, f) => `${group(u, NNBSP)},${f}` },
  { name: 'dot thousands', decimal: ',', format: (u, f) => `${group(u, '.')},${f}` },
  { name: 'comma thousands', decimal: '.', format: (u, f) => `${group(u, ',')}.${f}` },
  { name: 'plain', decimal: '.', format: (u, f) => `${u}.${f}` },
];

describe('parseAmountToCents round-trips formatted amounts', () => {
  it.each(STYLES)('$name style', ({ decimal, format }) => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('', '€', ' €', '€ '),
        fc.constantFrom<'minus' | 'parentheses'>('minus', 'parentheses'),
        (cents, euro, negativeStyle) => {
          const abs = Math.abs(cents);
          const body = format(String(Math.floor(abs / 100)), String(abs % 100).padStart(2, '0'));
          const withEuro =
            euro.trim() === '' ? body : euro.startsWith('€') ? `${euro}${body}` : `${body}${euro}`;
          const text = cents >= 0 ? withEuro : negativeStyle === 'minus' ? `-${withEuro}` : `(${withEuro})`;
          expect(parseAmountToCents(text, decimal)).toEqual({ ok: true, value: cents });
        },
      ),
    );
  });
});

describe('readSpendAmount: an amount stated finer than the cent is counted, rounded and said so', () => {
  it.each<[string, DecimalSeparator | undefined, number, boolean]>([
    ['83333.3333333', '.', 8333333, true],
    ['12345.678', '.', 1234568, true],
    ['1 234,5678', ',', 123457, true],
    ['1 234,567', ',', 123457, true],
    ['0,125', ',', 13, true],
    ['-0,125', ',', -13, true],
    ['(2,0050)', ',', -201, true],
    ['1,2344', ',', 123, true],
    ['12,3400', ',', 1234, false],
    ['1 234,56', ',', 123456, false],
    ['12', undefined, 1200, false],
  ])('%s (%s) → %i cents, rounded %s', (text, decimal, cents, rounded) => {
    expect(readSpendAmount(text, decimal)).toEqual({ ok: true, value: { cents, rounded } });
  });

  it.each<[string, DecimalSeparator | undefined, string]>([
    ['12,345', ',', 'amount "12,345" has more than two decimals'],
    ['1.234', '.', 'amount "1.234" has more than two decimals'],
    ['douze', ',', 'amount "douze" is not a number'],
    ['90071992547409.915', '.', 'amount "90071992547409.915" is too large'],
  ])(
    'still refuses %s (%s): three decimals may be thousands, and what does not read',
    (text, decimal, reason) => {
      expect(readSpendAmount(text, decimal)).toEqual({ ok: false, reason });
    },
  );

  it('reads every amount parseAmountToCents reads, to the same cents, unrounded', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^-?[0-9]{1,9}([ .,][0-9]{3})?([.,][0-9]{1,6})?$/),
        fc.constantFrom<DecimalSeparator | undefined>(',', '.', undefined),
        (text, decimal) => {
          const strict = parseAmountToCents(text, decimal);
          const spend = readSpendAmount(text, decimal);
          if (strict.ok) expect(spend).toEqual({ ok: true, value: { cents: strict.value, rounded: false } });
          else if (spend.ok) {
            expect(spend.value.rounded).toBe(true);
            expect(strict.reason).toMatch(/more than two decimals/);
          }
        },
      ),
    );
  });
});

describe('plainAmountCents, the fast path of parseAmountToCents', () => {
  /** Amount-like text: mostly the plain shapes, often one character off them. */
  const amountText = fc.oneof(
    fc.string({ unit: fc.constantFrom('1', '2', '0', '9', ' ', NBSP, NNBSP, ',', '.', '-'), maxLength: 14 }),
    fc
      .tuple(
        fc.constantFrom('', '-', '+', ' ', '--'),
        fc.bigInt({ min: 0n, max: 10n ** 17n }),
        fc.constantFrom('', ' ', NBSP, NNBSP, '  ', "'"),
        fc.constantFrom('', ',', '.', ',,'),
        fc.constantFrom('', '0', '5', '05', '50', '500', '5x', '€'),
      )
      .map(([sign, units, separator, point, decimals]) => {
        const grouped = units.toString().replace(/\B(?=(\d{3})+(?!\d))/g, separator);
        return `${sign}${grouped}${point}${decimals}`;
      }),
  );

  it('reads a plain amount exactly as the general reading does, and leaves it every other one', () => {
    fc.assert(
      fc.property(
        amountText,
        fc.constantFrom<DecimalSeparator | undefined>(',', '.', undefined),
        (text, decimal) => {
          const plain = plainAmountCents(text, decimal);
          if (plain !== undefined)
            expect(parseAnyAmountToCents(text, decimal)).toEqual({ ok: true, value: plain });
          expect(parseAmountToCents(text, decimal)).toEqual(parseAnyAmountToCents(text, decimal));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it.each<[string, DecimalSeparator | undefined, number | undefined]>([
    ['1 171,58', ',', 117158],
    [`21${NBSP}876,06`, ',', 2187606],
    ['-0,00', ',', 0],
    ['-12,5', ',', -1250],
    ['11578,83', '.', undefined],
    ['1 2345,00', ',', undefined],
    ['1 234', undefined, 123400],
    ['1234,5', undefined, undefined],
    ['12345678901234', ',', undefined],
    ['1 234,56 €', ',', undefined],
    ['', ',', undefined],
  ])('%j with %j is %j', (text, decimal, cents) => {
    expect(plainAmountCents(text, decimal)).toBe(cents);
  });
});

describe('formatCentsAsUnits', () => {
  it.each([
    [0, 0],
    [1, 0.01],
    [123456, 1234.56],
    [-1250, -12.5],
    [-0, 0],
    [Number.MAX_SAFE_INTEGER, 90071992547409.91],
  ])('%i cents is %d', (cents, units) => {
    expect(formatCentsAsUnits(cents)).toBe(units);
  });

  it('prints the same digits as the cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const abs = Math.abs(cents);
        const expected = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
        expect(formatCentsAsUnits(cents).toFixed(2)).toBe(expected);
      }),
    );
  });
});

describe('splitCentsEqually', () => {
  it.each<[number, number, number[]]>([
    [100, 1, [100]],
    [100, 3, [34, 33, 33]],
    [101, 3, [34, 34, 33]],
    [2, 3, [1, 1, 0]],
    [0, 2, [0, 0]],
    [-100, 3, [-34, -33, -33]],
    [-2, 3, [-1, -1, 0]],
  ])('%i in %i parts is %j', (total, parts, shares) => {
    expect(splitCentsEqually(total, parts)).toEqual(shares);
  });

  it.each([
    [100, 0],
    [100, 1.5],
    [1.5, 2],
  ])('refuses %d in %d parts', (total, parts) => {
    expect(() => splitCentsEqually(total, parts)).toThrow(RangeError);
  });

  it('shares sum to the total and differ by at most one cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 50 }), (total, parts) => {
        const shares = splitCentsEqually(total, parts);
        expect(shares).toHaveLength(parts);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        expect(shares.every(Number.isInteger)).toBe(true);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
