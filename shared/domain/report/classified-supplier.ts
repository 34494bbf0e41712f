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
  /** Establishment view: the band, what located it, and whether a postcode left it ambiguous. */
  readonly ring: string;
  readonly ringSource: LocalitySource;
  readonly ambiguous: boolean;
  /** Head-office view: `unknown` unless something locates the head office itself. */
  readonly headOfficeRing: string;
  readonly headOfficeSource: LocalitySource;
  readonly type: string;
  readonly typeSource: string;
  /** What decided the type: a legal form's subcategory (`scop`), `scic`, `cae`, `cic`, the size evidence… */
  readonly typeDetail: string | undefined;
  /** Whether a registry or the anchor's directory knows this supplier (else: fix it first). */
  readonly matched: boolean;
}
