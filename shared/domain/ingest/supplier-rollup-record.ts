import * as z from 'zod';
import { SupplierIdentitySchema } from '../spend-line.ts';

/** Spend of one anchor with one supplier within one dataset: what a report reads instead of lines. */
export const SupplierRollupSchema = z.object({
  anchorId: z.string(),
  anchorName: z.string().optional(),
  supplier: SupplierIdentitySchema,
  /** Concessions roll up apart: they are reported separately, never summed with purchases. */
  segment: z.literal('concession').optional(),
  amountCents: z.number().int(),
  lines: z.number().int().nonnegative(),
  /** Absent when every line of the rollup is undated. */
  firstDate: z.iso.date().optional(),
  lastDate: z.iso.date().optional(),
  /**
   * Cents per month (`yyyy-mm`, or `undated`) and category code (accounting nature, CPV, expense code): trends,
   * sectors and exclusions all read it. Triplets, not objects: the keys come from the data.
   */
  byMonthCategory: z.array(z.tuple([z.string(), z.string(), z.number().int()])),
  /** The largest single line, to check by eye. */
  largestLineCents: z.number().int(),
  /** Readable label of each category code seen. */
  categoryLabels: z.array(z.tuple([z.string(), z.string()])),
  /**
   * Categories whose cents were folded into the uncategorised buckets so that the rollup fits in one
   * DynamoDB item (`boundRollup`): absent on any rollup of a sensible file.
   */
  foldedCategories: z.number().int().positive().optional(),
});
export type SupplierRollup = z.infer<typeof SupplierRollupSchema>;

/** Category bucket of lines without a code: they stay influenceable. */
export const UNCATEGORISED = '';
