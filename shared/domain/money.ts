import { plainAmountCents } from './plain-amount.ts';
import { fail, ok, type Result } from './result.ts';

export type DecimalSeparator = ',' | '.';

const CURRENCY_PREFIX = /^(?:€|£|\$|EUR|GBP)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:€|£|\$|EUR|GBP)$/i;
/** Separators that can only ever group thousands: space, NBSP, narrow NBSP, apostrophes. */
const GROUPING_ONLY = /[\s\u00A0\u202F'\u2019]/;
const BODY = /^[0-9][0-9\s\u00A0\u202F'\u2019.,]*$/;

/**
 * The most of an unreadable amount a reason quotes: a DECP amount may be a 50 MB string, and reasons
 * are kept (the first ones) and written to the dataset record.
 */
const SHOWN_LENGTH = 60;

const stripCurrency = (s: string): string =>
  s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '').trim();

/**
 * Parses a money amount as written in a spreadsheet or CSV export into integer cents.
 * `decimal`, when given, is authoritative; otherwise the decimal separator is inferred and
 * a lone `,` or `.` followed by exactly three digits is refused as ambiguous.
 */
export function parseAmountToCents(raw: string, decimal?: DecimalSeparator): Result<number> {
  const plain = plainAmountCents(raw.trim(), decimal);
  return plain === undefined ? parseAnyAmountToCents(raw, decimal) : ok(plain);
}

/** The flag of a line whose amount was stated finer than the cent and rounded to it. */
export const AMOUNT_ROUNDED_FLAG = 'amount-rounded';

/** An amount of spend in cents, and whether it was stated finer than the cent and rounded to it. */
export interface SpendAmount {
  readonly cents: number;
  readonly rounded: boolean;
}

/**
 * An amount of spend as a line or a contract states it: as `parseAmountToCents` reads it, except that
 * one stated finer than the cent (a DECP amount computed as 250 000 / 3, `1 234,5678`) is read and
 * rounded to the cent, half away from zero, instead of refused: its spend is counted, and flagged.
 * Three decimals after one to three digits (`12,345`) stay refused: they may be thousands grouped
 * by the separator the file uses for decimals, a thousand times the amount.
 */
export function readSpendAmount(raw: string, decimal?: DecimalSeparator): Result<SpendAmount> {
  const plain = plainAmountCents(raw.trim(), decimal);
  if (plain !== undefined) return ok({ cents: plain, rounded: false });
  return readAmount(raw, decimal, 'round');
}

/** The general reading of `parseAmountToCents`, whatever the amount looks like. */
export function parseAnyAmountToCents(raw: string, decimal?: DecimalSeparator): Result<number> {
  const read = readAmount(raw, decimal, 'refuse');
  return read.ok ? ok(read.value.cents) : read;
}

function readAmount(
  raw: string,
  decimal: DecimalSeparator | undefined,
  subCents: 'refuse' | 'round',
): Result<SpendAmount> {
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).trim();
  if (s === '') return fail('amount is empty');
  const shown = s.length > SHOWN_LENGTH ? `${s.slice(0, SHOWN_LENGTH)}…` : s;
  const notANumber = fail<SpendAmount>(`amount "${shown}" is not a number`);

  let negative = false;
  s = stripCurrency(s);
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = stripCurrency(s.slice(1, -1).trim());
  }
  if (!negative && (s.startsWith('-') || s.startsWith('+'))) {
    negative = s.startsWith('-');
    s = stripCurrency(s.slice(1).trim());
  } else if (!negative && s.endsWith('-')) {
    negative = true;
    s = stripCurrency(s.slice(0, -1).trim());
  }
  if (!BODY.test(s) || !/[0-9]$/.test(s)) return notANumber;

  const dec = decimal ?? inferDecimal(s);
  if (dec === 'ambiguous') {
    return fail(`ambiguous amount "${shown}": say which decimal separator the file uses`);
  }

  const decAt = dec === undefined ? -1 : s.indexOf(dec);
  if (dec !== undefined && decAt !== s.lastIndexOf(dec)) return notANumber;
  const intPart = decAt === -1 ? s : s.slice(0, decAt);
  const fracPart = decAt === -1 ? '' : s.slice(decAt + 1);
  if (decAt !== -1 && !/^[0-9]+$/.test(fracPart)) return notANumber;

  const groups = intPart.split(dec === '.' ? /[\s\u00A0\u202F'\u2019,]/ : /[\s\u00A0\u202F'\u2019.]/);
  const [first, ...rest] = groups;
  const wellGrouped =
    first !== undefined &&
    /^[0-9]+$/.test(first) &&
    (rest.length === 0 || (first.length <= 3 && rest.every((g) => /^[0-9]{3}$/.test(g))));
  if (!wellGrouped) return fail(`amount "${shown}" has misplaced thousands separators`);

  const subCentDigits = fracPart.slice(2);
  const rounded = subCentDigits !== '' && !/^0+$/.test(subCentDigits);
  const mayBeThousands = fracPart.length === 3 && rest.length === 0 && /^[1-9][0-9]{0,2}$/.test(intPart);
  if (rounded && (subCents === 'refuse' || mayBeThousands)) {
    return fail(`amount "${shown}" has more than two decimals`);
  }

  const truncated = digitsToSafeInteger(groups.join('') + fracPart.slice(0, 2).padEnd(2, '0'));
  const cents =
    truncated !== undefined && rounded && subCentDigits.charCodeAt(0) >= 53 ? truncated + 1 : truncated;
  if (cents === undefined || cents > Number.MAX_SAFE_INTEGER) return fail(`amount "${shown}" is too large`);
  return ok({ cents: negative && cents !== 0 ? -cents : cents, rounded });
}

/** Decimal separator of an unsigned number body, `undefined` for a whole number. */
function inferDecimal(body: string): DecimalSeparator | undefined | 'ambiguous' {
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  if (lastComma !== -1 && lastDot !== -1) return lastComma > lastDot ? ',' : '.';
  const sep = lastComma !== -1 ? ',' : lastDot !== -1 ? '.' : undefined;
  if (sep === undefined) return undefined;
  const at = body.indexOf(sep);
  // Repeated, it can only be grouping thousands (`1.234.567`).
  if (at !== body.lastIndexOf(sep)) return sep === ',' ? '.' : ',';
  const before = body.slice(0, at);
  const after = body.slice(at + 1);
  // `1,234` reads as 1234 in English and 1.234 in French. Only refuse when thousands grouping is
  // plausible: no other grouping separator, 1–3 leading digits not starting with 0.
  const couldGroup = !GROUPING_ONLY.test(body) && /^[1-9][0-9]{0,2}$/.test(before);
  if (after.length === 3 && couldGroup) return 'ambiguous';
  return sep;
}

function digitsToSafeInteger(digits: string): number | undefined {
  let value = 0;
  for (const ch of digits) {
    const d = ch.charCodeAt(0) - 48;
    if (value > (Number.MAX_SAFE_INTEGER - d) / 10) return undefined;
    value = value * 10 + d;
  }
  return value;
}

/** Cents as currency units rounded to the cent, for JSON output. */
export function formatCentsAsUnits(cents: number): number {
  const units = Math.round(cents) / 100;
  return units === 0 ? 0 : units;
}

/** The cents of an amount written by `formatCentsAsUnits`: exact, as that amount was rounded to the cent. */
export function unitsAsCents(units: number): number {
  return Math.round(units * 100);
}

/** Cents as a decimal text with two digits after a point (`-1234.50`), exact for any integer. */
export function centsAsDecimalText(cents: number): string {
  const magnitude = Math.abs(cents);
  const units = Math.floor(magnitude / 100);
  const rest = String(magnitude % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${units}.${rest}`;
}

/** Splits a total into `parts` integer shares summing exactly to it; remainder cents go to the first shares. */
export function splitCentsEqually(totalCents: number, parts: number): number[] {
  if (!Number.isSafeInteger(totalCents))
    throw new RangeError(`total must be integer cents, got ${totalCents}`);
  if (!Number.isInteger(parts) || parts < 1)
    throw new RangeError(`parts must be an integer ≥ 1, got ${parts}`);
  const sign = totalCents < 0 ? -1 : 1;
  const magnitude = Math.abs(totalCents);
  const base = Math.floor(magnitude / parts);
  const remainder = magnitude - base * parts;
  return Array.from({ length: parts }, (_, i) => {
    const share = base + (i < remainder ? 1 : 0);
    return share === 0 ? 0 : sign * share;
  });
}
