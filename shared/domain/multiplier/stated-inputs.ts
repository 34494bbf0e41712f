import type { StatedInputs } from './local-multiplier.ts';
import { type MultiplierConfig, statedCents } from './multiplier-config.ts';

/** Why an anchor's stated inputs were left out of a report. */
export type NotUsedReason = 'other-year' | 'period-not-one-whole-year';

export interface StatedSelection {
  /** The calendar year the report's period covers whole, or null. */
  readonly year: number | null;
  readonly used: readonly StatedInputs[];
  readonly notUsed: readonly {
    readonly anchorId: string;
    readonly year: number;
    readonly reason: NotUsedReason;
  }[];
}

/**
 * The calendar year a period covers whole enough for a year's staff costs or total expenditure to sit
 * beside its spend: from January to December of one year (payments dated from the first month to the
 * last). A quarter's files beside a year's staff costs would inflate round 1 and round 2 fourfold.
 */
export function wholeYearOf(period: {
  readonly from: string | null;
  readonly to: string | null;
}): number | null {
  const from = /^(\d{4})-(\d{2})-\d{2}$/.exec(period.from ?? '');
  const to = /^(\d{4})-(\d{2})-\d{2}$/.exec(period.to ?? '');
  if (!from || !to || from[1] !== to[1] || from[2] !== '01' || to[2] !== '12') return null;
  return Number(from[1]);
}

/** The inputs the report's anchors stated for the year its period covers, amounts read into cents. */
export function statedInputsFor(
  config: MultiplierConfig | undefined,
  anchorIds: readonly string[],
  period: { readonly from: string | null; readonly to: string | null },
): StatedSelection {
  const year = wholeYearOf(period);
  const inScope = new Set(anchorIds);
  const used: StatedInputs[] = [];
  const notUsed: StatedSelection['notUsed'][number][] = [];
  for (const input of config?.anchors ?? []) {
    if (!inScope.has(input.anchorId)) continue;
    if (input.year !== year) {
      notUsed.push({
        anchorId: input.anchorId,
        year: input.year,
        reason: year === null ? 'period-not-one-whole-year' : 'other-year',
      });
      continue;
    }
    used.push({
      anchorId: input.anchorId,
      year: input.year,
      totalExpenditureCents:
        input.totalExpenditure === undefined ? undefined : statedCents(input.totalExpenditure),
      staffCostsCents: input.staffCosts === undefined ? undefined : statedCents(input.staffCosts),
      localStaffShare: input.localStaffShare,
      source: input.source,
      asOf: input.asOf,
    });
  }
  return { year, used, notUsed };
}
