import { legalCategoryCode, legalCategoryOf } from './legal-categories.ts';
import { type MarkerPlace, markerFinder, nameWords } from './name-words.ts';

export type AnchorType =
  | 'commune'
  | 'epci'
  | 'departement'
  | 'region'
  | 'hospital'
  | 'university'
  | 'social-housing'
  | 'ccas'
  | 'other-public'
  | 'unknown';

/**
 * Anchors by catégorie juridique. Beyond DESIGN §3's list: the parts of a commune (associated or
 * delegated commune, section, Paris/Lyon/Marseille sector) count as the commune; the 734x
 * intercommunal bodies and the SIVU 7353 as EPCI, except 7341, a commune sector; inter-hospital
 * syndicates 7365 and public health-cooperation groupings 7470 as hospitals; CIAS 7367 with CCAS;
 * the private social landlords (SA d'HLM 5546/5646, HLM cooperatives 5547/5647) with the OPH.
 */
const ANCHOR_OF_CODE: ReadonlyMap<string, AnchorType> = new Map([
  ...['7210', '7312', '7313', '7341'].map((code) => [code, 'commune'] as const),
  ...['7340', '7342', '7343', '7344', '7345', '7346', '7347', '7348', '7349', '7353'].map(
    (code) => [code, 'epci'] as const,
  ),
  ['7220', 'departement'],
  ['7230', 'region'],
  ...['7364', '7365', '7470'].map((code) => [code, 'hospital'] as const),
  ['7383', 'university'],
  ...['7371', '5546', '5646', '5547', '5647'].map((code) => [code, 'social-housing'] as const),
  ...['7361', '7367'].map((code) => [code, 'ccas'] as const),
]);

/** Name markers, first match wins: the specific bodies before the communes whose names they contain. */
const ANCHOR_MARKERS: readonly {
  readonly type: AnchorType;
  readonly phrases: readonly string[];
  readonly place?: MarkerPlace;
}[] = [
  {
    type: 'ccas',
    phrases: ['ccas', 'cias', 'centre communal d action sociale', 'centre intercommunal d action sociale'],
  },
  {
    type: 'hospital',
    phrases: [
      'chu',
      'chru',
      'centre hospitalier',
      'hopital',
      'hopitaux',
      'hospices civils',
      'nhs foundation trust',
      'nhs trust',
      'hospital',
      'hospitals',
    ],
  },
  { type: 'university', phrases: ['universite', 'university'] },
  {
    type: 'social-housing',
    phrases: ['oph', 'opac', 'office public de l habitat', 'office public d habitat', 'housing association'],
  },
  {
    type: 'epci',
    phrases: [
      'metropole',
      'communaute de communes',
      'communaute d agglomeration',
      'communaute urbaine',
      'syndicat intercommunal',
      'sivom',
      'sivu',
    ],
  },
  { type: 'departement', phrases: ['conseil departemental', 'conseil general', 'county council'] },
  { type: 'departement', place: 'start', phrases: ['departement'] },
  { type: 'region', phrases: ['conseil regional'] },
  { type: 'region', place: 'start', phrases: ['region'] },
  {
    type: 'commune',
    phrases: ['city council', 'borough council', 'district council', 'town council', 'parish council'],
  },
  { type: 'commune', place: 'start', phrases: ['ville de', 'ville d', 'commune de', 'commune d', 'mairie'] },
  {
    type: 'other-public',
    phrases: [
      'syndicat mixte',
      'tresor public',
      'dgfip',
      'urssaf',
      'prefecture',
      'council',
      'police',
      'hmrc',
      'nhs',
    ],
  },
];

const findAnchorMarker = markerFinder(
  ANCHOR_MARKERS.flatMap((marker) =>
    marker.phrases.map((phrase) => ({ phrase, place: marker.place ?? 'anywhere', value: marker.type })),
  ),
);

const anchorOfName = (name: string): AnchorType => findAnchorMarker(nameWords(name))?.value ?? 'unknown';

/**
 * An anchor institution's kind, from its catégorie juridique when the registry knows it (any other
 * public code is `other-public`, a private one `unknown`), else from its name.
 */
export function classifyAnchor(legalCategory: string | undefined, name: string): AnchorType {
  const category = legalCategory === undefined ? undefined : legalCategoryOf(legalCategory);
  if (legalCategory === undefined || category === undefined) return anchorOfName(name);
  const anchor = ANCHOR_OF_CODE.get(legalCategoryCode(legalCategory));
  return anchor ?? (category.cwb === 'public' ? 'other-public' : 'unknown');
}
