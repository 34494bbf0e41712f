import { foldForMatch, isAsciiDigits, memoised } from './text.ts';

/** A French postcode as 5 digits: spreadsheets drop the leading zero of Ain, Aisne… ("1000" → "01000"). */
export function normaliseFrenchPostcode(raw: string): string | undefined {
  if (raw.length === 5 && isAsciiDigits(raw)) return raw;
  const compact = raw.replace(/\s/g, '');
  if (/^\d{5}$/.test(compact)) return compact;
  if (/^\d{4}$/.test(compact)) return `0${compact}`;
  return undefined;
}

/** A UK postcode upper-cased with one space before the inward code ("ox1 1aa" → "OX1 1AA"). */
export function normaliseUkPostcode(raw: string): string | undefined {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  const match = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(compact);
  return match ? `${match[1]} ${match[2]}` : undefined;
}

/** The outward code (postcode district) of a UK postcode: "OX4 2HN" → "OX4". */
export function ukPostcodeDistrict(postcode: string): string {
  return postcode.split(' ')[0] ?? postcode;
}

const COUNTRY_NAMES = new Map<string, string>([
  ['france', 'FR'],
  ['fr', 'FR'],
  ['fra', 'FR'],
  ['royaume uni', 'GB'],
  ['united kingdom', 'GB'],
  ['uk', 'GB'],
  ['gb', 'GB'],
  ['allemagne', 'DE'],
  ['germany', 'DE'],
  ['belgique', 'BE'],
  ['belgium', 'BE'],
  ['suisse', 'CH'],
  ['switzerland', 'CH'],
  ['italie', 'IT'],
  ['italy', 'IT'],
  ['espagne', 'ES'],
  ['spain', 'ES'],
  ['luxembourg', 'LU'],
  ['pays bas', 'NL'],
  ['netherlands', 'NL'],
  ['irlande', 'IE'],
  ['ireland', 'IE'],
  ['etats unis', 'US'],
  ['united states', 'US'],
  ['usa', 'US'],
]);

/**
 * An ISO 3166 alpha-2 code from a country column ("France", "FR", "Allemagne"), or undefined.
 * Remembered: a file names a handful of countries, on every line.
 */
export const normaliseCountry = memoised(countryCodeOf, 1_000);

function countryCodeOf(raw: string): string | undefined {
  const folded = foldForMatch(raw);
  if (folded === '') return undefined;
  const known = COUNTRY_NAMES.get(folded);
  if (known) return known;
  return /^[a-z]{2}$/.test(folded) ? folded.toUpperCase() : undefined;
}
