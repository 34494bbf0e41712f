import { type DateOrder, parseDate } from '../../dates.ts';
import { isLuhnValid } from '../../identifiers.ts';
import { type DecimalSeparator, parseAmountToCents } from '../../money.ts';
import type { InferredRole } from './column-roles.ts';

/** What a column's first cells look like: each share is of its non-empty cells. */
export interface CellEvidence {
  readonly filled: number;
  readonly amounts: number;
  /** Whole numbers of one length, five digits or more: an id or a code, not money. */
  readonly fixedWidthIntegers: number;
  readonly dates: number;
  readonly legalIds: number;
  readonly postcodes: number;
  /** Values with letters that are neither amounts nor dates. */
  readonly texts: number;
  /** Short values without spaces and with a digit: codes and references. */
  readonly codes: number;
  /** Distinct values over non-empty ones. */
  readonly distinct: number;
  /** The decimal separator the amounts show, when they show one. */
  readonly decimal: DecimalSeparator | undefined;
  /** The order the dates' fields must have, when a day or a month over 12 says it. */
  readonly dateOrder: DateOrder | undefined;
  /** A currency sign among the cells. */
  readonly currencySign: 'GBP' | 'EUR' | undefined;
}

const FR_POSTCODE = /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/;
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;
const UK_COMPANY = /^(?:\d{8}|[A-Z]{2}\d{6})$/i;
const LETTERS = /\p{Letter}.*\p{Letter}/u;
const CODE = /^(?=.*\d)[\p{Letter}\d./\\_-]{1,24}$/u;
const DAY_MONTH_YEAR = /^(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}$/;

const share = (count: number, of: number) => (of === 0 ? 0 : count / of);

function isLegalId(cell: string): boolean {
  const digits = cell.replace(/[\s.]/g, '');
  if (/^\d{14}$/.test(digits) || /^\d{9}$/.test(digits)) return isLuhnValid(digits);
  return UK_COMPANY.test(cell);
}

const readsAsDate = (cell: string) =>
  parseDate(cell, 'dmy').ok || parseDate(cell, 'mdy').ok || parseDate(cell, 'ymd').ok;

/** The decimal separator an amount shows: `1 234,56` → `,`; `1,234.56` → `.`; `384` → none. */
function decimalShown(cell: string): DecimalSeparator | undefined {
  const decimals = /[.,](\d{1,2})\s*(?:€|£)?$/.exec(cell.trim());
  if (!decimals) return undefined;
  return cell.trim().charAt(decimals.index) === ',' ? ',' : '.';
}

function dateOrderShown(cell: string): DateOrder | undefined {
  const parts = DAY_MONTH_YEAR.exec(cell.trim());
  if (!parts) return undefined;
  if (Number(parts[1]) > 12) return 'dmy';
  return Number(parts[2]) > 12 ? 'mdy' : undefined;
}

const mostCommon = <T>(values: readonly (T | undefined)[]): T | undefined => {
  const counts = new Map<T, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};

/** The evidence of one column's cells. */
export function cellEvidence(cells: readonly string[]): CellEvidence {
  const values = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const n = values.length;
  const amounts = values.filter((cell) => parseAmountToCents(cell, decimalShown(cell) ?? '.').ok);
  const integers = values.filter((cell) => /^\d{5,}$/.test(cell));
  const oneWidth = new Set(integers.map((cell) => cell.length)).size === 1;
  const dates = values.filter(readsAsDate);
  const texts = values.filter((cell) => LETTERS.test(cell) && !readsAsDate(cell));
  const signs = values.map((cell) => (cell.includes('£') ? 'GBP' : cell.includes('€') ? 'EUR' : undefined));
  return {
    filled: share(n, cells.length),
    amounts: share(amounts.length, n),
    fixedWidthIntegers: oneWidth ? share(integers.length, n) : 0,
    dates: share(dates.length, n),
    legalIds: share(values.filter(isLegalId).length, n),
    postcodes: share(values.filter((cell) => FR_POSTCODE.test(cell) || UK_POSTCODE.test(cell)).length, n),
    texts: share(texts.length, n),
    codes: share(values.filter((cell) => CODE.test(cell)).length, n),
    distinct: share(new Set(values).size, n),
    decimal: mostCommon(amounts.map(decimalShown)),
    dateOrder: mostCommon(dates.map(dateOrderShown)),
    currencySign: mostCommon(signs),
  };
}

/** How well a column's cells fit a role, from 0 to 1. */
export function cellFit(evidence: CellEvidence, role: InferredRole): number {
  const e = evidence;
  if (e.filled === 0) return 0;
  switch (role) {
    case 'amount':
      return e.amounts * (1 - e.fixedWidthIntegers) * (1 - e.dates);
    case 'date':
      return e.dates;
    case 'supplierIdentifier':
      return e.legalIds;
    case 'supplierPostcode':
      return e.postcodes;
    case 'supplierName':
      // Payees vary from line to line; a service or a category repeats.
      return e.texts * (0.7 + 0.3 * Math.min(1, e.distinct * 3));
    case 'supplierLocalId':
    case 'reference':
    case 'categoryCode':
      return e.codes * (1 - e.dates);
    case 'anchorName':
      return e.texts * (e.distinct <= 0.2 ? 1 : 0.4);
    case 'supplierCommune':
    case 'categoryLabel':
    case 'serviceArea':
    case 'description':
      return e.texts;
  }
}
