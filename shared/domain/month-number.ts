const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const digitAt = (date: string, index: number) => date.charCodeAt(index) - 0x30;

/**
 * The months since year 0 of an ISO date or month (`yyyy-mm…`), read from its characters; -1 when it
 * is not written so. Dates by month as small integers, with no string made per line.
 */
export function monthNumber(date: string): number {
  if (
    date.length < 7 ||
    date.charCodeAt(4) !== 0x2d ||
    !isDigit(date.charCodeAt(0)) ||
    !isDigit(date.charCodeAt(1)) ||
    !isDigit(date.charCodeAt(2)) ||
    !isDigit(date.charCodeAt(3)) ||
    !isDigit(date.charCodeAt(5)) ||
    !isDigit(date.charCodeAt(6))
  )
    return -1;
  const year = digitAt(date, 0) * 1_000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
  return year * 12 + digitAt(date, 5) * 10 + digitAt(date, 6);
}

/** `yyyy-mm` of a month number (the inverse of `monthNumber` for months 01–12). */
export function monthText(month: number): string {
  const year = Math.floor((month - 1) / 12);
  return `${String(year).padStart(4, '0')}-${String(month - year * 12).padStart(2, '0')}`;
}
