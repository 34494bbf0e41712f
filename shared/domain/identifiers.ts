import { fail, ok, type Result } from './result.ts';
import { isAsciiDigits } from './text.ts';

export type SupplierIdentifier =
  | { scheme: 'siret'; value: string }
  | { scheme: 'siren'; value: string }
  | { scheme: 'vat'; value: string; country: string }
  | { scheme: 'company-number'; value: string };

/** Luhn (mod 10) check used by SIREN and SIRET. */
export function isLuhnValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const PLACEHOLDERS = new Set(['', 'NC', 'NA', 'N/A']);
// `7,33E+13`: a spreadsheet turned a SIRET into a float and the digits are gone.
const SCIENTIFIC = /^[0-9]+(?:[.,][0-9]+)?E\+?[0-9]+$/i;
const VAT = /^([A-Z]{2})([A-Z0-9]{2,13})$/;
const UK_COMPANY_NUMBER = /^(?:[0-9]{8}|[A-Z]{2}[0-9]{6})$/;
/** DECP `typeIdentifiant` values for suppliers registered outside France. */
const FOREIGN_TYPES = new Set(['TVA', 'UE', 'HORS-UE']);
/** DECP `typeIdentifiant` values for registries of French overseas territories, which have no SIRET. */
const OVERSEAS_TYPES = new Set(['TAHITI', 'RIDET', 'FRWF', 'IREP']);

/** La Poste's establishments share SIREN 356000000; their SIRET is checked by digit sum instead of Luhn. */
const isLaPosteSiret = (v: string): boolean =>
  v.startsWith('356000000') && [...v].reduce((sum, ch) => sum + Number(ch), 0) % 5 === 0;

const isValidSiret = (v: string): boolean => /^[0-9]{14}$/.test(v) && (isLuhnValid(v) || isLaPosteSiret(v));

/**
 * Reads a supplier identifier from a procurement export. `undefined` means "no identifier given".
 * `declaredType` is the DECP `typeIdentifiant` column when the source has one.
 */
export function parseSupplierIdentifier(
  raw: string,
  declaredType?: string,
): Result<SupplierIdentifier | undefined> {
  return plainIdentifier(raw, declaredType) ?? parseAnyIdentifier(raw, declaredType);
}

/**
 * The common cases of `parseSupplierIdentifier` without its regular expressions: no identifier at
 * all, or fourteen digits passing the Luhn check, under no declared type (or "SIRET", which declares
 * nothing the general reading acts on). Undefined for anything else, which the general reading takes;
 * `tests/unit/domain/identifiers.test.ts` checks that they agree.
 */
export function plainIdentifier(
  raw: string,
  declaredType: string | undefined,
): Result<SupplierIdentifier | undefined> | undefined {
  if (declaredType !== undefined && declaredType !== 'SIRET') return undefined;
  if (raw === '') return ok(undefined);
  // Fourteen zeros pass the Luhn check but are a placeholder: the general reading says so.
  if (raw.length !== 14 || raw === '00000000000000' || !isAsciiDigits(raw) || !isLuhnValid(raw))
    return undefined;
  return ok({ scheme: 'siret', value: raw });
}

/** The general reading of `parseSupplierIdentifier`, whatever the identifier looks like. */
export function parseAnyIdentifier(
  raw: string,
  declaredType?: string,
): Result<SupplierIdentifier | undefined> {
  const shown = raw.trim();
  if (SCIENTIFIC.test(shown)) {
    return fail(
      `identifier "${shown}" was mangled by a spreadsheet (scientific notation): re-export the column as text`,
    );
  }
  const value = shown.replace(/[\s\u00A0\u202F.-]/g, '').toUpperCase();
  if (PLACEHOLDERS.has(value) || /^0+$/.test(value)) return ok(undefined);

  const declared = declaredType?.trim().toUpperCase();
  const hasDigit = /[0-9]/.test(value);

  if (declared === 'COMPANY-NUMBER' && UK_COMPANY_NUMBER.test(value)) {
    return ok({ scheme: 'company-number', value });
  }
  if (declared !== undefined && (FOREIGN_TYPES.has(declared) || OVERSEAS_TYPES.has(declared))) {
    // A French number filed under a foreign type is still French; otherwise trust the declaration.
    if (isValidSiret(value)) return ok({ scheme: 'siret', value });
    if (/^[0-9]{9}$/.test(value) && isLuhnValid(value)) return ok({ scheme: 'siren', value });
    const country = /^([A-Z]{2})[A-Z0-9]+$/.exec(value)?.[1];
    if (FOREIGN_TYPES.has(declared) && country !== undefined && hasDigit) {
      return ok({ scheme: 'vat', value, country });
    }
    if (/^[A-Z0-9]+$/.test(value) && hasDigit) return ok({ scheme: 'company-number', value });
  }

  if (/^[0-9]{14}$/.test(value)) {
    return isValidSiret(value) ? ok({ scheme: 'siret', value }) : fail(`SIRET "${shown}" fails its checksum`);
  }
  if (/^[0-9]{9}$/.test(value)) {
    return isLuhnValid(value) ? ok({ scheme: 'siren', value }) : fail(`SIREN "${shown}" fails its checksum`);
  }
  const vat = VAT.exec(value);
  // The digit requirement keeps words such as "INCONNU" from reading as a VAT number of country "IN".
  if (vat?.[1] !== undefined && hasDigit) return ok({ scheme: 'vat', value, country: vat[1] });
  return fail(`identifier "${shown}" is not a SIRET, SIREN or VAT number`);
}

/** SIREN (company) part of a SIRET (establishment). */
export function sirenOf(siret: string): string {
  return siret.slice(0, 9);
}
