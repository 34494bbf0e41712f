import type { EstablishmentFacts, UnitFacts } from '../domain/registry/supplier-facts.ts';

/** Which public company-search service answered. */
export type LookupProvider = 'recherche-entreprises' | 'api-sirene';

export type LookupAnswer =
  /** The register knows it: its legal unit, the establishment asked for and the head office when given. */
  | {
      readonly status: 'found';
      readonly unit: UnitFacts | undefined;
      readonly establishments: readonly EstablishmentFacts[];
    }
  /** The provider answered that no such SIRET/SIREN exists (or it is not public). */
  | { readonly status: 'not-found' }
  /**
   * No answer worth caching: timeout, 5xx or 429 after the retries allowed; `offline` when the
   * service could not even be reached (no network): asking anything else this run is pointless.
   */
  | { readonly status: 'unavailable'; readonly reason: string; readonly offline?: true };

/**
 * A company-search API asked about one SIRET (14 digits) or SIREN (9 digits) at a time, within the
 * provider's rate limit. Facts it returns carry `via` (the provider) and `retrievedOn` (the day asked).
 */
export interface CompanyLookup {
  readonly provider: LookupProvider;
  lookup(identifier: string): Promise<LookupAnswer>;
}
