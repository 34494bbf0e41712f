import * as z from 'zod';
import { CurrencySchema, DatasetKindSchema } from './dataset-kind.ts';
import { ReconciliationSchema } from './reconciliation.ts';

/** SUPERSEDED: a corrected re-upload of the same file replaced it; it is no longer counted. */
export const DatasetStatusSchema = z.enum([
  'RECEIVED',
  'INGESTING',
  'INGESTED',
  'REJECTED',
  'FAILED',
  'SUPERSEDED',
]);
export type DatasetStatus = z.infer<typeof DatasetStatusSchema>;

export const ObjectLocationSchema = z.object({
  bucket: z.string().min(1),
  key: z.string().min(1),
  versionId: z.string().optional(),
  eTag: z.string().optional(),
  /** S3's per-key event order: differs for each upload of a key, identical when an event is redelivered. */
  sequencer: z.string().optional(),
});
export type ObjectLocation = z.infer<typeof ObjectLocationSchema>;

export const DatasetOverlapSchema = z.object({
  datasetId: z.string(),
  /** Supplier-months with the same amount in both. */
  cells: z.number().int().positive(),
  cents: z.number().int(),
});
export type DatasetOverlap = z.infer<typeof DatasetOverlapSchema>;

/** One uploaded file and what ingest made of it. Only INGESTED datasets are counted in reports. */
const HeaderNameSchema = z.string().max(200);

/** One column's role as inference read it: its header, its score in percent, the next columns for the role. */
export const ColumnReadingSchema = z.object({
  role: z.string().max(40),
  header: HeaderNameSchema,
  scorePercent: z.number().int().min(0).max(100),
  settledBy: z.enum(['net-of-vat', 'payment-date', 'higher-score']).optional(),
  alternatives: z
    .array(z.object({ header: HeaderNameSchema, scorePercent: z.number().int().min(0).max(100) }))
    .max(2),
});
export type ColumnReadingRecord = z.infer<typeof ColumnReadingSchema>;

export const DatasetRecordSchema = z.object({
  id: z.string().regex(/^[a-f0-9]{24}$/),
  source: ObjectLocationSchema,
  fileName: z.string(),
  anchorId: z.string().min(1),
  requestedKind: DatasetKindSchema.optional(),
  status: DatasetStatusSchema,
  message: z.string().optional(),
  receivedAt: z.iso.datetime(),
  /** When S3 stored the upload: orders copies of the same content whatever order their events come in. */
  uploadedAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime(),
  /** Until then the INGESTING claim protects a running ingest; after it a retry may take over. */
  leaseUntil: z.iso.datetime().optional(),
  attempts: z.number().int().nonnegative(),
  kind: DatasetKindSchema.optional(),
  currency: CurrencySchema.optional(),
  format: z.string().optional(),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sizeBytes: z.number().int().nonnegative().optional(),
  contentSha256: z
    .string()
    .regex(/^[a-f0-9]{64}$/)
    .optional(),
  duplicateOf: z.string().optional(),
  supersededBy: z.string().optional(),
  /**
   * Other counted datasets of the anchor with some of the same spend (supplier, month and amount to
   * the cent): both stay counted, and the officer is told to check them.
   */
  overlaps: z.array(DatasetOverlapSchema).optional(),
  /**
   * Recorded INGESTED, not yet compared with the uploader's other datasets: it may still turn out
   * SUPERSEDED in a moment. Cleared once the comparison is done (absent on records made before it).
   */
  overlapsPending: z.literal(true).optional(),
  headerLine: z.number().int().nonnegative().optional(),
  /** For a file read by inference (format `inferred`): the role each column was given, and why. */
  columnReading: z.array(ColumnReadingSchema).max(40).optional(),
  lines: z.number().int().nonnegative().default(0),
  rejectedLines: z.number().int().nonnegative().default(0),
  blankLines: z.number().int().nonnegative().default(0),
  preambleLines: z.number().int().nonnegative().default(0),
  setAsideLines: z.number().int().nonnegative().default(0),
  amountCents: z.number().int().default(0),
  /** DECP concession values: reported apart, never in `amountCents`. */
  concessionCents: z.number().int().default(0),
  /** Counted by `supplierCount`, as a report counts them; a record an earlier version wrote counted its rollups. */
  suppliers: z.number().int().nonnegative().default(0),
  periodFrom: z.iso.date().optional(),
  periodTo: z.iso.date().optional(),
  anchors: z.array(z.object({ id: z.string(), name: z.string().optional() })).default([]),
  /** How the file's money ties out: counted, set aside, rejected, and the flagged lines' amounts. */
  reconciliation: ReconciliationSchema.optional(),
  rejectsKey: z.string().optional(),
  /**
   * A checkpoint: lines 1…n are stored. A run that nears Lambda's time limit pauses there and the
   * next run continues, re-reading the file (fast) but writing only the lines after n.
   */
  linesWritten: z.number().int().nonnegative().optional(),
  runs: z.number().int().positive().optional(),
});
export type DatasetRecord = z.infer<typeof DatasetRecordSchema>;
