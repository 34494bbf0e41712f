import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid } from '../../../shared/domain/identifiers.ts';
import { type LineIdentifier, readLineIdentifier } from '../../../shared/domain/line-identifier.ts';

describe('readLineIdentifier: a defect in the identifier never drops a line', () => {
  it.each<[string, string | undefined, LineIdentifier]>([
    ['', undefined, { identifier: undefined }],
    ['32537347000039', undefined, { identifier: { scheme: 'siret', value: '32537347000039' } }],
    ['DE 292 990 164', 'TVA', { identifier: { scheme: 'vat', value: 'DE292990164', country: 'DE' } }],
    ['NC', undefined, { identifier: undefined, flag: 'identifier-placeholder' }],
    ['00000000000000', undefined, { identifier: undefined, flag: 'identifier-placeholder' }],
    [
      '325 373 470 000 39',
      undefined,
      { identifier: { scheme: 'siret', value: '32537347000039' }, flag: 'repaired-identifier' },
    ],
    [
      '325.373.470-00039',
      'SIRET',
      { identifier: { scheme: 'siret', value: '32537347000039' }, flag: 'repaired-identifier' },
    ],
    // A spreadsheet read the SIRET 05420012300013 as a number.
    [
      '5420012300013',
      undefined,
      { identifier: { scheme: 'siret', value: '05420012300013' }, flag: 'repaired-identifier' },
    ],
    [
      '54200126',
      undefined,
      { identifier: { scheme: 'siren', value: '054200126' }, flag: 'repaired-identifier' },
    ],
    [
      '32537347000038',
      undefined,
      { identifier: undefined, invalid: '32537347000038', flag: 'invalid-identifier' },
    ],
    [
      '325373470000391',
      undefined,
      { identifier: undefined, invalid: '325373470000391', flag: 'invalid-identifier' },
    ],
    ['7,33E+13', undefined, { identifier: undefined, invalid: '7,33E+13', flag: 'invalid-identifier' }],
    ['INCONNU', undefined, { identifier: undefined, invalid: 'INCONNU', flag: 'invalid-identifier' }],
    // 13 digits that fail even with the zero restored stay as written.
    [
      '1234567890123',
      undefined,
      { identifier: undefined, invalid: '1234567890123', flag: 'invalid-identifier' },
    ],
  ])('%j (declared %j) → %j', (raw, declared, expected) => {
    expect(readLineIdentifier(raw, declared)).toEqual(expected);
  });

  const siret = fc
    .string({ unit: fc.constantFrom(...'0123456789'), minLength: 13, maxLength: 13 })
    .map((digits) => [...'0123456789'].map((last) => digits + last).find(isLuhnValid) ?? `${digits}0`);

  it('never gives a mistyped SIRET the identity of the valid SIRET it resembles (property)', () => {
    fc.assert(
      fc.property(siret, fc.nat({ max: 13 }), fc.integer({ min: 1, max: 9 }), (valid, at, shift) => {
        const digit = (Number(valid[at]) + shift) % 10;
        const typo = `${valid.slice(0, at)}${digit}${valid.slice(at + 1)}`;
        const read = readLineIdentifier(typo);
        // One changed digit always breaks the Luhn check: the typo is never taken for a valid SIRET.
        expect(read.identifier?.value).not.toBe(valid);
        expect(read.flag).toBe('invalid-identifier');
        expect(read.invalid).toBe(typo);
      }),
      { numRuns: 2_000 },
    );
  });

  it('restores the leading zero a spreadsheet dropped, and only that (property)', () => {
    fc.assert(
      fc.property(
        siret.filter((value) => value.startsWith('0')),
        (valid) => {
          expect(readLineIdentifier(valid.slice(1))).toEqual({
            identifier: { scheme: 'siret', value: valid },
            flag: 'repaired-identifier',
          });
        },
      ),
    );
  });
});
