import { DEFAULT_MAX_INFLATION_RATIO, type InflationLimits, inflationLimits } from '../input-limits.ts';

/** How patiently and how far a stock is read; every field has a default fit for INSEE's national files. */
export interface StockReadingOptions {
  /** An HTTP request with no answer (or no new body bytes) for this long is abandoned. Default 30 s. */
  readonly timeoutMs?: number;
  /** Tries per HTTP request on 429, 5xx and network errors. Default 3. */
  readonly attempts?: number;
  /** The first retry's wait, doubled at each retry, unless the server's `Retry-After` says more. Default 1 s. */
  readonly retryBaseDelayMs?: number;
  /** A `Retry-After` asking for longer than this is not honoured: the stock is reported unreadable. Default 120 s. */
  readonly maxRetryDelayMs?: number;
  /**
   * Decompressed bytes beyond `maxInflatedBytes` (default 16 GiB: a national CSV is ~7 GB), or more than
   * `maxRatio` times the compressed bytes (default 100, as for uploads), are refused.
   */
  readonly inflation?: InflationLimits;
  /** CSV rows per batch. Default 10 000. */
  readonly rowsPerBatch?: number;
  /** The `fetch` used over HTTP (tests may wrap it). Default the global one. */
  readonly fetch?: typeof fetch;
}

export type ResolvedReadingOptions = Required<StockReadingOptions>;

export function resolveReadingOptions(options: StockReadingOptions = {}): ResolvedReadingOptions {
  return {
    timeoutMs: options.timeoutMs ?? 30_000,
    attempts: options.attempts ?? 3,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 1_000,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 120_000,
    inflation: options.inflation ?? inflationLimits(16 * 1024, DEFAULT_MAX_INFLATION_RATIO),
    rowsPerBatch: options.rowsPerBatch ?? 10_000,
    fetch: options.fetch ?? globalThis.fetch,
  };
}
