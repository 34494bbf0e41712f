import type { CanonicalField, CanonicalRow } from './formats/canonical-fields.ts';

export const MAX_FIELD_LENGTH = 4_000;

/**
 * A canonical row's values as validation reads them: the texts trimmed, an empty one absent, one
 * longer than `MAX_FIELD_LENGTH` cut there (`truncated` says so).
 */
export type RowText = { readonly [field in CanonicalField]: string | undefined } & {
  readonly truncated: boolean;
};

/** Trims values and cuts those over the limit, as it reads them. */
class TextReader {
  truncated = false;

  read(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed.length > MAX_FIELD_LENGTH) {
      this.truncated = true;
      return trimmed.slice(0, MAX_FIELD_LENGTH);
    }
    return trimmed === '' ? undefined : trimmed;
  }
}

/**
 * Reads a row's values. An over-long value (a description pasted whole) is a defect of that value,
 * not of the spend: it is cut and the line flagged. A plain function building one object of a fixed
 * shape rather than a schema pass per row: this runs for every line of every file. The amount and the
 * date are parsed as they are, and need no limit.
 */
export function readRowText(row: CanonicalRow): RowText {
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
    truncated: false,
  };
  return reader.truncated ? { ...read, truncated: true } : read;
}
