import type { LocalitySource } from '../locality/place.ts';

/** A supplier as a report sees it: spend merged across datasets, located and typed. */
export interface ClassifiedSupplier {
  readonly key: string;
  readonly name: string;
  readonly identifier: string | undefined;
  readonly postcode: string | undefined;
  readonly anchorIds: readonly string[];
  readonly amountCents: number;
  /** Spend left once exclusion rules and grants are taken out. */
  readonly influenceableCents: number;
  readonly lines: number;
  readonly ring: string;
  readonly ringSource: LocalitySource;
  readonly ambiguous: boolean;
  readonly type: string;
  readonly typeSource: string;
}
