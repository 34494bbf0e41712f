import type { StockBatch } from '../../ports/registry-stock.ts';

/**
 * Gathers rows into batches and hands them out one behind: a full batch leaves only once a row after
 * it is known, so the file's last batch is released by `finish` — called when the file has checked out.
 */
export class HeldBackBatches {
  private readonly ready: StockBatch[] = [];
  private current: string[][] = [];
  private rowsBefore = 0;

  constructor(private readonly rowsPerBatch: number) {}

  add(row: string[]): void {
    if (this.current.length === this.rowsPerBatch) {
      this.ready.push({ rows: this.current, rowsBefore: this.rowsBefore, resumeAt: undefined });
      this.rowsBefore += this.current.length;
      this.current = [];
    }
    this.current.push(row);
  }

  /** Batches that are surely not the last. */
  take(): StockBatch[] {
    return this.ready.splice(0);
  }

  /** The last batch (if any rows are left), once nothing more can follow. */
  finish(): StockBatch[] {
    const last =
      this.current.length > 0
        ? [{ rows: this.current, rowsBefore: this.rowsBefore, resumeAt: undefined }]
        : [];
    this.current = [];
    return [...this.ready.splice(0), ...last];
  }
}
