import { createHash } from 'node:crypto';
import { REGISTRY_STATE_PARTITION, TABLE_KEYS } from '../contracts/table.ts';

/**
 * Every key of the single table, built in one place. Items carry generic `pk`, `sk`, `gsi1pk`,
 * `gsi1sk` and `entityType` attributes (DESIGN §8).
 */
export const ENTITY = {
  dataset: 'Dataset',
  line: 'Line',
  rollup: 'SupplierRollup',
  contentClaim: 'ContentClaim',
  facts: 'SupplierFacts',
  correction: 'SupplierCorrection',
  localActivity: 'LocalActivity',
  registryState: 'RegistryState',
  lookupMiss: 'LookupMiss',
  survey: 'SupplierSurvey',
} as const;

const LINE_NUMBER_WIDTH = 10;
/**
 * Partitions one dataset's lines are spread over, by sequence. A partition key takes at most 1 000
 * writes a second and split-for-heat cannot divide sequentially increasing sort keys: under one key,
 * a million-line file would take a quarter of an hour to write, throttled all the way.
 */
export const LINE_PARTITIONS = 16;

/**
 * The most a data value (a supplier key, an anchor id read from a file) takes of a key, in UTF-8 bytes.
 * DynamoDB refuses a sort key over 1 024 bytes and a partition key over 2 048: a supplier named with
 * 4 000 characters must still be stored. A longer value keeps a prefix and the SHA-256 of the whole,
 * so two values never share a key; the item itself keeps the value whole.
 */
const MAX_KEY_VALUE_BYTES = 400;

function bounded(value: string): string {
  if (Buffer.byteLength(value, 'utf8') <= MAX_KEY_VALUE_BYTES) return value;
  const digest = createHash('sha256').update(value).digest('hex');
  // Cut by characters well under the byte bound: a character is at most 4 bytes.
  return `${value.slice(0, (MAX_KEY_VALUE_BYTES - 70) / 4)}~${digest}`;
}

export const keys = {
  dataset: (datasetId: string) => ({ pk: `DATASET#${datasetId}`, sk: 'META' }),
  datasetIndex: (anchorId: string, datasetId: string) => ({
    gsi1pk: 'DATASETS',
    gsi1sk: `ANCHOR#${bounded(anchorId)}#${datasetId}`,
  }),
  datasetsOfAnchorPrefix: (anchorId: string) => `ANCHOR#${bounded(anchorId)}#`,
  line: (datasetId: string, sequence: number) => ({
    pk: `DATASET#${datasetId}#LINES#${sequence % LINE_PARTITIONS}`,
    sk: `LINE#${String(sequence).padStart(LINE_NUMBER_WIDTH, '0')}`,
  }),
  /** The partition keys of a dataset's lines, to read them all. */
  linePartitions: (datasetId: string) =>
    Array.from({ length: LINE_PARTITIONS }, (_, partition) => `DATASET#${datasetId}#LINES#${partition}`),
  lineBySupplier: (supplierKey: string, datasetId: string, sequence: number) => ({
    gsi1pk: `SUPPLIER#${bounded(supplierKey)}`,
    gsi1sk: `LINE#${datasetId}#${String(sequence).padStart(LINE_NUMBER_WIDTH, '0')}`,
  }),
  rollup: (datasetId: string, anchorId: string, supplierKey: string, segment: string | undefined) => ({
    pk: `DATASET#${datasetId}`,
    sk: `ROLLUP#${bounded(anchorId)}#${bounded(supplierKey)}${segment ? `#${segment}` : ''}`,
  }),
  rollupPrefix: 'ROLLUP#',
  contentClaim: (content: { uploaderId: string; contentSha256: string }) => ({
    pk: `CONTENT#${content.contentSha256}`,
    sk: `CLAIM#${bounded(content.uploaderId)}`,
  }),
  /** Establishment counts per NAF division of one commune, one item per registry file. */
  localActivity: (communeCode: string, source: string) => ({
    pk: `LOCAL_ACTIVITY#${communeCode}`,
    sk: `SOURCE#${source}`,
  }),
  localActivityOf: (communeCode: string) => `LOCAL_ACTIVITY#${communeCode}`,
  /** The register's last complete refresh, where an unfinished one stopped, the last lookups. */
  registryStatus: { pk: REGISTRY_STATE_PARTITION, sk: 'STATUS' },
  registryCheckpoint: { pk: REGISTRY_STATE_PARTITION, sk: 'CHECKPOINT' },
  registryLookupRun: { pk: REGISTRY_STATE_PARTITION, sk: 'LOOKUPS' },
  /** Each source's facts about a supplier, apart: `SUPPLIER#<key>` / UNIT | ESTABLISHMENT | … */
  facts: {
    unit: (siren: string) => ({ pk: `SUPPLIER#siren:${siren}`, sk: 'UNIT' }),
    establishment: (siret: string) => ({ pk: `SUPPLIER#siret:${siret}`, sk: 'ESTABLISHMENT' }),
    headOffice: (siren: string) => ({ pk: `SUPPLIER#siren:${siren}`, sk: 'HEAD_OFFICE' }),
    directory: (supplierKey: string) => ({ pk: `SUPPLIER#${bounded(supplierKey)}`, sk: 'DIRECTORY' }),
    override: (supplierKey: string) => ({ pk: `SUPPLIER#${bounded(supplierKey)}`, sk: 'OVERRIDE' }),
    /** A company-search API said it knows no such SIRET (14 digits) or SIREN (9). */
    lookupMiss: (identifier: string) => ({
      pk: `SUPPLIER#${identifier.length === 14 ? 'siret' : 'siren'}:${identifier}`,
      sk: 'LOOKUP_MISS',
    }),
    /** One item per correction, numbered: the latest are read by the sort key, newest first. */
    correction: (supplierKey: string, sequence: number) => ({
      pk: `SUPPLIER#${bounded(supplierKey)}`,
      sk: `CORRECTION#${String(sequence).padStart(LINE_NUMBER_WIDTH, '0')}`,
    }),
    correctionPrefix: 'CORRECTION#',
  },
  /**
   * One supplier's survey for one anchor: its invitation, the answer in force, a withdrawal. All of an
   * anchor's under one partition, read in one bounded query (MAX_SURVEYS_PER_ANCHOR).
   */
  survey: (anchorId: string, supplierKey: string) => ({
    pk: `SURVEY#${bounded(anchorId)}`,
    sk: `SUPPLIER#${bounded(supplierKey)}`,
  }),
  surveysOf: (anchorId: string) => ({ pk: `SURVEY#${bounded(anchorId)}`, skPrefix: 'SUPPLIER#' }),
  /** The form finds its invitation by the SHA-256 of the link's token (hex): the token is never stored. */
  surveyToken: (tokenSha256: string) => ({ gsi1pk: `SURVEY_TOKEN#${tokenSha256}`, gsi1sk: 'SURVEY' }),
} as const;

export const GSI1 = TABLE_KEYS.gsi1.name;
