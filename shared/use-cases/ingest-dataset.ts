import { createHash } from 'node:crypto';
import type { DatasetRecord, ObjectLocation } from '../domain/dataset.ts';
import { datasetIdentityText } from '../domain/dataset-identity.ts';
import type { FormatProfile } from '../domain/formats/format-profile.ts';
import { HEADER_SEARCH_ROWS } from '../domain/formats/header-match.ts';
import { formatOfMappingProfile, type MappingProfile } from '../domain/formats/mapping-profile.ts';
import type { HolderSplit } from '../domain/holder-split.ts';
import type { SpendLine } from '../domain/spend-line.ts';
import { uploadRightsOf } from '../domain/territory/upload-rights.ts';
import type { Clock } from '../ports/clock.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';
import { type FileReader, UnreadableFileError } from '../ports/file-reader.ts';
import type { LineFiles, LineFileWriter } from '../ports/line-files.ts';
import type { MappingProfiles } from '../ports/mapping-profiles.ts';
import type { ObjectStore } from '../ports/object-store.ts';
import type { TerritoryCatalog } from '../ports/territory-catalog.ts';
import { ContentBusyError, claimContent, duplicateMessage } from './content-claim.ts';
import { newDatasetRecord, settled, withSummary } from './dataset-records.ts';
import { removingLineFilesOnRetire } from './line-files-of-retired.ts';
import { lineSourceOf } from './line-source.ts';
import { RejectsFile } from './rejects-file.ts';
import { settleOverlaps } from './settle-overlaps.ts';

export interface IngestDependencies {
  readonly objects: ObjectStore;
  readonly datasets: DatasetStore;
  /** Where counted lines are stored, as columnar files (docs/athena.md). */
  readonly lineFiles: LineFiles;
  readonly reader: FileReader;
  readonly mappings: MappingProfiles;
  readonly clock: Clock;
  readonly formats: readonly FormatProfile[];
  /** The deployment's territory: which buyers each uploader may upload lines for. */
  readonly territories: TerritoryCatalog;
  readonly settings: {
    readonly territoryId: string;
    readonly rejectsBucket: string;
    readonly maxRejectedRatio: number;
    readonly leaseMs: number;
    readonly holderSplit: HolderSplit;
  };
  readonly onProgress?: (progress: { bytes: number; lines: number }) => void;
  /** Time left in this run (Lambda's clock); a run that nears its end pauses at a checkpoint. */
  readonly remainingMs?: () => number;
}

/** Stop writing and checkpoint when less than this is left: the last batch and the record must fit. */
export const CONTINUE_BEFORE_MS = 90_000;

export type IngestOutcome =
  | {
      readonly outcome: 'ingested';
      readonly dataset: DatasetRecord;
      /** Counted datasets this one took out of the count (older copies, a month its quarter holds). */
      readonly superseded: number;
    }
  | { readonly outcome: 'rejected' | 'failed'; readonly dataset: DatasetRecord }
  /** Already ingested, rejected or failed for good: nothing to do. */
  | { readonly outcome: 'already-done'; readonly dataset: DatasetRecord }
  /** Another attempt holds the dataset within its lease: try again later. */
  | { readonly outcome: 'in-progress'; readonly dataset: DatasetRecord }
  /** This run neared its time limit: the dataset is checkpointed, deliver the event again to go on. */
  | { readonly outcome: 'continued'; readonly dataset: DatasetRecord };

/** Object metadata an upload may carry (`x-amz-meta-*`). */
export const UPLOAD_METADATA = { anchor: 'anchor', kind: 'kind', mapping: 'mapping' } as const;

export function datasetIdOf(location: ObjectLocation): string {
  return createHash('sha256').update(datasetIdentityText(location)).digest('hex').slice(0, 24);
}

/**
 * Ingests one uploaded object. Idempotent: the dataset id comes from the upload, the record is
 * claimed before any write, lines and rollups have deterministic keys, and content already counted
 * under another dataset is recorded as a duplicate instead of being counted twice.
 */
export async function ingestDataset(
  deps: IngestDependencies,
  location: ObjectLocation,
): Promise<IngestOutcome> {
  const now = deps.clock.now();
  const object = await deps.objects.open(location);
  const claimed = await deps.datasets.claimDataset(
    newDatasetRecord({
      id: datasetIdOf(location),
      location,
      now,
      leaseMs: deps.settings.leaseMs,
      anchorId: object?.metadata.get(UPLOAD_METADATA.anchor),
      requestedKind: object?.metadata.get(UPLOAD_METADATA.kind),
      sizeBytes: object?.sizeBytes,
      uploadedAt: object?.lastModified,
    }),
    now,
  );
  if (!claimed.claimed) {
    const { existing } = claimed;
    // A redelivery finishes what a crash after INGESTED may have left undone.
    if (existing.status === 'INGESTED') await settleOverlaps(retiring(deps), existing, now);
    return { outcome: existing.status === 'INGESTING' ? 'in-progress' : 'already-done', dataset: existing };
  }
  // A run that paused left a checkpoint: continue after the lines it stored.
  const paused = claimed.previous?.status === 'INGESTING' ? claimed.previous : undefined;
  const record: DatasetRecord = paused
    ? {
        ...claimed.record,
        receivedAt: paused.receivedAt,
        linesWritten: paused.linesWritten ?? 0,
        runs: (paused.runs ?? 1) + 1,
      }
    : claimed.record;
  if (!object)
    return finish(deps, record, 'FAILED', 'the file was deleted before it could be read; upload it again');
  let outcome: IngestOutcome;
  try {
    const profileId = object.metadata.get(UPLOAD_METADATA.mapping);
    const profile = profileId ? await deps.mappings.get(record.anchorId, profileId) : undefined;
    if (profileId && !profile) {
      return finish(
        deps,
        record,
        'REJECTED',
        `the mapping profile "${profileId}" does not exist for anchor ${record.anchorId}`,
      );
    }
    outcome = await ingestObject(deps, record, object.body, profile);
  } catch (error) {
    if (error instanceof UnreadableFileError) return finish(deps, record, 'REJECTED', error.message);
    const message =
      error instanceof ContentBusyError
        ? error.message
        : 'ingest failed on a technical error; it will be retried';
    await finish(deps, record, 'FAILED', message);
    throw error;
  }
  // Outside the try: the dataset is INGESTED whatever happens next; a failure here is retried.
  if (outcome.outcome !== 'ingested') return outcome;
  return { ...outcome, superseded: await settleOverlaps(retiring(deps), outcome.dataset, deps.clock.now()) };
}

async function ingestObject(
  deps: IngestDependencies,
  record: DatasetRecord,
  body: AsyncIterable<Uint8Array>,
  profile: MappingProfile | undefined,
): Promise<IngestOutcome> {
  const file = await deps.reader.open(body, { delimiter: profile?.delimiter, encoding: profile?.encoding });
  const territory = await deps.territories.get(deps.settings.territoryId);
  const source = lineSourceOf(file, {
    formats: profile ? [formatOfMappingProfile(profile)] : deps.formats,
    rights: uploadRightsOf(territory, record.anchorId),
    maxRejectedRatio: deps.settings.maxRejectedRatio,
    headerSearchRows: profile?.headerLine ? Math.max(profile.headerLine, HEADER_SEARCH_ROWS) : undefined,
    holderSplit: deps.settings.holderSplit,
    inferColumns: !profile,
  });
  const rejects = new RejectsFile();
  const alreadyWritten = record.linesWritten ?? 0;
  let lines = 0;
  let lastSequence = 0;
  let failure: string | undefined;
  let lineFile: LineFileWriter | undefined;
  // Lines a paused run already stored are in its file: this run's file starts after them.
  const store = async (accepted: readonly SpendLine[]) => {
    const fresh = accepted.filter((line) => line.sequence > alreadyWritten);
    const kind = source.format?.kind;
    if (fresh.length === 0 || !kind) return;
    lineFile ??= deps.lineFiles.writer({ id: record.id, anchorId: record.anchorId, kind });
    await lineFile.write(fresh);
  };
  let summary: ReturnType<typeof source.finish> | undefined;
  try {
    try {
      for (let pushed = await source.pushBatch(); pushed !== 'done'; pushed = await source.pushBatch()) {
        if (!pushed.ok) {
          failure = pushed.reason;
          break;
        }
        const accepted = source.drainLines();
        lines += accepted.length;
        lastSequence = accepted.at(-1)?.sequence ?? lastSequence;
        await store(accepted);
        rejects.add(source.drainRejections());
        deps.onProgress?.({ bytes: file.bytesRead(), lines });
        if (deps.remainingMs && deps.remainingMs() < CONTINUE_BEFORE_MS) {
          await lineFile?.close();
          return pause(deps, record, Math.max(alreadyWritten, lastSequence));
        }
      }
    } finally {
      // A file rejected part-way, or paused, is not read on: its body is released now, not left open.
      await source.close();
    }
    summary = failure ? undefined : source.finish();
    await store(source.drainLines());
    await lineFile?.close();
  } catch (error) {
    // The line file being written is given up, the run is FAILED and retried: the error that says
    // why matters more than a failure to abort the upload (the bucket's lifecycle clears those).
    await lineFile?.abandon().catch(() => undefined);
    throw error;
  }
  rejects.add(source.drainRejections());
  const rejectsKey = `rejects/${record.id}.csv`;
  await deps.objects.put(
    { bucket: deps.settings.rejectsBucket, key: rejectsKey },
    rejects.toString(),
    'text/csv; charset=utf-8',
  );
  const format = source.format;
  const read: DatasetRecord = {
    ...record,
    encoding: file.encoding,
    ...(file.shape === 'delimited' ? { delimiter: file.delimiter } : {}),
    ...(format ? { format: format.id, kind: format.kind, currency: format.currency } : {}),
    rejectsKey,
  };
  if (!summary) return finish(deps, read, 'REJECTED', failure);
  if (!summary.ok) return finish(deps, read, 'REJECTED', summary.reason);
  const counted = withSummary(read, summary.value, source.rollups.suppliers, file.contentSha256());
  if (counted.requestedKind && counted.kind && counted.requestedKind !== counted.kind) {
    const message = `the file was uploaded as ${counted.requestedKind} but it is a ${counted.kind} file: upload it as ${counted.kind}`;
    return finish(deps, counted, 'REJECTED', message);
  }
  // A report adds amounts of one currency only: a £ file in a € territory would be counted in
  // nothing and stop every report of its anchor, so it is refused here, before its content is claimed.
  if (format && territory && format.currency !== territory.currency) {
    const message = `the file's amounts are in ${format.currency} but ${territory.name} counts in ${territory.currency}: a report adds one currency only; upload files in ${territory.currency}, or analyse this file with a ${format.currency} territory`;
    return finish(deps, counted, 'REJECTED', message);
  }
  const duplicateOf = await claimContent(retiring(deps), file.contentSha256(), counted, deps.clock.now());
  if (duplicateOf)
    return finish(deps, { ...counted, duplicateOf }, 'REJECTED', duplicateMessage(duplicateOf));
  await deps.datasets.putRollups(record.id, source.rollups.records());
  return finish(deps, counted, 'INGESTED');
}

/**
 * Checkpoints a run that is about to be cut off: the lines written so far are kept, the lease is
 * released at once, and the next delivery of the same event continues from there.
 */
async function pause(
  deps: IngestDependencies,
  record: DatasetRecord,
  linesWritten: number,
): Promise<IngestOutcome> {
  const now = deps.clock.now();
  const dataset: DatasetRecord = {
    ...record,
    linesWritten,
    leaseUntil: now.toISOString(),
    updatedAt: now.toISOString(),
    message: `paused after ${linesWritten} lines, near the time limit of one run: it goes on in the next`,
  };
  await deps.datasets.saveDataset(dataset);
  return { outcome: 'continued', dataset };
}

async function finish(
  deps: IngestDependencies,
  record: DatasetRecord,
  status: 'INGESTED' | 'REJECTED' | 'FAILED',
  message?: string,
): Promise<IngestOutcome> {
  // Line files exist for counted datasets only: what a rejected or failed run stored goes.
  if (status !== 'INGESTED') await removeLineFiles(deps.lineFiles, record);
  const done = settled(record, status, deps.clock.now(), message);
  // Counted, but not yet compared with the uploader's other files: the portal waits for that.
  const dataset: DatasetRecord = status === 'INGESTED' ? { ...done, overlapsPending: true } : done;
  await deps.datasets.saveDataset(dataset);
  if (status === 'INGESTED') return { outcome: 'ingested', dataset, superseded: 0 };
  return { outcome: status === 'REJECTED' ? 'rejected' : 'failed', dataset };
}

/** Removes a dataset's line files, under whichever kind it was read as (unknown before its header). */
export async function removeLineFiles(lineFiles: LineFiles, record: DatasetRecord): Promise<void> {
  const kinds = record.kind ? [record.kind] : (['payments', 'contracts'] as const);
  for (const kind of kinds) await lineFiles.remove({ id: record.id, anchorId: record.anchorId, kind });
}

/** The datasets, as the steps that may retire one see them: retiring also removes its line files. */
const retiring = (deps: IngestDependencies) => removingLineFilesOnRetire(deps.datasets, deps.lineFiles);
