import { StockUnreadableError } from '../../ports/registry-stock.ts';
import { type InflationLimits, inflationRefusal } from '../input-limits.ts';

/** Counts a stream's inflated bytes against the limits every file read is held to (input-limits.ts). */
export class InflationGuard {
  private inflated = 0;

  /** `what`: the thing named in the reason, such as "the zip entry". */
  constructor(
    private readonly location: string,
    private readonly limits: InflationLimits,
    private readonly what: string,
  ) {}

  /** Counts `bytes` more output for `compressed` input bytes read so far. */
  check(bytes: number, compressed: number): void {
    this.inflated += bytes;
    const refusal = inflationRefusal(this.inflated, compressed, this.limits, this.what);
    if (refusal) throw new StockUnreadableError(`${this.location}: ${refusal}`);
  }
}
