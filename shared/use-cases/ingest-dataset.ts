import { createHash } from 'node:crypto';
import type { DatasetRecord, ObjectLocation } from '../domain/dataset.ts';
import { anchorOfUploadKey, datasetIdentityText, fileNameOfKey } from '../domain/dataset-identity.ts';
import type { DatasetKind } from '../domain/dataset-kind.ts';
import type { FormatProfile } from '../domain/formats/format-profile.ts';
import { type DatasetSummary, IngestCore } from '../domain/ingest/index.ts';
import type { Clock } from '../ports/clock.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';
import type { DelimitedTextReader } from '../ports/delimited-text-reader.ts';
import type { ObjectStore } from '../ports/object-store.ts';
import { RejectsFile } from './rejects-file.ts';

export interface IngestDependencies {
  readonly objects: ObjectStore;
  readonly datasets: DatasetStore;
  readonly reader: DelimitedTextReader;
  readonly clock: Clock;
  readonly formats: readonly FormatProfile[];
  readonly settings: {
    readonly rejectsBucket: string;
    readonly maxRejectedRatio: number;
    readonly leaseMs: number;
  };
  readonly onProgress?: (progress: { bytes: number; lines: number }) => void;
}

export type IngestOutcome =
  | { readonly outcome: 'ingested' | 'rejected' | 'failed'; readonly dataset: DatasetRecord }
  | { readonly outcome: 'already-done'; readonly dataset: DatasetRecord };

const KIND_METADATA = 'kind';
const ANCHOR_METADATA = 'anchor';

export function datasetIdOf(location: ObjectLocation): string {
  return createHash('sha256').update(datasetIdentityText(location)).digest('hex').slice(0, 24);
}

/**
 * Ingests one uploaded object. Idempotent: the dataset id comes from the object version, the record
 * is claimed before any write, lines and rollups have deterministic keys, and identical content seen
 * under another key is recorded as a duplicate instead of being counted twice.
 */
export async function ingestDataset(
  deps: IngestDependencies,
  location: ObjectLocation,
): Promise<IngestOutcome> {
  const now = deps.clock.now();
  const object = await deps.objects.open(location);
  const base: DatasetRecord = {
    id: datasetIdOf(location),
    source: location,
    fileName: fileNameOfKey(location.key),
    anchorId: anchorOfUploadKey(location.key) ?? 'unassigned',
    status: 'INGESTING',
    receivedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    leaseUntil: new Date(now.getTime() + deps.settings.leaseMs).toISOString(),
    attempts: 1,
    lines: 0,
    rejectedLines: 0,
    blankLines: 0,
    preambleLines: 0,
    amountCents: 0,
    suppliers: 0,
    anchors: [],
    flags: [],
  };
  const requestedKind = object?.metadata.get(KIND_METADATA);
  const claimed = await deps.datasets.claimDataset(
    {
      ...base,
      anchorId: object?.metadata.get(ANCHOR_METADATA) ?? base.anchorId,
      ...(requestedKind === 'payments' || requestedKind === 'contracts' ? { requestedKind } : {}),
      ...(object ? { sizeBytes: object.sizeBytes } : {}),
    },
    now,
  );
  if (!claimed.claimed) return { outcome: 'already-done', dataset: claimed.existing };
  const record = claimed.record;
  if (!object) {
    return finish(deps, record, 'FAILED', 'the file was deleted before it could be read; upload it again');
  }
  try {
    return await ingestObject(deps, record, object.body);
  } catch (error) {
    await finish(deps, record, 'FAILED', 'ingest failed on a technical error; it will be retried');
    throw error;
  }
}

async function ingestObject(
  deps: IngestDependencies,
  record: DatasetRecord,
  body: AsyncIterable<Uint8Array>,
): Promise<IngestOutcome> {
  const opened = await deps.reader.open(body);
  if (!opened.ok) return finish(deps, record, 'REJECTED', opened.reason);
  const text = opened.value;
  const core = new IngestCore({
    formats: deps.formats,
    defaultAnchorId: record.anchorId,
    delimiter: text.delimiter,
    maxRejectedRatio: deps.settings.maxRejectedRatio,
  });
  const rejects = new RejectsFile();
  let fileFailure: string | undefined;
  let lines = 0;
  for await (const batch of text.rows) {
    for (const row of batch) {
      const pushed = core.push(row);
      if (!pushed.ok) fileFailure = pushed.reason;
    }
    if (fileFailure) break;
    const accepted = core.drainLines();
    lines += accepted.length;
    await deps.datasets.putLines(record.id, accepted);
    rejects.add(core.drainRejections());
    deps.onProgress?.({ bytes: text.bytesRead(), lines });
  }
  const read = {
    ...record,
    encoding: text.encoding,
    delimiter: text.delimiter,
    ...(core.format
      ? { format: core.format.id, kind: core.format.kind, currency: core.format.currency }
      : {}),
  };
  if (fileFailure) return finish(deps, read, 'REJECTED', fileFailure);
  const summary = core.finish();
  await deps.datasets.putLines(record.id, core.drainLines());
  rejects.add(core.drainRejections());
  const rejectsKey = `rejects/${record.id}.csv`;
  await deps.objects.put(
    { bucket: deps.settings.rejectsBucket, key: rejectsKey },
    rejects.toString(),
    'text/csv; charset=utf-8',
  );
  const withRejects = { ...read, rejectsKey };
  if (!summary.ok) return finish(deps, withRejects, 'REJECTED', summary.reason);
  const counted = withSummary(withRejects, summary.value, core.rollups.size, text.contentSha256());
  const mismatch = kindMismatch(counted.requestedKind, counted.kind);
  if (mismatch) return finish(deps, counted, 'REJECTED', mismatch);
  const owner = await deps.datasets.claimContent(text.contentSha256(), record.id);
  if (owner !== record.id) {
    return finish(
      deps,
      { ...counted, duplicateOf: owner },
      'REJECTED',
      `this file has exactly the same content as dataset ${owner}, already counted: it is not counted twice`,
    );
  }
  await deps.datasets.putRollups(record.id, core.rollups.records());
  return finish(deps, counted, 'INGESTED');
}

function withSummary(
  record: DatasetRecord,
  summary: DatasetSummary,
  suppliers: number,
  sha: string,
): DatasetRecord {
  return {
    ...record,
    contentSha256: sha,
    headerLine: summary.headerLine,
    lines: summary.lines,
    rejectedLines: summary.rejectedLines,
    blankLines: summary.blankLines,
    preambleLines: summary.preambleLines,
    amountCents: summary.amountCents,
    suppliers,
    ...(summary.periodFrom ? { periodFrom: summary.periodFrom } : {}),
    ...(summary.periodTo ? { periodTo: summary.periodTo } : {}),
    anchors: [...summary.anchors],
    flags: summary.flags.map(([flag, count]) => [flag, count] as [string, number]),
  };
}

function kindMismatch(
  requested: DatasetKind | undefined,
  detected: DatasetKind | undefined,
): string | undefined {
  if (!requested || !detected || requested === detected) return undefined;
  return `the file was uploaded as ${requested} but it is a ${detected} file: upload it as ${detected}`;
}

async function finish(
  deps: IngestDependencies,
  record: DatasetRecord,
  status: 'INGESTED' | 'REJECTED' | 'FAILED',
  message?: string,
): Promise<IngestOutcome> {
  const { leaseUntil: _released, ...rest } = record;
  const dataset: DatasetRecord = {
    ...rest,
    status,
    updatedAt: deps.clock.now().toISOString(),
    ...(message ? { message } : {}),
  };
  await deps.datasets.saveDataset(dataset);
  const outcome = status === 'INGESTED' ? 'ingested' : status === 'REJECTED' ? 'rejected' : 'failed';
  return { outcome, dataset };
}
