import type { FrenchGeography } from '../geography/french-geography.ts';
import { sirenOf } from '../identifiers.ts';
import type { SupplierIdentity } from '../spend-line.ts';
import type { SupplierProfile } from '../supplier-profile.ts';
import { type LocatedPlace, NOWHERE } from './place.ts';
import { communesOfPostcode, placeOfFact } from './place-of-fact.ts';

export interface SupplierLocation {
  /** The establishment that delivers: "based or with a branch in" the area. */
  readonly establishment: LocatedPlace;
  /** Where the supplier is controlled. Unknown unless something says so: never a copy. */
  readonly headOffice: LocatedPlace;
}

type Step = () => LocatedPlace | undefined;

const firstAnswer = (steps: readonly Step[]): LocatedPlace => {
  for (const step of steps) {
    const answer = step();
    if (answer?.place) return answer;
  }
  return NOWHERE;
};

/** A commune or an EPCI is located by its own SIREN: the geography knows both. */
function publicBody(identity: SupplierIdentity, geography: FrenchGeography): LocatedPlace | undefined {
  const identifier = identity.identifier;
  if (!identifier || (identifier.scheme !== 'siret' && identifier.scheme !== 'siren')) return undefined;
  const siren = sirenOf(identifier.value);
  const commune = geography.communeOfSiren(siren);
  if (commune)
    return { place: { kind: 'communes', codes: [commune], alternatives: false }, source: 'public-body' };
  const epci = geography.epci(siren);
  if (epci)
    return { place: { kind: 'communes', codes: epci.members, alternatives: false }, source: 'public-body' };
  return undefined;
}

function foreign(identity: SupplierIdentity): LocatedPlace | undefined {
  const identifier = identity.identifier;
  if (identifier?.scheme === 'vat' && identifier.country !== 'FR') {
    return { place: { kind: 'country', code: identifier.country }, source: 'foreign-identifier' };
  }
  return undefined;
}

function fromFile(identity: SupplierIdentity, geography: FrenchGeography): LocatedPlace | undefined {
  const country = identity.country;
  if (identity.communeCode && geography.departementOfCommune(identity.communeCode)) {
    return {
      place: { kind: 'communes', codes: [identity.communeCode], alternatives: false },
      source: 'file-commune',
    };
  }
  if (!identity.postcode || (country !== undefined && country !== 'FR' && country !== 'GB')) return undefined;
  if (/^[A-Z]/.test(identity.postcode)) {
    return { place: { kind: 'uk-place', postcode: identity.postcode }, source: 'file-postcode' };
  }
  const communes = communesOfPostcode(identity.postcode, identity.commune, geography);
  if (communes.length > 0) {
    return { place: { kind: 'communes', codes: communes, alternatives: true }, source: 'file-postcode' };
  }
  const departement = geography.departementOfPostcode(identity.postcode);
  return departement
    ? { place: { kind: 'departement', code: departement }, source: 'postcode-departement' }
    : undefined;
}

function fromProfile(
  fact: SupplierProfile['establishment'],
  geography: FrenchGeography,
): LocatedPlace | undefined {
  if (!fact) return undefined;
  const place = placeOfFact(fact.value, geography);
  if (!place) return undefined;
  const source =
    fact.source === 'override' || fact.source === 'registry' || fact.source === 'directory'
      ? fact.source
      : 'file-postcode';
  return { place, source };
}

/**
 * Locates a supplier in both views, each from its strongest evidence (DESIGN §5): override >
 * registry (establishment for a SIRET, head office for a SIREN) > the file's commune or postcode >
 * the postcode's département > the geography for public bodies > a foreign identifier or country.
 */
export function locateSupplier(
  identity: SupplierIdentity,
  profile: SupplierProfile | undefined,
  geography: FrenchGeography,
): SupplierLocation {
  const fileCountry = (): LocatedPlace | undefined =>
    identity.country && identity.country !== 'FR'
      ? { place: { kind: 'country', code: identity.country }, source: 'file-country' }
      : undefined;
  return {
    establishment: firstAnswer([
      () => fromProfile(profile?.establishment, geography),
      // Known only by its SIREN, a supplier is placed at its head office (siège) in this view too.
      () =>
        identity.identifier?.scheme === 'siren' ? fromProfile(profile?.headOffice, geography) : undefined,
      () => fromFile(identity, geography),
      () => publicBody(identity, geography),
      () => foreign(identity),
      fileCountry,
    ]),
    headOffice: firstAnswer([
      () => fromProfile(profile?.headOffice, geography),
      () => publicBody(identity, geography),
      () => foreign(identity),
    ]),
  };
}
