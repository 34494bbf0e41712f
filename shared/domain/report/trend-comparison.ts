import { UNDATED_MONTH } from '../spend-line.ts';
import type { ClassifiedSupplier } from './classified-supplier.ts';
import type { MergedSupplier } from './merge-rollups.ts';
import { addCents, shareOf } from './share.ts';

/**
 * How the trend is stated. A single month moves with a few large invoices, so the first and last
 * months of a series say little: windows of months are pooled (their spend summed, then divided).
 */
export type TrendMethod = 'first-last-twelve-months' | 'first-last-quarter' | 'too-short' | 'not-measurable';

/** Twelve-month windows need two years so that they do not overlap. */
const MONTHS_FOR_YEARS = 24;
/** Two quarters that do not overlap. */
const MONTHS_FOR_QUARTERS = 6;

interface Window {
  readonly start: string;
  readonly end: string;
  readonly localShare: number;
}

export interface TrendComparison {
  readonly method: TrendMethod;
  readonly comparison: {
    /** Months with spend in the series. */
    readonly months: number;
    readonly from: Window;
    readonly to: Window;
    /** The lowest and highest single month: how much the series moves around the comparison. */
    readonly monthlyRange: { readonly min: number; readonly max: number };
  } | null;
}

function pooled(
  months: readonly string[],
  total: ReadonlyMap<string, number>,
  local: ReadonlyMap<string, number>,
) {
  let totalCents = 0;
  let localCents = 0;
  for (const month of months) {
    totalCents += total.get(month) ?? 0;
    localCents += local.get(month) ?? 0;
  }
  return { start: months[0] ?? '', end: months.at(-1) ?? '', localShare: shareOf(localCents, totalCents) };
}

/**
 * The local share at the start and at the end of the period: the first and last twelve months with
 * spend when there are at least 24, else the first and last three with at least 6, each pooled;
 * with the months' range beside it. No statement from fewer months, nor from an unmeasurable share.
 */
export function trendComparisonOf(
  suppliers: readonly ClassifiedSupplier[],
  merged: ReadonlyMap<string, MergedSupplier>,
  local: ReadonlySet<string>,
  measurable: boolean,
): TrendComparison {
  if (!measurable) return { method: 'not-measurable', comparison: null };
  const total = new Map<string, number>();
  const localTotal = new Map<string, number>();
  for (const supplier of suppliers) {
    const isLocal = local.has(supplier.ring);
    for (const [month, cents] of merged.get(supplier.key)?.byMonth ?? []) {
      if (month === UNDATED_MONTH) continue;
      addCents(total, month, cents);
      if (isLocal) addCents(localTotal, month, cents);
    }
  }
  // A month whose spend nets to nothing or less has no share to speak of.
  const months = [...total]
    .filter(([, cents]) => cents > 0)
    .map(([month]) => month)
    .sort();
  const size = months.length >= MONTHS_FOR_YEARS ? 12 : months.length >= MONTHS_FOR_QUARTERS ? 3 : undefined;
  if (size === undefined) return { method: 'too-short', comparison: null };
  const shares = months.map((month) => shareOf(localTotal.get(month) ?? 0, total.get(month) ?? 0));
  return {
    method: size === 12 ? 'first-last-twelve-months' : 'first-last-quarter',
    comparison: {
      months: months.length,
      from: pooled(months.slice(0, size), total, localTotal),
      to: pooled(months.slice(-size), total, localTotal),
      monthlyRange: { min: Math.min(...shares), max: Math.max(...shares) },
    },
  };
}
