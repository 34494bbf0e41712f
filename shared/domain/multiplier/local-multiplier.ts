import { shareOf } from '../report/share.ts';
import { CentsAccumulator } from './cents-times.ts';
import { type MultiplierScenario, multiplierScenario, roundRatio } from './multiplier-scenario.ts';
import { type DefaultRow, defaultFor, type RespendDefault } from './respend-defaults.ts';
import {
  type DefaultUse,
  localRowOf,
  type MultiplierSupplier,
  nonLocalRowOf,
  type Ranged,
  type SupplierRespend,
  supplierRespend,
} from './supplier-respend.ts';
import type { AcceptedAnswer } from './survey-answer.ts';

/** What an anchor stated for the report's year, amounts already in cents. */
export interface StatedInputs {
  readonly anchorId: string;
  readonly year: number;
  readonly totalExpenditureCents: number | undefined;
  readonly staffCostsCents: number | undefined;
  readonly localStaffShare: number | undefined;
  readonly source: string;
  readonly asOf: string;
}

/** Round 1's base: the influenceable spend (with stated staff costs), or the stated total expenditure. */
export const MULTIPLIER_BASES = ['influenceable', 'total-expenditure'] as const;
export type MultiplierBase = (typeof MULTIPLIER_BASES)[number];

export interface MultiplierInput {
  readonly suppliers: readonly MultiplierSupplier[];
  /** Accepted answers by supplier key, already chosen for the report's scope. */
  readonly answers: ReadonlyMap<string, AcceptedAnswer>;
  readonly influenceableCents: number;
  /** The base the territory asks for; `total-expenditure` needs every anchor in scope to state it. */
  readonly base: MultiplierBase;
  /** The anchors whose spend the report counts. */
  readonly anchorIds: readonly string[];
  /** Their stated inputs for the report's year (none when the period is not one whole year). */
  readonly stated: readonly StatedInputs[];
  readonly defaults: ReadonlyMap<DefaultRow, RespendDefault>;
  readonly scenarioShift: number;
  /** Whether enough spend is located for the local share to be measured (the headline's rule). */
  readonly localityMeasurable: boolean;
  /**
   * The fewest answers a published figure may rest on, for local suppliers and for the others apart
   * (`MIN_ANSWERS_PUBLISHED` in reports): below it, those answers wait and the defaults stand.
   */
  readonly minAnswers: number;
}

/**
 * Statistical confidentiality, as INSEE's rule of three: a report is public, and a figure resting on
 * one or two suppliers' answers would give away their own (coverage × round 2 is their spend, round
 * 3's answered part their re-spend). Fewer answers than this in a group are not used yet.
 */
export const MIN_ANSWERS_PUBLISHED = 3;

/** Why LM3 is not given as a number. */
export const NOT_MEASURABLE_REASONS = ['no-spend', 'locality-not-measurable'] as const;
export type NotMeasurableReason = (typeof NOT_MEASURABLE_REASONS)[number];

export interface LocalMultiplier {
  readonly base: MultiplierBase;
  /** The total expenditure was asked for, but not every anchor in scope states it. */
  readonly baseFallback: boolean;
  readonly r1: { readonly totalCents: number; readonly spendCents: number; readonly staffCents: number };
  readonly r2: { readonly totalCents: number; readonly suppliersCents: number; readonly staffCents: number };
  /** Central values; the low and high totals are in `r3Range`. */
  readonly r3: {
    readonly totalCents: number;
    readonly answeredCents: number;
    readonly defaultCents: number;
    readonly staffCents: number;
  };
  readonly r3Range: Ranged<number>;
  readonly reason: NotMeasurableReason | null;
  readonly lm3: Ranged<number> | null;
  /** Share of the supplier part of round 2 whose suppliers answered; null without local supplier spend. */
  readonly coverage: number | null;
  readonly answers: { readonly local: number; readonly nonLocal: number };
  /** Accepted answers not used yet, too few in their group to be published (`minAnswers`). */
  readonly answersWithheld: { readonly local: number; readonly nonLocal: number };
  /** What 1 unit with a local supplier brings locally: itself and its local re-spend. */
  readonly perLocal: Ranged<number> | null;
  /** What 1 unit with a supplier outside brings locally: its local re-spend only. */
  readonly perOutside: Ranged<number> | null;
  readonly nonLocalCents: number;
  readonly unknownLocalityCents: number;
  readonly defaultsUsed: readonly DefaultUse[];
  readonly stated: readonly StatedInputs[];
  readonly scenario: MultiplierScenario | null;
}

const NO_ANSWERS: ReadonlyMap<string, AcceptedAnswer> = new Map();

const sumOf = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Round 1 from the base: what the anchors spent, and the base actually used. */
function roundOne(input: MultiplierInput) {
  const staffCents = sumOf(input.stated.map((inputs) => inputs.staffCostsCents ?? 0));
  const totals = new Map(input.stated.map((inputs) => [inputs.anchorId, inputs.totalExpenditureCents]));
  const everyTotalStated =
    input.anchorIds.length > 0 && input.anchorIds.every((id) => totals.get(id) !== undefined);
  if (input.base === 'total-expenditure' && everyTotalStated) {
    const total = sumOf(input.anchorIds.map((id) => totals.get(id) ?? 0));
    // Staff costs are inside the stated total: the rest is spend with suppliers and everything else.
    return {
      base: input.base,
      fallback: false,
      totalCents: total,
      spendCents: total - staffCents,
      staffCents,
    };
  }
  return {
    base: 'influenceable' as const,
    fallback: input.base === 'total-expenditure',
    totalCents: input.influenceableCents + staffCents,
    spendCents: input.influenceableCents,
    staffCents,
  };
}

const ratio = (numerator: number, denominator: number) => roundRatio(numerator / denominator);

type Level = keyof Ranged<number>;
/** A figure at the defaults' central value and at both ends of their ranges. */
const ranged = (at: (level: Level) => number): Ranged<number> => ({
  central: at('central'),
  low: at('low'),
  high: at('high'),
});
/** A group's re-spend: its answered part, and its defaults' part at one level. */
const respendAt = (group: SupplierRespend, level: Level) =>
  group.answeredRespendCents + group.defaultRespendCents[level];

/**
 * The local multiplier (NEF's LM3): round 1 the anchors' spending, round 2 the part that reaches the
 * territory (local suppliers, local staff's wages), round 3 what those recipients re-spend there;
 * LM3 = (R1 + R2 + R3) / R1 (docs/method.md, "Local multiplier (LM3)").
 */
export function localMultiplier(input: MultiplierInput): LocalMultiplier {
  const local = input.suppliers.filter((supplier) => supplier.locality === 'local');
  const outside = input.suppliers.filter((supplier) => supplier.locality === 'outside');
  const unknownLocalityCents = sumOf(
    input.suppliers.filter((supplier) => supplier.locality === 'unknown').map((s) => s.influenceableCents),
  );
  const answeredIn = (group: readonly MultiplierSupplier[]) =>
    group.filter((supplier) => input.answers.has(supplier.key)).length;
  const withheld = { local: answeredIn(local), nonLocal: answeredIn(outside) };
  const usable = (count: number) => (count >= input.minAnswers ? input.answers : NO_ANSWERS);
  const localRespend = supplierRespend(local, usable(withheld.local), input.defaults, localRowOf);
  const outsideRespend = supplierRespend(outside, usable(withheld.nonLocal), input.defaults, nonLocalRowOf);

  const r1 = roundOne(input);
  const localWages = new CentsAccumulator();
  for (const inputs of input.stated) localWages.add(inputs.staffCostsCents ?? 0, inputs.localStaffShare ?? 0);
  const r2Staff = localWages.cents();
  const r2 = {
    suppliersCents: localRespend.cents,
    staffCents: r2Staff,
    totalCents: localRespend.cents + r2Staff,
  };

  const staff = defaultFor(input.defaults, 'staff');
  const staffRespend = (share: number) => new CentsAccumulator().add(r2Staff, share).cents();
  const r3Range = ranged((level) => respendAt(localRespend, level) + staffRespend(staff[level]));
  const r3 = {
    answeredCents: localRespend.answeredRespendCents,
    defaultCents: localRespend.defaultRespendCents.central,
    staffCents: staffRespend(staff.central),
    totalCents: r3Range.central,
  };

  const reason: NotMeasurableReason | null =
    r1.totalCents <= 0 ? 'no-spend' : input.localityMeasurable ? null : 'locality-not-measurable';
  const lm3 =
    reason === null
      ? ranged((level) => ratio(r1.totalCents + r2.totalCents + r3Range[level], r1.totalCents))
      : null;
  const perLocal =
    localRespend.cents > 0
      ? ranged((level) => ratio(localRespend.cents + respendAt(localRespend, level), localRespend.cents))
      : null;
  const perOutside =
    outsideRespend.cents > 0
      ? ranged((level) => ratio(respendAt(outsideRespend, level), outsideRespend.cents))
      : null;

  const staffUse: DefaultUse[] =
    r2Staff > 0 ? [{ row: 'staff', value: staff, cents: r2Staff, suppliers: 0 }] : [];
  return {
    base: r1.base,
    baseFallback: r1.fallback,
    r1: { totalCents: r1.totalCents, spendCents: r1.spendCents, staffCents: r1.staffCents },
    r2,
    r3,
    r3Range,
    reason,
    lm3,
    coverage:
      localRespend.positiveCents > 0
        ? shareOf(localRespend.positiveAnsweredCents, localRespend.positiveCents)
        : null,
    answers: { local: localRespend.answers, nonLocal: outsideRespend.answers },
    answersWithheld: {
      local: withheld.local - localRespend.answers,
      nonLocal: withheld.nonLocal - outsideRespend.answers,
    },
    perLocal,
    perOutside,
    nonLocalCents: outsideRespend.cents,
    unknownLocalityCents,
    defaultsUsed: [...localRespend.defaultsUsed, ...staffUse, ...outsideRespend.defaultsUsed],
    stated: input.stated,
    scenario:
      reason === null && perLocal && perOutside && outsideRespend.cents > 0
        ? multiplierScenario(input.scenarioShift, outsideRespend.cents, perLocal.central, perOutside.central)
        : null,
  };
}
