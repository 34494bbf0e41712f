import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isLuhnValid,
  parseAnyIdentifier,
  parseSupplierIdentifier,
  plainIdentifier,
  type SupplierIdentifier,
  sirenOf,
} from '../../../shared/domain/identifiers.ts';

const mangled = (raw: string): string =>
  `identifier "${raw}" was mangled by a spreadsheet (scientific notation): re-export the column as text`;

describe('isLuhnValid', () => {
  it.each([
    ['32537347000039', true],
    ['30923145400062', true],
    ['325373470', true],
    ['356000000', true],
    ['0', true],
    ['32537347000038', false],
    ['325373471', false],
    ['', false],
    ['3253 7347', false],
  ])('%j is %s', (digits, valid) => {
    expect(isLuhnValid(digits)).toBe(valid);
  });

  it('accepts any digit string once the right check digit is appended', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,30}$/), (digits) => {
        const check = [...'0123456789'].filter((c) => isLuhnValid(digits + c));
        expect(check).toHaveLength(1);
      }),
    );
  });
});

describe('parseSupplierIdentifier', () => {
  it.each<[string, string | undefined, SupplierIdentifier | undefined]>([
    ['', undefined, undefined],
    ['   ', undefined, undefined],
    ['NC', undefined, undefined],
    ['n/a', undefined, undefined],
    ['-', undefined, undefined],
    ['0', undefined, undefined],
    ['00000000000000', 'SIRET', undefined],
    ['0000000000000000', undefined, undefined],
    ['32537347000039', undefined, { scheme: 'siret', value: '32537347000039' }],
    ['325 373 470 000 39', undefined, { scheme: 'siret', value: '32537347000039' }],
    ['325\u00A0373\u00A0470\u00A000039', 'SIRET', { scheme: 'siret', value: '32537347000039' }],
    ['325.373.470-00039', undefined, { scheme: 'siret', value: '32537347000039' }],
    [' 30923145400062 ', 'SIRET', { scheme: 'siret', value: '30923145400062' }],
    // La Poste establishments: Luhn fails but the digit sum is a multiple of 5.
    ['35600000049837', 'SIRET', { scheme: 'siret', value: '35600000049837' }],
    ['325373470', undefined, { scheme: 'siren', value: '325373470' }],
    ['325 373 470', 'SIRET', { scheme: 'siren', value: '325373470' }],
    ['DE292990164', undefined, { scheme: 'vat', value: 'DE292990164', country: 'DE' }],
    ['DE292990164', 'TVA', { scheme: 'vat', value: 'DE292990164', country: 'DE' }],
    ['de 292 990 164', 'UE', { scheme: 'vat', value: 'DE292990164', country: 'DE' }],
    ['FR40303265045', undefined, { scheme: 'vat', value: 'FR40303265045', country: 'FR' }],
    ['FR 40 303265045', 'TVA', { scheme: 'vat', value: 'FR40303265045', country: 'FR' }],
    ['GB123456789', undefined, { scheme: 'vat', value: 'GB123456789', country: 'GB' }],
    ['CHE-123.456.789', 'HORS-UE', { scheme: 'vat', value: 'CHE123456789', country: 'CH' }],
    ['123456789012345', 'HORS-UE', { scheme: 'company-number', value: '123456789012345' }],
    ['12345678901234', 'HORS-UE', { scheme: 'company-number', value: '12345678901234' }],
    ['32537347000039', 'HORS-UE', { scheme: 'siret', value: '32537347000039' }],
    ['A12345', 'TAHITI', { scheme: 'company-number', value: 'A12345' }],
    ['1234567.001', 'RIDET', { scheme: 'company-number', value: '1234567001' }],
    ['01234567', 'company-number', { scheme: 'company-number', value: '01234567' }],
    ['SC123456', 'company-number', { scheme: 'company-number', value: 'SC123456' }],
  ])('%j (declared %j) reads as %j', (raw, declared, expected) => {
    expect(parseSupplierIdentifier(raw, declared)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string | undefined, string]>([
    ['7,33E+13', undefined, mangled('7,33E+13')],
    ['7.33E+13', 'SIRET', mangled('7.33E+13')],
    ['3.25373E+13', undefined, mangled('3.25373E+13')],
    ['3,25373e13', undefined, mangled('3,25373e13')],
    ['32537347000038', undefined, 'SIRET "32537347000038" fails its checksum'],
    ['325 373 470 000 38', 'SIRET', 'SIRET "325 373 470 000 38" fails its checksum'],
    ['35600000049838', undefined, 'SIRET "35600000049838" fails its checksum'],
    ['325373471', undefined, 'SIREN "325373471" fails its checksum'],
    ['01234567', undefined, 'identifier "01234567" is not a SIRET, SIREN or VAT number'],
    ['0123456789', 'company-number', 'identifier "0123456789" is not a SIRET, SIREN or VAT number'],
    ['5420012300015', undefined, 'identifier "5420012300015" is not a SIRET, SIREN or VAT number'],
    ['INCONNU', undefined, 'identifier "INCONNU" is not a SIRET, SIREN or VAT number'],
    [
      'Fournisseur étranger',
      'HORS-UE',
      'identifier "Fournisseur étranger" is not a SIRET, SIREN or VAT number',
    ],
    ['DE1', undefined, 'identifier "DE1" is not a SIRET, SIREN or VAT number'],
  ])('%j (declared %j) fails: %s', (raw, declared, reason) => {
    expect(parseSupplierIdentifier(raw, declared)).toEqual({ ok: false, reason });
  });

  it('reads any all-zero placeholder as no identifier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), (n) => {
        expect(parseSupplierIdentifier('0'.repeat(n))).toEqual({ ok: true, value: undefined });
      }),
    );
  });
});

describe('plainIdentifier, the fast path of parseSupplierIdentifier', () => {
  /** Fourteen digits made Luhn-valid by their last digit, or left as they come. */
  const luhnCompleted = (digits: string) =>
    [...'0123456789'].map((last) => digits + last).find(isLuhnValid) ?? `${digits}0`;
  const identifierText = fc.oneof(
    fc
      .string({ unit: fc.constantFrom('0', '3', '5', '6', '9'), minLength: 13, maxLength: 13 })
      .map(luhnCompleted),
    fc.string({ unit: fc.constantFrom('0', '1', '8', ' ', 'A'), minLength: 13, maxLength: 15 }),
    fc.constantFrom('', '00000000000000', '35600000000048', ' 32537347000039', 'NC'),
  );
  const declared = fc.constantFrom(undefined, 'SIRET', 'TVA', 'HORS-UE', 'COMPANY-NUMBER', 'siret');

  it('reads a plain SIRET or an empty value exactly as the general reading does, and leaves the rest', () => {
    fc.assert(
      fc.property(identifierText, declared, (raw, type) => {
        const plain = plainIdentifier(raw, type);
        if (plain !== undefined) expect(parseAnyIdentifier(raw, type)).toEqual(plain);
        expect(parseSupplierIdentifier(raw, type)).toEqual(parseAnyIdentifier(raw, type));
      }),
      { numRuns: 3_000 },
    );
  });

  it('takes only what it can settle alone', () => {
    expect(plainIdentifier('32537347000039', undefined)).toEqual({
      ok: true,
      value: { scheme: 'siret', value: '32537347000039' },
    });
    expect(plainIdentifier('', 'SIRET')).toEqual({ ok: true, value: undefined });
    expect(plainIdentifier('32537347000039', 'TVA')).toBeUndefined();
    expect(plainIdentifier('32537347000038', undefined)).toBeUndefined();
    expect(plainIdentifier('00000000000000', undefined)).toBeUndefined();
  });
});

describe('sirenOf', () => {
  it('is the first nine digits of the SIRET', () => {
    expect(sirenOf('32537347000039')).toBe('325373470');
  });
});
