import type { DatasetRecord, DatasetStatus, ObjectLocation } from '../domain/dataset.ts';
import { listedAnchors } from '../domain/dataset-anchors.ts';
import { anchorOfUploadKey, fileNameOfKey } from '../domain/dataset-identity.ts';
import type { DatasetKind } from '../domain/dataset-kind.ts';
import { columnReadingRecord } from '../domain/formats/inference/describe-choices.ts';
import type { DatasetSummary } from '../domain/ingest/index.ts';

/** The record claimed before any write: INGESTING, with a lease a crashed attempt lets expire. */
export function newDatasetRecord(input: {
  id: string;
  location: ObjectLocation;
  now: Date;
  leaseMs: number;
  anchorId: string | undefined;
  requestedKind: string | undefined;
  sizeBytes: number | undefined;
  uploadedAt?: string | undefined;
}): DatasetRecord {
  const now = input.now.toISOString();
  const requestedKind: DatasetKind | undefined =
    input.requestedKind === 'payments' || input.requestedKind === 'contracts'
      ? input.requestedKind
      : undefined;
  return {
    id: input.id,
    source: input.location,
    fileName: fileNameOfKey(input.location.key),
    // The key's folder is what the upload policy let this institution write to; metadata is only
    // what the uploader said: where they disagree, the key wins.
    anchorId: anchorOfUploadKey(input.location.key) ?? input.anchorId ?? 'unassigned',
    ...(requestedKind ? { requestedKind } : {}),
    status: 'INGESTING',
    receivedAt: now,
    ...(input.uploadedAt ? { uploadedAt: input.uploadedAt } : {}),
    updatedAt: now,
    leaseUntil: new Date(input.now.getTime() + input.leaseMs).toISOString(),
    attempts: 1,
    ...(input.sizeBytes !== undefined ? { sizeBytes: input.sizeBytes } : {}),
    lines: 0,
    rejectedLines: 0,
    blankLines: 0,
    preambleLines: 0,
    setAsideLines: 0,
    amountCents: 0,
    concessionCents: 0,
    suppliers: 0,
    anchors: [],
  };
}

export function withSummary(
  record: DatasetRecord,
  summary: DatasetSummary,
  suppliers: number,
  contentSha256: string,
): DatasetRecord {
  return {
    ...record,
    contentSha256,
    headerLine: summary.headerLine,
    ...(summary.columnReading ? { columnReading: summary.columnReading.map(columnReadingRecord) } : {}),
    lines: summary.lines,
    rejectedLines: summary.rejectedLines,
    blankLines: summary.blankLines,
    preambleLines: summary.preambleLines,
    setAsideLines: summary.setAsideLines,
    amountCents: summary.amountCents,
    concessionCents: summary.concessionCents,
    suppliers,
    ...(summary.periodFrom ? { periodFrom: summary.periodFrom } : {}),
    ...(summary.periodTo ? { periodTo: summary.periodTo } : {}),
    anchors: listedAnchors(summary.anchors, record.anchorId),
    reconciliation: summary.reconciliation,
  };
}

/**
 * The most of a message the dataset record keeps: a file's failure quotes its first rejected lines'
 * reasons, and the record is one DynamoDB item.
 */
const MAX_MESSAGE_LENGTH = 4_000;

/** The final state of a dataset: the lease released, the status and the message a user reads. */
export function settled(
  record: DatasetRecord,
  status: Exclude<DatasetStatus, 'RECEIVED' | 'INGESTING'>,
  now: Date,
  message?: string,
): DatasetRecord {
  const { leaseUntil: _released, message: _previous, linesWritten: _checkpoint, ...rest } = record;
  const kept =
    message && message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
  return { ...rest, status, updatedAt: now.toISOString(), ...(kept ? { message: kept } : {}) };
}
