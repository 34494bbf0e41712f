import type { FrenchGeography } from '../geography/french-geography.ts';
import type { Ring, Territory } from './territory.ts';

/** One place a ring lists, of the kinds French geography can place inside another. */
type Place =
  | { readonly kind: 'commune'; readonly code: string }
  | { readonly kind: 'departement'; readonly code: string }
  | { readonly kind: 'region'; readonly code: string }
  | { readonly kind: 'country'; readonly code: string };

function placesOf(ring: Ring): Place[] {
  return [
    ...(ring.communes ?? []).map((code) => ({ kind: 'commune', code }) as const),
    ...(ring.departements ?? []).map((code) => ({ kind: 'departement', code }) as const),
    ...(ring.regions ?? []).map((code) => ({ kind: 'region', code }) as const),
    ...(ring.countries ?? []).map((code) => ({ kind: 'country', code }) as const),
  ];
}

function regionHolds(ring: Ring, departement: string | undefined, geography: FrenchGeography): boolean {
  const region = departement === undefined ? undefined : geography.regionOfDepartement(departement);
  return region !== undefined && (ring.regions ?? []).includes(region);
}

function holds(ring: Ring, place: Place, geography: FrenchGeography): boolean {
  if (place.kind === 'country') return (ring.countries ?? []).includes(place.code);
  if ((ring.countries ?? []).includes('FR')) return true;
  if (place.kind === 'region') return (ring.regions ?? []).includes(place.code);
  if (place.kind === 'departement') {
    if ((ring.departements ?? []).includes(place.code) || regionHolds(ring, place.code, geography))
      return true;
    // A département is held, too, by a ring listing each of its communes.
    const communes = geography.communesOfDepartement(place.code);
    return communes.length > 0 && communes.every((code) => (ring.communes ?? []).includes(code));
  }
  const departement = geography.departementOfCommune(place.code);
  return (
    (ring.communes ?? []).includes(place.code) ||
    (departement !== undefined && (ring.departements ?? []).includes(departement)) ||
    regionHolds(ring, departement, geography)
  );
}

const placeText = (place: Place, geography: FrenchGeography): string => {
  const name =
    place.kind === 'commune'
      ? geography.communeName(place.code)
      : place.kind === 'departement'
        ? geography.departementName(place.code)
        : place.kind === 'region'
          ? geography.regionName(place.code)
          : undefined;
  return name ? `${name} (${place.code})` : place.code;
};

/**
 * Why a French territory's rings do not nest, or undefined when each ring holds every place of the
 * one inside it. A supplier belongs to the first ring that contains it: a ring that leaves out places
 * of the one inside would report them further away than they are. UK places (postcodes, local
 * authorities) are not checked: no table of them is bundled.
 */
export function ringsNotNested(territory: Territory, geography: FrenchGeography): string | undefined {
  for (const [index, outer] of territory.rings.entries()) {
    const inner = territory.rings[index - 1];
    if (!inner) continue;
    const missing = placesOf(inner).find((place) => !holds(outer, place, geography));
    if (missing)
      return `ring "${outer.id}" does not contain ring "${inner.id}": ${placeText(missing, geography)} is in "${inner.id}" but not in "${outer.id}"`;
  }
  return undefined;
}
