import type { CanonicalField, CanonicalRow } from './formats/canonical-fields.ts';

export const MAX_FIELD_LENGTH = 4_000;
export const FIELD_TOO_LONG = 'a value is longer than 4 000 characters';

/** A canonical row's values as validation reads them: the texts trimmed, an empty one absent. */
export type RowText = { readonly [field in CanonicalField]: string | undefined };

/** Trims values and counts those over the limit, as it reads them. */
class TextReader {
  tooLong = 0;

  read(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (value.length > MAX_FIELD_LENGTH) this.tooLong++;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
}

/**
 * Reads a row's values, or says why it cannot: one "too long" per value over the limit, as a schema
 * checking each field would say it. A plain function building one object of a fixed shape rather
 * than a schema pass per row: this runs for every line of every file. The amount and the date are
 * parsed as they are, and need no limit.
 */
export function readRowText(row: CanonicalRow): RowText | string {
  const reader = new TextReader();
  const read: RowText = {
    amount: row.amount,
    date: row.date,
    supplierName: reader.read(row.supplierName),
    supplierLocalId: reader.read(row.supplierLocalId),
    supplierIdentifier: reader.read(row.supplierIdentifier),
    supplierIdentifierType: reader.read(row.supplierIdentifierType),
    supplierPostcode: reader.read(row.supplierPostcode),
    supplierCommune: reader.read(row.supplierCommune),
    supplierCommuneCode: reader.read(row.supplierCommuneCode),
    supplierCountry: reader.read(row.supplierCountry),
    anchorId: reader.read(row.anchorId),
    anchorName: reader.read(row.anchorName),
    categoryCode: reader.read(row.categoryCode),
    categoryLabel: reader.read(row.categoryLabel),
    serviceArea: reader.read(row.serviceArea),
    reference: reader.read(row.reference),
    description: reader.read(row.description),
    contractUid: reader.read(row.contractUid),
    currentVersion: reader.read(row.currentVersion),
    supplierIdentifier2: reader.read(row.supplierIdentifier2),
    supplierIdentifierType2: reader.read(row.supplierIdentifierType2),
    supplierIdentifier3: reader.read(row.supplierIdentifier3),
    supplierIdentifierType3: reader.read(row.supplierIdentifierType3),
  };
  if (reader.tooLong > 0) return Array.from({ length: reader.tooLong }, () => FIELD_TOO_LONG).join('; ');
  return read;
}
