import type { FrenchGeography } from '../geography/french-geography.ts';
import type { SupplierIdentity } from '../spend-line.ts';
import type { LocatedPlace } from './place.ts';

/**
 * Reads where a supplier is from what the file says, most precise evidence first: a commune code,
 * a postcode (its communes, or its département for CEDEX codes), a foreign VAT number, a country.
 * Nothing found is `none`: the report says unknown rather than guessing.
 */
export function locateSupplier(supplier: SupplierIdentity, geography: FrenchGeography): LocatedPlace {
  const country = supplier.country;
  if (supplier.communeCode && geography.departementOfCommune(supplier.communeCode)) {
    return { place: { kind: 'communes', codes: [supplier.communeCode] }, source: 'file-commune' };
  }
  if (supplier.postcode && (country === undefined || country === 'FR')) {
    if (/^[A-Z]/.test(supplier.postcode)) {
      return { place: { kind: 'uk-postcode', postcode: supplier.postcode }, source: 'file-postcode' };
    }
    const communes = geography.communesOfPostcode(supplier.postcode);
    if (communes.length > 0) return { place: { kind: 'communes', codes: communes }, source: 'file-postcode' };
    const departement = geography.departementOfPostcode(supplier.postcode);
    if (departement)
      return { place: { kind: 'departement', code: departement }, source: 'postcode-departement' };
  }
  const identifier = supplier.identifier;
  if (identifier?.scheme === 'vat' && identifier.country !== 'FR') {
    return { place: { kind: 'country', code: identifier.country }, source: 'foreign-identifier' };
  }
  if (country) return { place: { kind: 'country', code: country }, source: 'file-country' };
  return { place: undefined, source: 'none' };
}
