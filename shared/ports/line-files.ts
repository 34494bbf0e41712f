import type { DatasetKind } from '../domain/dataset-kind.ts';
import type { SpendLine } from '../domain/spend-line.ts';

/** The dataset a set of line files belongs to: its folder is built from these (`linesFolder`). */
export interface LinesOwner {
  readonly id: string;
  readonly anchorId: string;
  readonly kind: DatasetKind;
}

/** Streams a dataset's counted lines into its line files, in sequence order, with bounded memory. */
export interface LineFileWriter {
  write(lines: readonly SpendLine[]): Promise<void>;
  /** Stores what is still buffered: the set is complete once this returns. */
  close(): Promise<void>;
  /** Gives up the file being written (the ingest failed): nothing of it is stored, nothing keeps running. */
  abandon(): Promise<void>;
}

export interface LinePage {
  readonly lines: readonly SpendLine[];
  /** More lines match after these. */
  readonly more: boolean;
}

/**
 * The normalised lines of each counted dataset, as columnar files (docs/athena.md): written while
 * ingesting, read by the drill-down, queried at scale by Athena.
 */
export interface LineFiles {
  /**
   * A writer of the dataset's next file. The file's key is its first line's sequence: a retry of the
   * same run rewrites the same keys, and a run continuing a paused ingest adds a file after them.
   */
  writer(owner: LinesOwner): LineFileWriter;
  /** One supplier's lines (or all of them), in file order, from `offset`, at most `limit`. */
  read(
    owner: LinesOwner,
    query: { readonly supplierKey?: string | undefined; readonly offset: number; readonly limit: number },
  ): Promise<LinePage>;
  /** Deletes the dataset's line files: done when it is rejected, superseded or retired. */
  remove(owner: LinesOwner): Promise<void>;
}
