import type { DatasetOverlap, DatasetRecord } from '../domain/dataset.ts';
import type { DatasetKind } from '../domain/dataset-kind.ts';
import type { SupplierRollup } from '../domain/ingest/supplier-rollup-record.ts';
import type { SupplierIdentity } from '../domain/spend-line.ts';

export type ClaimOutcome =
  /** `previous`: what an earlier attempt left (a checkpoint to continue from, when it paused). */
  | { readonly claimed: true; readonly record: DatasetRecord; readonly previous?: DatasetRecord }
  | { readonly claimed: false; readonly existing: DatasetRecord };

/** Why a counted dataset stops counting: another dataset holds its spend. */
export type Retirement =
  /** A newer upload of the same file, or a file that holds all its lines. */
  | { readonly status: 'SUPERSEDED'; readonly supersededBy: string; readonly message: string }
  /** The same bytes, uploaded earlier under another dataset. */
  | { readonly status: 'REJECTED'; readonly duplicateOf: string; readonly message: string };

/**
 * Where datasets, their lines and their per-supplier rollups live. Every write is keyed
 * deterministically, so a retried ingest overwrites what a crashed one wrote instead of adding to it.
 */
/**
 * A file's bytes as one uploader's: the same bytes from two institutions are two uploads, each
 * counting its own lines, and neither learns of the other's.
 */
export interface ContentOfUploader {
  readonly uploaderId: string;
  readonly contentSha256: string;
}

export interface DatasetStore {
  /**
   * Claims the dataset for ingest: succeeds when it is new, or when an earlier attempt was left
   * INGESTING past its lease (a crash). Otherwise returns what is there.
   */
  claimDataset(record: DatasetRecord, now: Date): Promise<ClaimOutcome>;
  putRollups(datasetId: string, rollups: Iterable<SupplierRollup>): Promise<void>;
  /**
   * Records that this content, as uploaded by this uploader, belongs to a dataset; returns the dataset
   * that owned it first.
   */
  claimContent(content: ContentOfUploader, datasetId: string): Promise<string>;
  /** Moves a content claim from one dataset to another, only if `from` still holds it. */
  transferContent(content: ContentOfUploader, from: string, to: string): Promise<boolean>;
  saveDataset(record: DatasetRecord): Promise<void>;
  /**
   * Takes an INGESTED dataset out of the count, by a write conditional on it being unchanged since it
   * was read. False when it is not INGESTED, or changed meanwhile (read it again to know why).
   */
  retire(datasetId: string, retirement: Retirement, now: Date): Promise<boolean>;
  /**
   * Points a SUPERSEDED dataset at the dataset that now holds its spend, when the one it named was
   * superseded in turn; only if it still names `from`.
   */
  repoint(
    datasetId: string,
    from: string,
    retirement: Extract<Retirement, { status: 'SUPERSEDED' }>,
    now: Date,
  ): Promise<boolean>;
  /**
   * Records on an INGESTED dataset the spend it shares with others (replacing what it said of them),
   * and forgets what it said of datasets no longer `counted` (a copy retired as a duplicate since).
   */
  noteOverlaps(
    datasetId: string,
    overlaps: readonly DatasetOverlap[],
    counted: ReadonlySet<string>,
    now: Date,
  ): Promise<boolean>;
  /** Clears `overlapsPending` on an INGESTED dataset: it has been compared with the others. */
  markOverlapsSettled(datasetId: string, now: Date): Promise<boolean>;
  getDataset(datasetId: string): Promise<DatasetRecord | undefined>;
  listDatasets(filter: { readonly kind?: DatasetKind; readonly anchorId?: string }): Promise<DatasetRecord[]>;
  readRollups(datasetId: string): Promise<SupplierRollup[]>;
  /** The supplier of each rollup, and nothing else of it: what the register must know of a dataset. */
  readRollupSuppliers(datasetId: string): Promise<SupplierIdentity[]>;
  /** Removes the rollups of a dataset that no longer counts, so it does not look as if it did. */
  deleteRollups(datasetId: string): Promise<void>;
}
