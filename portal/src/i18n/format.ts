import type { Language } from '../../../shared/contracts/portal-api.ts';
import { formatMoneyCents } from '../../../shared/domain/money-text.ts';
import { MESSAGES } from './language.ts';

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let found = formatters.get(key);
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/**
 * Money from integer cents, to the cent: an officer checks amounts against the finance software.
 * The one formatter of money per language, shared with the reports and the CLI.
 */
export function formatCents(cents: number, currency: string, language: Language): string {
  return formatMoneyCents(cents, currency, language, 'minor');
}

/**
 * An amount in the currency the API gives with it: a bare number, to the cent, when no file stated
 * one (a sign is never guessed).
 */
export function formatCentsIn(cents: number, currency: string | null, language: Language): string {
  if (currency !== null) return formatCents(cents, currency, language);
  const locale = MESSAGES[language].locale;
  return numberFormat(
    `amount|${locale}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  ).format(cents / 100);
}

export function formatCount(value: number, language: Language): string {
  const locale = MESSAGES[language].locale;
  return numberFormat(`count|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A 0–1 share as a percentage with one decimal. */
export function formatShare(share: number, language: Language): string {
  const locale = MESSAGES[language].locale;
  return numberFormat(
    `share|${locale}`,
    () =>
      new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  ).format(share);
}

/** A whole percentage (0–100), as a score is shown. */
export function formatPercent(percent: number, language: Language): string {
  const locale = MESSAGES[language].locale;
  return numberFormat(
    `percent|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(percent / 100);
}

export function formatBytes(bytes: number, language: Language): string {
  const locale = MESSAGES[language].locale;
  const [value, unit] =
    bytes >= 1_000_000
      ? [bytes / 1_000_000, 'megabyte']
      : bytes >= 1_000
        ? [bytes / 1_000, 'kilobyte']
        : [bytes, 'byte'];
  return numberFormat(
    `bytes|${locale}|${unit}`,
    () =>
      new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }),
  ).format(value);
}

/** An ISO date (`2025-03-31`) as the language writes it, without time-zone shifts. */
export function formatDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(MESSAGES[language].locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}

/** An instant (`2025-03-31T08:15:00Z`) in the reader's own time zone. */
export function formatInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(MESSAGES[language].locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
