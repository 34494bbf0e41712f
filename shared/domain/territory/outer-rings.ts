import type { FrenchGeography } from '../geography/french-geography.ts';
import type { Ring } from './territory.ts';

export const both = (text: string) => ({ fr: text, en: text });

const FRANCE_RING: Ring = { id: 'france', label: both('France'), countries: ['FR'] };
const uniqueSorted = (values: Iterable<string>) => [...new Set(values)].sort();
const names = (codes: readonly string[], nameOf: (code: string) => string | undefined) =>
  codes.map((code) => nameOf(code) ?? code).join(', ');

/** Rings, and what a reader of the generated file should know about the ones that are not obvious. */
export interface GeneratedRings {
  readonly rings: Ring[];
  readonly notes: string[];
}

/** The places rings are drawn around, and what to call them in a note. */
export interface RingCentre {
  readonly name: string;
  readonly communes: readonly string[];
}

/**
 * The département, région and France rings around some communes. A ring holds every place of the
 * one inside it (a supplier belongs to the first ring that contains it, so a ring smaller than the
 * one inside would count its places as further away than they are): an EPCI that reaches into
 * several départements or régions gets a ring of all of them. A collectivité d'outre-mer belongs to
 * no département or no région: the ring is left out, and the note says so.
 */
export function outerRings(centre: RingCentre, geography: FrenchGeography): GeneratedRings {
  const departements = new Set<string>();
  for (const code of centre.communes) {
    const departement = geography.departementOfCommune(code);
    if (departement === undefined)
      return {
        rings: [FRANCE_RING],
        notes: [
          `no département or région ring: ${geography.communeName(code) ?? code} (${code}) is in no département (a collectivité d'outre-mer)`,
        ],
      };
    departements.add(departement);
  }
  return ringsAroundDepartements({ name: centre.name, departements: [...departements] }, geography);
}

/** The département ring of some départements, then their région(s) and France. */
export function ringsAroundDepartements(
  centre: { readonly name: string; readonly departements: readonly string[] },
  geography: FrenchGeography,
): GeneratedRings {
  const departements = uniqueSorted(centre.departements);
  const departementNames = names(departements, (code) => geography.departementName(code));
  const rings: Ring[] = [{ id: 'departement', label: both(departementNames), departements }];
  const notes: string[] = [];
  if (departements.length > 1)
    notes.push(
      `the département ring holds the ${departements.length} départements ${centre.name} reaches (${departementNames}), so that it holds all its communes`,
    );
  const regions: string[] = [];
  for (const code of departements) {
    const region = geography.regionOfDepartement(code);
    // The geography gives a collectivité d'outre-mer (975, 977, 978, 98x) its own code as its région.
    if (region === undefined || region === code) {
      notes.push(`no région ring: ${geography.departementName(code) ?? code} (${code}) is in no région`);
      return { rings: [...rings, FRANCE_RING], notes };
    }
    regions.push(region);
  }
  const regionCodes = uniqueSorted(regions);
  const regionNames = names(regionCodes, (code) => geography.regionName(code));
  rings.push({ id: 'region', label: both(regionNames), regions: regionCodes });
  if (regionCodes.length > 1)
    notes.push(
      `the région ring holds the ${regionCodes.length} régions ${centre.name} reaches (${regionNames}), so that it contains the département ring`,
    );
  return { rings: [...rings, FRANCE_RING], notes };
}
