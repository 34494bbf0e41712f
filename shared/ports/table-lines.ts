import type { SpendLine } from '../domain/spend-line.ts';

/**
 * The line items versions before the line files wrote to the table, one per counted line: two write
 * units of storage each, read by nothing any more. Read once to move them into line files, then
 * deleted (docs/operations.md).
 */
export interface TableLines {
  /** The dataset's line items in sequence order, streamed: a page of each partition in memory, never all. */
  read(datasetId: string): AsyncIterable<SpendLine>;
  /** Deletes every line item of the dataset; returns how many there were (0: none left). */
  remove(datasetId: string): Promise<number>;
}
