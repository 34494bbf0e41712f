import * as z from 'zod';
import { parseAmountToCents } from '../money.ts';
import { MULTIPLIER_BASES } from './local-multiplier.ts';
import { DEFAULT_ROWS, type DefaultRow, type DefaultsOverride } from './respend-defaults.ts';

/**
 * An amount as the anchor's accounts state it (`"48 250 000,00"`, `"48250000.00"`), kept as written
 * so a territory file reads back the same, and read into cents with the method's money parser when a
 * report uses it: never through a float.
 */
const StatedAmountSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((text) => {
    const parsed = parseAmountToCents(text);
    return parsed.ok && parsed.value >= 0;
  }, 'an amount such as "48 250 000,00" or "48250000.00", not negative');

const ShareSchema = z.number().min(0).max(1);

/**
 * What an anchor states for one year, with where it comes from and as of when: never guessed from
 * the files. Staff costs come with the share of staff living in the territory.
 */
export const AnchorMultiplierInputSchema = z
  .object({
    anchorId: z.string().min(1).max(64),
    year: z.number().int().min(2000).max(2100),
    /** The whole year's expenditure, staff included: round 1 when the base is `total-expenditure`. */
    totalExpenditure: StatedAmountSchema.optional(),
    /** Gross pay and employer's charges for the year. */
    staffCosts: StatedAmountSchema.optional(),
    /** The share of staff (by pay, or by head when pay is not known) living in the territory's local rings. */
    localStaffShare: ShareSchema.optional(),
    /** Who says so: the accounts, the HR department's count, "illustrative"… */
    source: z.string().trim().min(1).max(500),
    asOf: z.iso.date(),
  })
  .refine((input) => input.staffCosts === undefined || input.localStaffShare !== undefined, {
    message: 'staff costs need the share of staff living in the territory (localStaffShare)',
    path: ['localStaffShare'],
  });
export type AnchorMultiplierInput = z.infer<typeof AnchorMultiplierInputSchema>;

const DefaultValuesSchema = z
  .object({ central: ShareSchema, low: ShareSchema, high: ShareSchema })
  .refine((row) => row.low <= row.central && row.central <= row.high, {
    message: 'a default needs low ≤ central ≤ high',
  });

/** A territory's own defaults, for some rows of the table, with their one source. */
const DefaultsOverrideSchema = z.object({
  source: z.string().trim().min(1).max(500),
  rows: z.partialRecord(z.enum(DEFAULT_ROWS), DefaultValuesSchema),
});

/** A territory's multiplier settings (docs/method.md, "Local multiplier (LM3)"). */
export const MultiplierConfigSchema = z
  .object({
    /** Round 1: the influenceable spend (plus stated staff costs), or the anchors' stated total expenditure. */
    base: z.enum(MULTIPLIER_BASES).default('influenceable'),
    anchors: z.array(AnchorMultiplierInputSchema).max(1000).default([]),
    /** The scenario: this share of located non-local spend moved to local suppliers. */
    scenarioShift: z.number().gt(0).max(1).default(0.1),
    defaults: DefaultsOverrideSchema.optional(),
  })
  .refine(
    (config) => {
      const keys = config.anchors.map((input) => `${input.anchorId}|${input.year}`);
      return new Set(keys).size === keys.length;
    },
    { message: 'an anchor states its inputs once per year', path: ['anchors'] },
  );
export type MultiplierConfig = z.infer<typeof MultiplierConfigSchema>;

/** The cents of an amount the schema accepted. */
export function statedCents(text: string): number {
  const parsed = parseAmountToCents(text);
  if (!parsed.ok) throw new Error(`a stated amount the schema should have refused: ${parsed.reason}`);
  return parsed.value;
}

/** The territory's defaults override as the computation takes it. */
export function defaultsOverrideOf(config: MultiplierConfig | undefined): DefaultsOverride | undefined {
  const override = config?.defaults;
  if (!override) return undefined;
  const rows = new Map<DefaultRow, { central: number; low: number; high: number }>();
  for (const row of DEFAULT_ROWS) {
    const values = override.rows[row];
    if (values) rows.set(row, values);
  }
  return { source: override.source, rows };
}
