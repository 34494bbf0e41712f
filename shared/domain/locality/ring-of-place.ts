import type { FrenchGeography } from '../geography/french-geography.ts';
import { ABROAD, type Ring, type Territory, UNKNOWN } from '../territory/territory.ts';
import type { Place } from './place.ts';

export interface RingAnswer {
  readonly ring: string;
  /**
   * The candidates of a postcode, or the communes of a département, fell in different rings: the
   * answer is the ring they all share.
   */
  readonly ambiguous: boolean;
}

function ringContainsCommune(ring: Ring, code: string, geography: FrenchGeography): boolean {
  if (ring.communes?.includes(code) || ring.communes?.includes(geography.canonicalCommune(code))) return true;
  const departement = geography.departementOfCommune(code);
  return departement !== undefined && ringContainsDepartement(ring, departement, geography);
}

function ringContainsDepartement(ring: Ring, departement: string, geography: FrenchGeography): boolean {
  if (ring.departements?.includes(departement)) return true;
  const region = geography.regionOfDepartement(departement);
  if (region !== undefined && ring.regions?.includes(region)) return true;
  return ring.countries?.includes('FR') ?? false;
}

function ringContainsUkPlace(
  ring: Ring,
  place: { postcode?: string | undefined; localAuthority?: string | undefined },
): boolean {
  if (place.localAuthority && ring.localAuthorities?.includes(place.localAuthority)) return true;
  const district = place.postcode?.split(' ')[0] ?? '';
  const area = /^[A-Z]+/.exec(district)?.[0] ?? '';
  return (
    (district !== '' && (ring.postcodeDistricts?.includes(district) ?? false)) ||
    (area !== '' && (ring.postcodeAreas?.includes(area) ?? false)) ||
    (ring.countries?.includes('GB') ?? false)
  );
}

function firstRing(territory: Territory, contains: (ring: Ring) => boolean): string | undefined {
  return territory.rings.find(contains)?.id;
}

/**
 * The most local ring containing the place. The last ring is the territory's country (the schema
 * checks it), so a place outside every ring is abroad; no place at all is unknown.
 */
export function ringOfPlace(
  place: Place | undefined,
  territory: Territory,
  geography: FrenchGeography,
): RingAnswer {
  if (!place) return { ring: UNKNOWN, ambiguous: false };
  switch (place.kind) {
    case 'communes': {
      const all = firstRing(territory, (ring) =>
        place.codes.every((code) => ringContainsCommune(ring, code, geography)),
      );
      const any = firstRing(territory, (ring) =>
        place.codes.some((code) => ringContainsCommune(ring, code, geography)),
      );
      // Only a postcode's candidates make an answer ambiguous; an area (an EPCI) is one place.
      return { ring: all ?? ABROAD, ambiguous: place.alternatives && all !== any };
    }
    case 'departement': {
      const whole = firstRing(territory, (ring) => ringContainsDepartement(ring, place.code, geography));
      const part = firstRing(
        territory,
        (ring) =>
          ringContainsDepartement(ring, place.code, geography) ||
          (ring.communes?.some((code) => geography.departementOfCommune(code) === place.code) ?? false),
      );
      // Isère holds Grenoble: a supplier known only to be in Isère may be in the city, so it is
      // ambiguous rather than a located leak, like a postcode whose communes straddle rings.
      return { ring: whole ?? ABROAD, ambiguous: whole !== part };
    }
    case 'uk-place':
      return {
        ring: firstRing(territory, (ring) => ringContainsUkPlace(ring, place)) ?? ABROAD,
        ambiguous: false,
      };
    case 'country':
      return {
        ring: firstRing(territory, (ring) => ring.countries?.includes(place.code) ?? false) ?? ABROAD,
        ambiguous: false,
      };
  }
}
