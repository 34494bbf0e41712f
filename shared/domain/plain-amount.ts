import type { DecimalSeparator } from './money.ts';

const MINUS = 0x2d;
/** Integer digits read here at most: 13 digits and 2 decimals stay far below 2^53 cents. */
const MAX_DIGITS = 13;

const isGroupSeparator = (code: number) => code === 0x20 || code === 0xa0 || code === 0x202f;

/**
 * The cents of an amount written plainly — an optional minus, digits either ungrouped or grouped by
 * threes with one space, no-break space or narrow no-break space, then optionally the file's decimal
 * separator and one or two digits — or undefined for anything else, which `parseAmountToCents` reads
 * its general way. On the plain shapes the general way can reach only one answer (no currency to strip,
 * no separator to infer, groups already well placed), so this gives the same cents with no regular
 * expression and no intermediate string; `tests/unit/domain/money.test.ts` checks that they agree.
 */
export function plainAmountCents(text: string, decimal: DecimalSeparator | undefined): number | undefined {
  return plainAmountCentsIn(text, 0, text.length, decimal);
}

/** `plainAmountCents` of the characters from `from` up to `to` of the text, read in place. */
export function plainAmountCentsIn(
  text: string,
  from: number,
  to: number,
  decimal: DecimalSeparator | undefined,
): number | undefined {
  let index = text.charCodeAt(from) === MINUS && from < to ? from + 1 : from;
  const negative = index !== from;
  let units = 0;
  let digits = 0;
  let group = 0;
  let grouped = false;
  for (; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) {
      units = units * 10 + (code - 0x30);
      digits++;
      group++;
    } else if (isGroupSeparator(code)) {
      // The first group holds one to three digits, each later one exactly three.
      if (group === 0 || group > 3 || (grouped && group !== 3)) return undefined;
      grouped = true;
      group = 0;
    } else break;
  }
  if (group === 0 || (grouped && group !== 3) || digits > MAX_DIGITS) return undefined;
  let cents = units * 100;
  if (index < to) {
    if (decimal === undefined || text.charCodeAt(index) !== decimal.charCodeAt(0)) return undefined;
    const decimals = to - index - 1;
    if (decimals < 1 || decimals > 2) return undefined;
    const tenths = text.charCodeAt(index + 1) - 0x30;
    const hundredths = decimals === 2 ? text.charCodeAt(index + 2) - 0x30 : 0;
    if (tenths < 0 || tenths > 9 || hundredths < 0 || hundredths > 9) return undefined;
    cents += tenths * 10 + hundredths;
  }
  return negative && cents !== 0 ? -cents : cents;
}
