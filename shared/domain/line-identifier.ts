import { isLuhnValid, parseSupplierIdentifier, type SupplierIdentifier } from './identifiers.ts';

/** What a line says of its supplier's identifier, once read: never a reason to drop the line's spend. */
export interface LineIdentifier {
  /** The identifier the supplier is known by, when the value is a valid one (or made one unambiguously). */
  readonly identifier: SupplierIdentifier | undefined;
  /** The value as written, kept when it could not be used: never used to match or locate the supplier. */
  readonly invalid?: string;
  /** The data-quality remark the line carries, if any. */
  readonly flag?: IdentifierFlag;
}

export type IdentifierFlag = 'identifier-placeholder' | 'repaired-identifier' | 'invalid-identifier';

const FORMATTING = /[\s\u00A0\u202F.-]/g;
const HAS_FORMATTING = /[\s\u00A0\u202F.-]/;

/**
 * Reads a supplier identifier from a spending line. A valid value is used; one repaired unambiguously
 * (spaces, dots or dashes inside, or a leading zero a spreadsheet dropped: a 13-digit SIRET or 8-digit
 * SIREN that passes its check once the zero is restored) is used and flagged `repaired-identifier`;
 * anything else (a checksum failure, a wrong length, `7,33E+13`) is kept as written and flagged
 * `invalid-identifier`, and the supplier is then identified as a line without an identifier would be.
 */
export function readLineIdentifier(raw: string, declaredType?: string): LineIdentifier {
  const parsed = parseSupplierIdentifier(raw, declaredType);
  const shown = raw.trim();
  if (parsed.ok) {
    if (!parsed.value) return shown === '' ? NONE : PLACEHOLDER;
    // A VAT number is written with spaces by convention: reading it so repairs nothing.
    const reformatted = parsed.value.scheme !== 'vat' && HAS_FORMATTING.test(shown);
    return reformatted
      ? { identifier: parsed.value, flag: 'repaired-identifier' }
      : { identifier: parsed.value };
  }
  const restored = withLeadingZeroRestored(shown.replace(FORMATTING, ''));
  if (restored) return { identifier: restored, flag: 'repaired-identifier' };
  return { identifier: undefined, invalid: shown, flag: 'invalid-identifier' };
}

const NONE: LineIdentifier = { identifier: undefined };
const PLACEHOLDER: LineIdentifier = { identifier: undefined, flag: 'identifier-placeholder' };

/** A spreadsheet that read a SIRET or SIREN as a number dropped its leading zero. */
function withLeadingZeroRestored(digits: string): SupplierIdentifier | undefined {
  if (!/^[0-9]+$/.test(digits)) return undefined;
  const padded = `0${digits}`;
  if (digits.length === 13 && isLuhnValid(padded)) return { scheme: 'siret', value: padded };
  if (digits.length === 8 && isLuhnValid(padded)) return { scheme: 'siren', value: padded };
  return undefined;
}
