import type { DatasetKind } from '../dataset-kind.ts';
import { type SpendLine, SpendLineSchema } from '../spend-line.ts';

/**
 * The columns of a dataset's line files (Parquet), in order: what the drill-down reads back and what
 * the Athena table declares (`infra/constructs/lines-table.ts` derives its columns from this list).
 * Money is integer cents, identifiers strings; a text a line does not have is null.
 */
export const LINE_COLUMNS = [
  { name: 'sequence', type: 'INT64', doc: 'position among the file’s counted lines, from 1' },
  { name: 'line_number', type: 'INT64', doc: 'the line in the file (for DECP JSON, the contract’s rank)' },
  { name: 'anchor_id', type: 'STRING', doc: 'the buyer (SIRET, or the anchor’s id)' },
  { name: 'anchor_name', type: 'STRING', doc: 'the buyer’s name as the file writes it' },
  { name: 'date', type: 'STRING', doc: 'yyyy-mm-dd; null for a line counted undated' },
  { name: 'amount_cents', type: 'INT64', doc: 'the amount counted, in cents' },
  { name: 'currency', type: 'STRING', doc: 'EUR or GBP' },
  { name: 'supplier_key', type: 'STRING', doc: 'the key rollups and reports use for the supplier' },
  { name: 'supplier_name', type: 'STRING', doc: 'as the file writes it' },
  { name: 'identifier_scheme', type: 'STRING', doc: 'siret, siren, vat or company-number' },
  { name: 'identifier', type: 'STRING', doc: 'the supplier’s valid identifier' },
  { name: 'identifier_country', type: 'STRING', doc: 'for a VAT number' },
  { name: 'invalid_identifier', type: 'STRING', doc: 'an identifier written but not valid' },
  { name: 'supplier_local_id', type: 'STRING', doc: 'the buyer’s own supplier code' },
  { name: 'postcode', type: 'STRING', doc: 'the supplier’s postcode on the line' },
  { name: 'commune', type: 'STRING', doc: 'the supplier’s commune or town on the line' },
  { name: 'commune_code', type: 'STRING', doc: 'INSEE commune code' },
  { name: 'country', type: 'STRING', doc: 'the supplier’s country on the line' },
  { name: 'category_code', type: 'STRING', doc: 'accounting nature, CPV or expense code' },
  { name: 'category_label', type: 'STRING', doc: 'its label' },
  { name: 'service_area', type: 'STRING', doc: 'service, department' },
  { name: 'reference', type: 'STRING', doc: 'payment or transaction number' },
  { name: 'description', type: 'STRING', doc: 'object of the spend' },
  { name: 'contract_uid', type: 'STRING', doc: 'DECP contract id' },
  { name: 'segment', type: 'STRING', doc: 'concession, or null for a purchase' },
  { name: 'share_of', type: 'INT32', doc: 'a contract split between this many titulaires' },
  { name: 'flags', type: 'STRING', doc: 'data-quality flags, separated by |' },
] as const;

export type LineColumnName = (typeof LINE_COLUMNS)[number]['name'];
/** One line as a row of its file: integers as numbers (the writer stores INT64 as bigint). */
export type LineRow = Readonly<Record<LineColumnName, string | number | null>>;

/** The partition folders of a dataset's line files: `lines/kind=…/anchor=…/dataset=…/`. */
export const LINE_PARTITIONS = ['kind', 'anchor', 'dataset'] as const;

export const LINES_PREFIX = 'lines/';

/** Where a dataset's line files live; the part's name is its first line's sequence, so keys are deterministic. */
export function linesFolder(dataset: { id: string; anchorId: string; kind: DatasetKind }): string {
  const value = (text: string) => encodeURIComponent(text);
  return `${LINES_PREFIX}kind=${value(dataset.kind)}/anchor=${value(dataset.anchorId)}/dataset=${value(dataset.id)}/`;
}

export const partKey = (folder: string, firstSequence: number): string =>
  `${folder}part-${String(firstSequence).padStart(12, '0')}.parquet`;

const FLAG_SEPARATOR = '|';

export function lineRow(line: SpendLine): LineRow {
  const { supplier } = line;
  const identifier = supplier.identifier;
  return {
    sequence: line.sequence,
    line_number: line.lineNumber,
    anchor_id: line.anchorId,
    anchor_name: line.anchorName ?? null,
    date: line.date ?? null,
    amount_cents: line.amountCents,
    currency: line.currency,
    supplier_key: supplier.key,
    supplier_name: supplier.name,
    identifier_scheme: identifier?.scheme ?? null,
    identifier: identifier?.value ?? null,
    identifier_country: identifier?.scheme === 'vat' ? identifier.country : null,
    invalid_identifier: supplier.invalidIdentifier ?? null,
    supplier_local_id: supplier.localId ?? null,
    postcode: supplier.postcode ?? null,
    commune: supplier.commune ?? null,
    commune_code: supplier.communeCode ?? null,
    country: supplier.country ?? null,
    category_code: line.categoryCode ?? null,
    category_label: line.categoryLabel ?? null,
    service_area: line.serviceArea ?? null,
    reference: line.reference ?? null,
    description: line.description ?? null,
    contract_uid: line.contractUid ?? null,
    segment: line.segment ?? null,
    share_of: line.shareOf ?? null,
    flags: line.flags.length > 0 ? line.flags.join(FLAG_SEPARATOR) : null,
  };
}

const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);
const integer = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);
const present = <T extends object>(entries: T): T =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as T;

/** A row read back from a line file, as the line it was written from. */
export function lineOfRow(row: Readonly<Record<string, unknown>>): SpendLine {
  const scheme = text(row.identifier_scheme);
  const value = text(row.identifier) ?? '';
  const identifier = scheme
    ? { scheme, value, ...(scheme === 'vat' ? { country: text(row.identifier_country) ?? '' } : {}) }
    : undefined;
  // Read back through the line's own schema: a file edited by hand cannot pass for a line.
  return SpendLineSchema.parse({
    sequence: integer(row.sequence) ?? 0,
    lineNumber: integer(row.line_number) ?? 0,
    anchorId: text(row.anchor_id) ?? '',
    anchorName: text(row.anchor_name),
    date: text(row.date),
    amountCents: integer(row.amount_cents) ?? 0,
    currency: text(row.currency),
    supplier: present({
      key: text(row.supplier_key) ?? '',
      name: text(row.supplier_name) ?? '',
      identifier,
      invalidIdentifier: text(row.invalid_identifier),
      localId: text(row.supplier_local_id),
      postcode: text(row.postcode),
      commune: text(row.commune),
      communeCode: text(row.commune_code),
      country: text(row.country),
    }),
    categoryCode: text(row.category_code),
    categoryLabel: text(row.category_label),
    serviceArea: text(row.service_area),
    reference: text(row.reference),
    description: text(row.description),
    contractUid: text(row.contract_uid),
    segment: text(row.segment),
    shareOf: integer(row.share_of),
    flags: text(row.flags)?.split(FLAG_SEPARATOR) ?? [],
  });
}
