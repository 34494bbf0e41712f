import type { FrenchGeography } from '../geography/french-geography.ts';
import type { PlaceFact } from '../supplier-profile.ts';
import { normaliseCommuneName } from './commune-name.ts';
import type { Place } from './place.ts';

/**
 * A postcode's communes, narrowed by a commune name when the file gives one ("Échirolles" among
 * the communes of 38130). A name that matches none leaves every candidate.
 */
export function communesOfPostcode(
  postcode: string,
  communeName: string | undefined,
  geography: FrenchGeography,
) {
  const candidates = geography.communesOfPostcode(postcode);
  if (!communeName || candidates.length < 2) return candidates;
  const wanted = normaliseCommuneName(communeName);
  const named = candidates.filter(
    (code) => normaliseCommuneName(geography.communeName(code) ?? '') === wanted,
  );
  return named.length > 0 ? named : candidates;
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
