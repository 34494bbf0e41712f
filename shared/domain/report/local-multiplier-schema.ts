import * as z from 'zod';
import { MULTIPLIER_BASES, NOT_MEASURABLE_REASONS } from '../multiplier/local-multiplier.ts';
import { BASES } from '../multiplier/respend-defaults.ts';

const Amount = z.number().describe('currency units, rounded to the cent, computed from integer cents');
const Share = z.number().min(0).max(1);
const Ratio = z.number().min(0).describe('a ratio to four decimals');
const Ranged = z.object({ central: Ratio, low: Ratio, high: Ratio });
const Basis = z.enum(BASES);

/**
 * The local multiplier (NEF's LM3) with every input and result (docs/method.md, "Local multiplier
 * (LM3)"): the three rounds, LM3 with the range the defaults give, the survey coverage, the defaults
 * used and their sources, the anchors' stated inputs, "per unit spent locally / outside" and the
 * shift scenario with its arithmetic. Added in report schema 1.5.0.
 */
export const LocalMultiplierSchema = z.object({
  /**
   * Why LM3 is not a number: a contracts report (amounts notified, not money spent in a year), no
   * spend, or too little spend located to measure the local share. Null when it is measured.
   */
  reason: z.enum(['contracts', ...NOT_MEASURABLE_REASONS]).nullable(),
  /** The base asked for by the territory, and the one used (the total expenditure needs every anchor's). */
  baseAsked: z.enum(MULTIPLIER_BASES),
  base: z.enum(MULTIPLIER_BASES),
  /** The calendar year the period covers whole (January to December), which the stated inputs must be for. */
  year: z.number().int().nullable(),
  rounds: z.object({
    r1: z.object({ total: Amount, spend: Amount, staff: Amount }),
    r2: z.object({ total: Amount, suppliers: Amount, staff: Amount }),
    r3: z.object({
      total: Amount,
      answered: Amount.describe('re-spent by local suppliers that answered the survey, from their answers'),
      defaults: Amount.describe('re-spent by the other local suppliers, from the defaults table'),
      staff: Amount,
      low: Amount,
      high: Amount,
    }),
  }),
  lm3: Ranged.nullable().describe('(R1 + R2 + R3) / R1; low and high take every default at its low or high'),
  /** Share of the supplier part of round 2 paid to suppliers whose answer was used; null without any. */
  coverage: Share.nullable(),
  answersUsed: z.object({ local: z.number().int(), nonLocal: z.number().int() }),
  /**
   * Accepted answers not used yet: fewer than `minimumAnswers` in their group (local suppliers, the
   * others), so that no published figure gives away one supplier's own (statistical confidentiality).
   */
  answersWithheld: z.object({ local: z.number().int(), nonLocal: z.number().int() }),
  minimumAnswers: z.number().int(),
  perLocal: Ranged.nullable().describe(
    'what 1 unit spent with local suppliers brings locally: 1 + their re-spend',
  ),
  perOutside: Ranged.nullable().describe('what 1 unit spent with suppliers outside brings locally'),
  nonLocalAmount: Amount.describe('spend with suppliers known to be outside the local ring'),
  unknownLocalityAmount: Amount.describe('spend whose supplier is not located: neither local nor outside'),
  /** The whole table the report used, each row with the spend it stood for. */
  defaults: z.array(
    z.object({
      /** social-economy, small-business, large-business, public, size-unknown, non-local, staff */
      row: z.string(),
      central: Share,
      low: Share,
      high: Share,
      centralBasis: Basis,
      rangeBasis: Basis,
      /** `nef-northumberland-2005`, `method-assumption`, or the territory's own source text. */
      source: z.string(),
      amount: Amount,
      suppliers: z.number().int(),
    }),
  ),
  /** The anchors' stated inputs used, each with its source and date. */
  stated: z.array(
    z.object({
      anchorId: z.string(),
      year: z.number().int(),
      totalExpenditure: Amount.nullable(),
      staffCosts: Amount.nullable(),
      localStaffShare: Share.nullable(),
      source: z.string(),
      asOf: z.iso.date(),
    }),
  ),
  /** Inputs stated for the report's anchors but not used, and why. */
  statedNotUsed: z.array(
    z.object({
      anchorId: z.string(),
      year: z.number().int(),
      reason: z.enum(['other-year', 'period-not-one-whole-year']),
    }),
  ),
  /** Moving `shift` of the non-local spend to local suppliers adds shifted × (perLocal − perOutside). */
  scenario: z
    .object({
      shift: Share,
      nonLocalAmount: Amount,
      shiftedAmount: Amount,
      perLocal: Ratio,
      perOutside: Ratio,
      difference: Ratio,
      addedAmount: Amount,
    })
    .nullable(),
});
export type LocalMultiplierSection = z.infer<typeof LocalMultiplierSchema>;
