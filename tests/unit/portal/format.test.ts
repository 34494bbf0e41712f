import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, formatCount, formatDate, formatShare } from '../../../portal/src/i18n/format.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('money from integer cents', () => {
  it.each([
    [0, 'EUR', 'fr', `0,00${NBSP}€`],
    [5, 'EUR', 'fr', `0,05${NBSP}€`],
    [-1250, 'EUR', 'fr', `-12,50${NBSP}€`],
    [123456, 'EUR', 'fr', `1${NNBSP}234,56${NBSP}€`],
    [2180010, 'EUR', 'en', '€21,800.10'],
    [-99, 'GBP', 'en', '-£0.99'],
    [900719925474099, 'EUR', 'en', '€9,007,199,254,740.99'],
  ] as const)('%i %s in %s is %s', (cents, currency, language, expected) => {
    expect(formatCents(cents, currency, language)).toBe(expected);
  });

  it('keeps every cent of any amount, in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('fr', 'en'),
        (cents, language) => {
          const text = formatCents(cents, 'EUR', language as 'fr' | 'en');
          const digits = text.replace(/\D/g, '');
          expect(BigInt(digits) * (text.includes('-') ? -1n : 1n)).toBe(BigInt(cents));
        },
      ),
    );
  });
});

describe('numbers, shares and dates', () => {
  it('formats in the chosen language', () => {
    expect(formatCount(1220, 'fr')).toBe(`1${NNBSP}220`);
    expect(formatCount(1220, 'en')).toBe('1,220');
    expect(formatShare(0.4213, 'fr')).toBe(`42,1${NBSP}%`);
    expect(formatShare(0.4213, 'en')).toBe('42.1%');
    expect(formatDate('2019-05-30', 'fr')).toBe('30 mai 2019');
    expect(formatDate('2019-05-30', 'en')).toBe('30 May 2019');
  });

  it('never shifts a date by the time zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const day = String(Number(iso.slice(8, 10)));
          expect(formatDate(iso, 'en').startsWith(day)).toBe(true);
        },
      ),
    );
  });
});
