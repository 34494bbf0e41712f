/** Where a supplier is, as precisely as the evidence allows; the resolver turns it into a ring. */
export type Place =
  /**
   * Communes: `alternatives` when they are a postcode's candidates (the supplier is in one of them),
   * not when they are an area the supplier covers (an EPCI's members).
   */
  | { readonly kind: 'communes'; readonly codes: readonly string[]; readonly alternatives: boolean }
  | { readonly kind: 'departement'; readonly code: string }
  /** A UK place: a postcode, a local-authority code (from the council's supplier directory), or both. */
  | {
      readonly kind: 'uk-place';
      readonly postcode?: string | undefined;
      readonly localAuthority?: string | undefined;
    }
  | { readonly kind: 'country'; readonly code: string };

/** Which evidence located a supplier; counted in the report's coverage. */
export const LOCALITY_SOURCES = [
  'override',
  'registry',
  'directory',
  'file-commune',
  'file-postcode',
  'postcode-departement',
  'public-body',
  'foreign-identifier',
  'file-country',
  'none',
] as const;
export type LocalitySource = (typeof LOCALITY_SOURCES)[number];

export interface LocatedPlace {
  readonly place: Place | undefined;
  readonly source: LocalitySource;
}

export const NOWHERE: LocatedPlace = { place: undefined, source: 'none' };
