/** The fields every format is mapped onto before a row is validated. */
export const CANONICAL_FIELDS = [
  'anchorId',
  'anchorName',
  'supplierName',
  'supplierLocalId',
  'supplierIdentifier',
  'supplierIdentifierType',
  'supplierPostcode',
  'supplierCommune',
  'supplierCommuneCode',
  'supplierCountry',
  'amount',
  'date',
  'categoryCode',
  'categoryLabel',
  'serviceArea',
  'reference',
  'description',
  'contractUid',
  /** decp.info's `donneesActuelles`: "non" marks an older version of a contract. */
  'currentVersion',
  'supplierIdentifier2',
  'supplierIdentifierType2',
  'supplierIdentifier3',
  'supplierIdentifierType3',
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** One canonical field's value per row; absent columns are undefined. */
export type CanonicalRow = Partial<Record<CanonicalField, string>>;
