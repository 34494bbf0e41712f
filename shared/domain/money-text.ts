import { centsAsDecimalText, unitsAsCents } from './money.ts';

/** The languages money is written in: the reports', the portal's and the CLI's. */
export type MoneyLanguage = 'fr' | 'en';

/**
 * How much of an amount a place shows: to the currency's minor unit (a reconciliation, a reject,
 * checked against the finance software) or to the whole unit (a summary table). One place keeps one
 * choice for all its amounts, so that "0,00 €" never sits beside "62 007 €".
 */
export type MoneyPrecision = 'minor' | 'whole';

/** The locale each language writes numbers in. */
export const MONEY_LOCALES: Readonly<Record<MoneyLanguage, string>> = { fr: 'fr-FR', en: 'en-GB' };

const formats = new Map<string, Intl.NumberFormat>();

function moneyFormat(
  currency: string,
  language: MoneyLanguage,
  precision: MoneyPrecision,
): Intl.NumberFormat {
  const key = `${currency}|${language}|${precision}`;
  let found = formats.get(key);
  if (found === undefined) {
    found = new Intl.NumberFormat(MONEY_LOCALES[language], {
      style: 'currency',
      currency,
      // `£`, not `£GB`, in French.
      currencyDisplay: 'narrowSymbol',
      // A zero never shows a minus sign, even rounded from a negative amount.
      signDisplay: 'negative',
      // The currency's own minor units unless whole units are asked for.
      ...(precision === 'whole' ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    });
    formats.set(key, found);
  }
  return found;
}

/**
 * Integer cents (hundredths of the currency unit, as every amount is kept) as a language writes
 * money: `1 234,50 €` / `€1,234.50`, `1 234,50 £` / `£1,234.50`. The amount is handed to Intl as a
 * decimal string, so no float rounds a large amount; whole units round half away from zero.
 */
export function formatMoneyCents(
  cents: number,
  currency: string,
  language: MoneyLanguage,
  precision: MoneyPrecision,
): string {
  const text = centsAsDecimalText(Math.round(cents));
  // Intl formats a decimal string exactly (its string overload, which the types do not declare).
  return moneyFormat(currency, language, precision).format(text as unknown as number);
}

/** An amount in currency units (as report.json writes it, rounded to the cent) as `formatMoneyCents` writes it. */
export function formatMoneyUnits(
  units: number,
  currency: string,
  language: MoneyLanguage,
  precision: MoneyPrecision,
): string {
  return formatMoneyCents(unitsAsCents(units), currency, language, precision);
}
