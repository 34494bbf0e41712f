import { DecpJsonCore } from '../domain/decp/decp-json-core.ts';
import type { FormatProfile } from '../domain/formats/format-profile.ts';
import type { HolderSplit } from '../domain/holder-split.ts';
import { type DatasetSummary, IngestCore } from '../domain/ingest/index.ts';
import type { Rejection } from '../domain/ingest/rejection.ts';
import type { SupplierRollups } from '../domain/ingest/supplier-rollup.ts';
import type { Result } from '../domain/result.ts';
import type { SpendLine } from '../domain/spend-line.ts';
import type { UploadRights } from '../domain/territory/upload-rights.ts';
import type { OpenedFile } from '../ports/file-reader.ts';

/** What ingest needs of a file's records once they are read: lines, rejections, rollups, a verdict. */
export interface LineSource {
  readonly format: Pick<FormatProfile, 'id' | 'kind' | 'currency'> | undefined;
  readonly rollups: SupplierRollups;
  /** Feeds the next batch of records; a failure rejects the file as a whole. */
  pushBatch(): Promise<Result<void> | 'done'>;
  drainLines(): SpendLine[];
  drainRejections(): Rejection[];
  finish(): Result<DatasetSummary>;
  /** Stops reading: the file's stream is released, whether or not it was read to the end. */
  close(): Promise<void>;
}

interface Core<T> {
  readonly rollups: SupplierRollups;
  push(record: T): Result<void>;
  drainLines(): SpendLine[];
  drainRejections(): Rejection[];
  finish(): Result<DatasetSummary>;
}

function sourceOf<T>(
  core: Core<T>,
  batches: AsyncIterable<readonly T[]>,
  format: () => LineSource['format'],
): LineSource {
  const iterator = batches[Symbol.asyncIterator]();
  return {
    get format() {
      return format();
    },
    rollups: core.rollups,
    async pushBatch() {
      const next = await iterator.next();
      if (next.done) return 'done';
      for (const record of next.value) {
        const pushed = core.push(record);
        if (!pushed.ok) return pushed;
      }
      return { ok: true, value: undefined };
    },
    drainLines: () => core.drainLines(),
    drainRejections: () => core.drainRejections(),
    finish: () => core.finish(),
    async close() {
      await iterator.return?.();
    },
  };
}

export interface LineSourceOptions {
  readonly formats: readonly FormatProfile[];
  /** Who uploaded the file: the buyer of lines that name none, and the buyers its lines may name. */
  readonly rights: UploadRights;
  readonly maxRejectedRatio: number;
  readonly headerSearchRows?: number | undefined;
  readonly holderSplit: HolderSplit;
  /** Read the columns by inference when no format fits (not when a mapping profile names the layout). */
  readonly inferColumns: boolean;
}

/** The right core for the file's shape: DECP JSON contracts, or delimited rows matched by header. */
export function lineSourceOf(file: OpenedFile, options: LineSourceOptions): LineSource {
  if (file.shape === 'json') {
    const core = new DecpJsonCore({
      version: file.version,
      split: options.holderSplit,
      maxRejectedRatio: options.maxRejectedRatio,
      defaultAnchorId: options.rights.uploaderId,
      rights: options.rights,
    });
    return sourceOf(core, file.records, () => core.format);
  }
  const core = new IngestCore({
    formats: options.formats,
    defaultAnchorId: options.rights.uploaderId,
    rights: options.rights,
    delimiter: file.delimiter,
    maxRejectedRatio: options.maxRejectedRatio,
    headerSearchRows: options.headerSearchRows,
    holderSplit: options.holderSplit,
    redecodedLines: file.redecodedLines,
    inferColumns: options.inferColumns,
  });
  return sourceOf(core, file.rows, () => core.format);
}
