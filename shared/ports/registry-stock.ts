/** The two SIRENE stock files INSEE publishes, each as CSV (plain or zipped) and as Parquet. */
export type StockFile = 'etablissement' | 'unite-legale';

export type StockFormat = 'parquet' | 'zip' | 'csv.gz' | 'csv';

/** What was found under a stock base, and what the reading proved of it. */
export interface StockDescription {
  readonly file: StockFile;
  /** INSEE's own file name, e.g. `StockEtablissement_utf8.parquet`. */
  readonly name: string;
  readonly format: StockFormat;
  /** The URL or the path it was read from. */
  readonly location: string;
  readonly sizeBytes: number;
  /** When the publisher last changed it (HTTP `Last-Modified`), ISO; unknown for a file in a folder. */
  readonly publishedAt: string | undefined;
  /** The HTTP `ETag`, or size and mtime for a file: a change between two reads is a new stock. */
  readonly version: string;
}

/** A batch of stock rows: each row the asked columns' values in the asked order ('' when empty). */
export interface StockBatch {
  readonly rows: readonly (readonly string[])[];
  /** Data rows before this batch (the header is not a row). */
  readonly rowsBefore: number;
  /**
   * Where a later run may start again once this batch is handled (a Parquet row group's index + 1);
   * `undefined` when the format cannot be resumed mid-file (CSV, zip, gzip).
   */
  readonly resumeAt: number | undefined;
}

export interface StockRows {
  readonly description: StockDescription;
  /**
   * The rows, streamed in bounded memory. Throws `StockUnreadableError` when the file is damaged,
   * truncated, changed while being read (another `version`), or a column asked for as required is
   * missing. The last batch is only yielded once the whole file has been checked (its byte count,
   * and the zip entry's CRC-32 or gzip's own check).
   */
  batches(options?: { readonly resumeAt?: number }): AsyncIterable<StockBatch>;
}

export interface StockColumns {
  /** Columns whose absence makes the file unusable. */
  readonly required: readonly string[];
  /** Columns read when present ('' otherwise): INSEE adds and renames columns over time. */
  readonly optional: readonly string[];
}

/**
 * A place holding SIRENE stock files under INSEE's names (`StockEtablissement_utf8.parquet|.zip|.csv.gz|.csv`,
 * `StockUniteLegale_utf8.…`): an HTTP(S) base URL or a folder. Parquet is preferred (read by column,
 * row group by row group), then zip, gzip and plain CSV.
 */
export interface RegistryStockSource {
  /** `undefined` when the base holds none of the file's names. Rows carry `required` then `optional`. */
  open(file: StockFile, columns: StockColumns): Promise<StockRows | undefined>;
}

/** The stock cannot be used: a one-line reason an officer can act on. */
export class StockUnreadableError extends Error {
  override readonly name = 'StockUnreadableError';
}
