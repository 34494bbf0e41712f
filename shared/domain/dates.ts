import { fail, ok, type Result } from './result.ts';

/** Field order of numeric dates whose year comes last; year-first dates are always read as y-m-d. */
export type DateOrder = 'dmy' | 'ymd' | 'mdy';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// A time and/or UTC offset may follow an ISO date; only the calendar date as written is kept.
const YEAR_FIRST =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:\s?(?:Z|[+-]\d{2}(?::?\d{2})?))?$/i;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const MONTH_NAME = /^(\d{1,2})([- /.])([a-z]{3})\2(\d{2}|\d{4})$/i;

/** Parses a date as found in procurement exports into ISO `yyyy-mm-dd`. Default order is day-first. */
export function parseDate(raw: string, order: DateOrder = 'dmy'): Result<string> {
  const numeric = numericDate(raw, order);
  return numeric === undefined ? parseAnyDate(raw, order) : ok(numeric);
}

/** The general reading of `parseDate`, whatever the date looks like. */
export function parseAnyDate(raw: string, order: DateOrder = 'dmy'): Result<string> {
  const s = raw.trim();
  if (s === '') return fail('date is empty');

  const parts = readParts(s, order);
  if (parts === undefined) {
    return fail(`date "${s}" is not a date we can read (expected dd/mm/yyyy or yyyy-mm-dd)`);
  }

  const { year, month, day } = parts;
  if (year < 1900 || year > 2100) return fail(`date "${s}" is outside the years 1900 to 2100`);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail(`date "${s}" does not exist`);
  }
  return ok(`${year}-${pad2(month)}-${pad2(day)}`);
}

const digitAt = (text: string, index: number) => {
  const digit = text.charCodeAt(index) - 0x30;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
};
const twoDigits = (text: string, at: number) => digitAt(text, at) * 10 + digitAt(text, at + 1);
const isSeparator = (code: number) => code === 0x2f || code === 0x2d || code === 0x2e;

/**
 * The ISO date of a valid `dd/mm/yyyy` (or `mm/dd/yyyy`) or `yyyy-mm-dd` of exactly ten characters,
 * either separator repeated, or undefined for anything else, which `parseAnyDate` reads its general
 * way. These shapes are the year-last and year-first patterns of the general reading with two-digit
 * days and months and no time: read from the character codes, they give the same date and no other
 * outcome; `tests/unit/domain/dates.test.ts` checks that they agree.
 */
export function numericDate(text: string, order: DateOrder): string | undefined {
  if (text.length !== 10) return undefined;
  const yearFirst = isSeparator(text.charCodeAt(4));
  const separator = text.charCodeAt(yearFirst ? 4 : 2);
  if (!isSeparator(separator) || text.charCodeAt(yearFirst ? 7 : 5) !== separator) return undefined;
  const yearAt = yearFirst ? 0 : 6;
  const monthAt = yearFirst ? 5 : order === 'mdy' ? 0 : 3;
  const dayAt = yearFirst ? 8 : order === 'mdy' ? 3 : 0;
  const year = twoDigits(text, yearAt) * 100 + twoDigits(text, yearAt + 2);
  const month = twoDigits(text, monthAt);
  const day = twoDigits(text, dayAt);
  // NaN (a character that is not a digit) fails every comparison.
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  if (yearFirst && separator === 0x2d) return text;
  return `${text.slice(yearAt, yearAt + 4)}-${text.slice(monthAt, monthAt + 2)}-${text.slice(dayAt, dayAt + 2)}`;
}

type DateParts = { year: number; month: number; day: number };

function readParts(s: string, order: DateOrder): DateParts | undefined {
  const yearFirst = YEAR_FIRST.exec(s);
  if (yearFirst)
    return { year: Number(yearFirst[1]), month: Number(yearFirst[3]), day: Number(yearFirst[4]) };
  const yearLast = YEAR_LAST.exec(s);
  if (yearLast) {
    const [a, b, year] = [Number(yearLast[1]), Number(yearLast[3]), Number(yearLast[4])];
    return order === 'mdy' ? { year, month: a, day: b } : { year, month: b, day: a };
  }
  const named = MONTH_NAME.exec(s);
  if (named) {
    const month = MONTHS.indexOf((named[3] ?? '').toLowerCase()) + 1;
    const y = named[4] ?? '';
    // Two-digit years pivot at 70: `05-JAN-18` is 2018, `05-JAN-85` is 1985.
    const year = y.length === 2 ? (Number(y) < 70 ? 2000 : 1900) + Number(y) : Number(y);
    if (month > 0) return { year, month, day: Number(named[1]) };
  }
  return undefined;
}

/** `yyyy-mm` of an ISO date. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
