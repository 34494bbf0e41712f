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
  /** Decompressed bytes beyond this are refused (a national CSV is ~7 GB). Default 16 GiB. */
  readonly maxInflatedBytes?: number;
  /** Decompressed bytes per compressed byte beyond this are refused (a zip bomb, not a CSV). Default 100. */
  readonly maxInflationRatio?: number;
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
    maxInflatedBytes: options.maxInflatedBytes ?? 16 * 1024 ** 3,
    maxInflationRatio: options.maxInflationRatio ?? 100,
    rowsPerBatch: options.rowsPerBatch ?? 10_000,
    fetch: options.fetch ?? globalThis.fetch,
  };
}
