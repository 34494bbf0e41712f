import type { StockDescription } from '../../ports/registry-stock.ts';

/**
 * One stock file found under a base, readable whole or by slices. Both ways check what they read
 * against `description` (its size and version) and throw `StockUnreadableError` on any mismatch.
 */
export interface StockLocation {
  readonly description: StockDescription;
  /** The file from its first byte to its last; ends only once the byte count is the announced size. */
  wholeFile(): AsyncIterable<Uint8Array>;
  /** Bytes `[start, end)`, read from the same version of the file. */
  slice(start: number, end: number): Promise<Uint8Array>;
  /** Throws when the file is no longer the version described. */
  assertUnchanged(): Promise<void>;
}

export const changedWhileRead = (description: StockDescription, detail: string): string =>
  `${description.location} changed while being read (${detail}): start again on the new stock`;
