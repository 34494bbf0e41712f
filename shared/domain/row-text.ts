import { CANONICAL_FIELDS, type CanonicalField, type CanonicalRow } from './formats/canonical-fields.ts';

export const MAX_FIELD_LENGTH = 4_000;
export const FIELD_TOO_LONG = 'a value is longer than 4 000 characters';

/** A canonical row's values as validation reads them: the texts trimmed, an empty one absent. */
export type RowText = { readonly [field in CanonicalField]: string | undefined };

/** Every field but the amount and the date, which are parsed as they are (and need no limit). */
const TEXT_FIELDS = CANONICAL_FIELDS.filter((field) => field !== 'amount' && field !== 'date');

const text = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
};

/**
 * Reads a row's values, or says why it cannot: one "too long" per value over the limit, in field
 * order, as a schema checking each field would. A plain function with one object of a fixed shape
 * rather than a schema object per row: this runs for every line of every file.
 */
export function readRowText(row: CanonicalRow): RowText | string {
  let tooLong = 0;
  for (const field of TEXT_FIELDS) {
    if ((row[field]?.length ?? 0) > MAX_FIELD_LENGTH) tooLong++;
  }
  if (tooLong > 0) return Array.from({ length: tooLong }, () => FIELD_TOO_LONG).join('; ');
  return {
    amount: row.amount,
    date: row.date,
    supplierName: text(row.supplierName),
    supplierLocalId: text(row.supplierLocalId),
    supplierIdentifier: text(row.supplierIdentifier),
    supplierIdentifierType: text(row.supplierIdentifierType),
    supplierPostcode: text(row.supplierPostcode),
    supplierCommune: text(row.supplierCommune),
    supplierCommuneCode: text(row.supplierCommuneCode),
    supplierCountry: text(row.supplierCountry),
    anchorId: text(row.anchorId),
    anchorName: text(row.anchorName),
    categoryCode: text(row.categoryCode),
    categoryLabel: text(row.categoryLabel),
    serviceArea: text(row.serviceArea),
    reference: text(row.reference),
    description: text(row.description),
    contractUid: text(row.contractUid),
    currentVersion: text(row.currentVersion),
    supplierIdentifier2: text(row.supplierIdentifier2),
    supplierIdentifierType2: text(row.supplierIdentifierType2),
    supplierIdentifier3: text(row.supplierIdentifier3),
    supplierIdentifierType3: text(row.supplierIdentifierType3),
  };
}
