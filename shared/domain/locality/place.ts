/** Where a supplier is, as precisely as the evidence allows; the resolver turns it into a ring. */
export type Place =
  | { readonly kind: 'communes'; readonly codes: readonly string[] }
  | { readonly kind: 'departement'; readonly code: string }
  | { readonly kind: 'uk-postcode'; readonly postcode: string }
  | { readonly kind: 'country'; readonly code: string };

/** Which evidence located a supplier; counted in the report's coverage. */
export const LOCALITY_SOURCES = [
  'file-commune',
  'file-postcode',
  'postcode-departement',
  'foreign-identifier',
  'file-country',
  'none',
] as const;
export type LocalitySource = (typeof LOCALITY_SOURCES)[number];

export interface LocatedPlace {
  readonly place: Place | undefined;
  readonly source: LocalitySource;
}
