import type { CanonicalField } from '../canonical-fields.ts';

/** The roles inference may give a column of a spending file: the canonical fields such files hold. */
export const INFERRED_ROLES = [
  'supplierName',
  'amount',
  'date',
  'supplierIdentifier',
  'supplierLocalId',
  'supplierPostcode',
  'supplierCommune',
  'categoryCode',
  'categoryLabel',
  'serviceArea',
  'reference',
  'description',
  'anchorName',
] as const satisfies readonly CanonicalField[];

export type InferredRole = (typeof INFERRED_ROLES)[number];
