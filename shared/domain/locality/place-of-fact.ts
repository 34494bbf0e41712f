import type { FrenchGeography } from '../geography/french-geography.ts';
import type { PlaceFact } from '../supplier-profile.ts';
import { normaliseCommuneName } from './commune-name.ts';
import type { Place } from './place.ts';

const named = (candidates: readonly string[], communeName: string, geography: FrenchGeography) => {
  const wanted = normaliseCommuneName(communeName);
  return candidates.filter((code) => normaliseCommuneName(geography.communeName(code) ?? '') === wanted);
};

/**
 * A département's communes by normalised name, built once per geography and département: every
 * CEDEX supplier of a report looks its commune up among the same few hundred names.
 */
const byNameIndexes = new WeakMap<FrenchGeography, Map<string, Map<string, string[]>>>();
function communesNamedIn(departement: string, communeName: string, geography: FrenchGeography): string[] {
  let indexes = byNameIndexes.get(geography);
  if (!indexes) {
    indexes = new Map();
    byNameIndexes.set(geography, indexes);
  }
  let byName = indexes.get(departement);
  if (!byName) {
    byName = new Map();
    for (const code of geography.communesOfDepartement(departement)) {
      const name = normaliseCommuneName(geography.communeName(code) ?? '');
      byName.set(name, [...(byName.get(name) ?? []), code]);
    }
    indexes.set(departement, byName);
  }
  return byName.get(normaliseCommuneName(communeName)) ?? [];
}

/**
 * A postcode's communes, narrowed by a commune name when the file gives one ("Échirolles" among
 * the communes of 38130). A name that matches none leaves every candidate. A CEDEX postcode (38044)
 * belongs to a sorting office, not to a commune, so the postcode table knows no candidate: the
 * name ("Grenoble Cedex 9") is then sought among the communes of the postcode's département.
 */
export function communesOfPostcode(
  postcode: string,
  communeName: string | undefined,
  geography: FrenchGeography,
): readonly string[] {
  const candidates = geography.communesOfPostcode(postcode);
  if (!communeName) return candidates;
  if (candidates.length === 0) {
    const departement = geography.departementOfPostcode(postcode);
    return departement ? communesNamedIn(departement, communeName, geography) : [];
  }
  if (candidates.length < 2) return candidates;
  const matching = named(candidates, communeName, geography);
  return matching.length > 0 ? matching : candidates;
}

/** A stated place (registry, directory, override) as a Place the rings understand. */
export function placeOfFact(fact: PlaceFact, geography: FrenchGeography): Place | undefined {
  if (fact.communeCode && geography.departementOfCommune(fact.communeCode)) {
    return { kind: 'communes', codes: [fact.communeCode], alternatives: false };
  }
  if (fact.localAuthority)
    return { kind: 'uk-place', postcode: fact.postcode, localAuthority: fact.localAuthority };
  if (fact.country && fact.country !== 'FR' && !(fact.country === 'GB' && fact.postcode)) {
    return { kind: 'country', code: fact.country };
  }
  if (fact.postcode) {
    if (/^[A-Z]/.test(fact.postcode)) return { kind: 'uk-place', postcode: fact.postcode };
    const communes = geography.communesOfPostcode(fact.postcode);
    if (communes.length > 0) return { kind: 'communes', codes: communes, alternatives: true };
    const departement = geography.departementOfPostcode(fact.postcode);
    if (departement) return { kind: 'departement', code: departement };
  }
  return fact.country ? { kind: 'country', code: fact.country } : undefined;
}
