import { StockUnreadableError } from '../../ports/registry-stock.ts';

/** Below this much output a high ratio is ordinary (a header-only or very repetitive small file). */
const RATIO_GRACE_BYTES = 1024 * 1024;

/** Refuses decompressed output that no stock file would produce: a zip bomb, or a wrong file. */
export class InflationGuard {
  private inflated = 0;

  constructor(
    private readonly location: string,
    private readonly limits: { readonly maxInflatedBytes: number; readonly maxInflationRatio: number },
  ) {}

  /** Counts `bytes` more output for `compressed` input bytes read so far. */
  check(bytes: number, compressed: number): void {
    this.inflated += bytes;
    if (this.inflated > this.limits.maxInflatedBytes) {
      throw new StockUnreadableError(
        `${this.location} inflates beyond ${this.limits.maxInflatedBytes} bytes, more than any stock file: refused`,
      );
    }
    if (this.inflated > RATIO_GRACE_BYTES && this.inflated > compressed * this.limits.maxInflationRatio) {
      throw new StockUnreadableError(
        `${this.location} inflates more than ${this.limits.maxInflationRatio} times its compressed size, as no CSV does: refused`,
      );
    }
  }
}
