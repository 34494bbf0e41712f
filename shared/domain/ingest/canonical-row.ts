import type { CanonicalField, CanonicalRow } from '../formats/canonical-fields.ts';

/** Where each canonical field is among a file's cells; -1 when the file has no such column. */
export type ColumnIndexes = { readonly [field in CanonicalField]: number };

export function columnIndexesOf(columns: ReadonlyMap<CanonicalField, number>): ColumnIndexes {
  const at = (field: CanonicalField) => columns.get(field) ?? -1;
  return {
    anchorId: at('anchorId'),
    anchorName: at('anchorName'),
    supplierName: at('supplierName'),
    supplierLocalId: at('supplierLocalId'),
    supplierIdentifier: at('supplierIdentifier'),
    supplierIdentifierType: at('supplierIdentifierType'),
    supplierPostcode: at('supplierPostcode'),
    supplierCommune: at('supplierCommune'),
    supplierCommuneCode: at('supplierCommuneCode'),
    supplierCountry: at('supplierCountry'),
    amount: at('amount'),
    date: at('date'),
    categoryCode: at('categoryCode'),
    categoryLabel: at('categoryLabel'),
    serviceArea: at('serviceArea'),
    reference: at('reference'),
    description: at('description'),
    contractUid: at('contractUid'),
    currentVersion: at('currentVersion'),
    supplierIdentifier2: at('supplierIdentifier2'),
    supplierIdentifierType2: at('supplierIdentifierType2'),
    supplierIdentifier3: at('supplierIdentifier3'),
    supplierIdentifierType3: at('supplierIdentifierType3'),
  };
}

const cellAt = (cells: readonly string[], index: number) => (index < 0 ? undefined : cells[index]);

/**
 * A row's canonical values. Every field is present (undefined when the file lacks it), so every row
 * is an object of one shape, built in one step: reading its fields stays as fast as reading a class's.
 */
export function toCanonicalRow(cells: readonly string[], at: ColumnIndexes): CanonicalRow {
  return {
    anchorId: cellAt(cells, at.anchorId),
    anchorName: cellAt(cells, at.anchorName),
    supplierName: cellAt(cells, at.supplierName),
    supplierLocalId: cellAt(cells, at.supplierLocalId),
    supplierIdentifier: cellAt(cells, at.supplierIdentifier),
    supplierIdentifierType: cellAt(cells, at.supplierIdentifierType),
    supplierPostcode: cellAt(cells, at.supplierPostcode),
    supplierCommune: cellAt(cells, at.supplierCommune),
    supplierCommuneCode: cellAt(cells, at.supplierCommuneCode),
    supplierCountry: cellAt(cells, at.supplierCountry),
    amount: cellAt(cells, at.amount),
    date: cellAt(cells, at.date),
    categoryCode: cellAt(cells, at.categoryCode),
    categoryLabel: cellAt(cells, at.categoryLabel),
    serviceArea: cellAt(cells, at.serviceArea),
    reference: cellAt(cells, at.reference),
    description: cellAt(cells, at.description),
    contractUid: cellAt(cells, at.contractUid),
    currentVersion: cellAt(cells, at.currentVersion),
    supplierIdentifier2: cellAt(cells, at.supplierIdentifier2),
    supplierIdentifierType2: cellAt(cells, at.supplierIdentifierType2),
    supplierIdentifier3: cellAt(cells, at.supplierIdentifier3),
    supplierIdentifierType3: cellAt(cells, at.supplierIdentifierType3),
  };
}
