import type { SupplierType } from '../supplier-type.ts';
import { type MarkerPlace, markerFinder, nameWords } from './name-words.ts';

/**
 * Which markers apply: French ones, English ones, or both. `gb` markers (the bare word "CIC") apply
 * only to British suppliers: in France, CIC is a bank.
 */
type MarkerLanguage = 'fr' | 'en' | 'gb';

interface MarkerGroup {
  readonly language: MarkerLanguage;
  readonly type: SupplierType;
  /** Folded phrases; each is matched as whole words. */
  readonly phrases: readonly string[];
  /** The detail to report; the matched phrase when absent. */
  readonly detail?: string;
  readonly place?: MarkerPlace;
}

/**
 * Markers in order of strength, first match wins. Social-economy forms come first because they
 * travel with a legal form ("SCOP SARL", "SCIC SAS", "Co-operative Ltd", "X Charitable Trust Ltd");
 * then unmistakable public bodies; then sole traders and company forms; then words that also name
 * companies ("Investment Trust plc", "Hôtel de la Région SARL"), which a legal form outranks. A UK
 * community interest company is a social enterprise, not a cooperative: `other-ess`, detail `cic`.
 * Words that are also common in business names count only where public bodies put them ("Ville de
 * Grenoble", not "Café de la Mairie").
 */
const MARKERS: readonly MarkerGroup[] = [
  {
    language: 'fr',
    type: 'cooperative',
    detail: 'scop',
    phrases: [
      'scop',
      'societe cooperative de production',
      'societe cooperative et participative',
      'societe cooperative ouvriere de production',
    ],
  },
  {
    language: 'fr',
    type: 'cooperative',
    detail: 'scic',
    phrases: ['scic', 'societe cooperative d interet collectif'],
  },
  {
    language: 'fr',
    type: 'cooperative',
    detail: 'cae',
    phrases: ['cooperative d activite et d emploi', 'cooperative d activites et d emploi'],
  },
  {
    language: 'fr',
    type: 'cooperative',
    detail: 'cooperative',
    phrases: ['cooperative', 'cooperatives', 'coop'],
  },
  {
    language: 'en',
    type: 'cooperative',
    detail: 'cooperative',
    phrases: ['cooperative', 'co operative', 'coop', 'co op'],
  },
  { language: 'en', type: 'other-ess', detail: 'cic', phrases: ['community interest company'] },
  { language: 'gb', type: 'other-ess', detail: 'cic', phrases: ['cic'] },
  { language: 'fr', type: 'association', phrases: ['association', 'associations', 'asso'] },
  { language: 'fr', type: 'mutual', phrases: ['mutuelle', 'mutuelles'] },
  { language: 'fr', type: 'foundation', phrases: ['fondation'] },
  { language: 'en', type: 'association', phrases: ['charity', 'charities', 'charitable'] },
  { language: 'fr', type: 'public', place: 'start', phrases: ['ville de', 'commune de', 'mairie'] },
  {
    language: 'fr',
    type: 'public',
    phrases: [
      'ccas',
      'cias',
      'centre communal d action sociale',
      'centre intercommunal d action sociale',
      'chu',
      'chru',
      'centre hospitalier',
      'oph',
      'office public de l habitat',
      'tresor public',
      'dgfip',
      'urssaf',
      'communaute de communes',
      'communaute d agglomeration',
      'communaute urbaine',
      'syndicat mixte',
      'syndicat intercommunal',
      'conseil departemental',
      'conseil regional',
    ],
  },
  {
    language: 'en',
    type: 'public',
    phrases: [
      'nhs',
      'hmrc',
      'county council',
      'city council',
      'borough council',
      'district council',
      'parish council',
      'town council',
      'fire and rescue',
      'fire rescue',
    ],
  },
  { language: 'fr', type: 'sole-trader', place: 'edge', phrases: ['ei', 'eirl'] },
  {
    language: 'fr',
    type: 'sole-trader',
    phrases: [
      'entreprise individuelle',
      'entrepreneur individuel',
      'auto entrepreneur',
      'autoentrepreneur',
      'micro entrepreneur',
      'microentrepreneur',
    ],
  },
  { language: 'en', type: 'sole-trader', phrases: ['sole trader'] },
  { language: 'fr', type: 'company', place: 'edge', phrases: ['sa'] },
  {
    language: 'fr',
    type: 'company',
    phrases: ['sarl', 'sas', 'sasu', 'eurl', 'snc', 'selarl', 'selas', 'sci', 'societe anonyme'],
  },
  { language: 'en', type: 'company', phrases: ['ltd', 'limited', 'plc', 'llp'] },
  { language: 'en', type: 'association', phrases: ['trust'] },
  { language: 'en', type: 'foundation', phrases: ['foundation'] },
  { language: 'fr', type: 'public', place: 'start', phrases: ['departement', 'region', 'universite'] },
  {
    language: 'fr',
    type: 'public',
    place: 'start',
    phrases: ['metropole de', 'metropole d', 'metropole europeenne'],
  },
  { language: 'fr', type: 'public', place: 'end', phrases: ['metropole'] },
  { language: 'en', type: 'public', place: 'edge', phrases: ['police'] },
  { language: 'en', type: 'public', phrases: ['council', 'borough', 'university'] },
];

export interface NameGuess {
  readonly type: SupplierType;
  readonly detail: string;
}

const finderFor = (languages: readonly MarkerLanguage[]) =>
  markerFinder(
    MARKERS.filter((group) => languages.includes(group.language)).flatMap((group) =>
      group.phrases.map((phrase) => ({
        phrase,
        place: group.place ?? 'anywhere',
        value: { type: group.type, detail: group.detail ?? phrase },
      })),
    ),
  );

const FRENCH = finderFor(['fr']);
const BRITISH = finderFor(['en', 'gb']);
const EITHER = finderFor(['fr', 'en']);

/** `FR` → French markers, `GB`/`UK` → English ones (and "CIC"), anything else or nothing → both. */
function finderForCountry(country: string | undefined) {
  const code = country?.trim().toUpperCase();
  if (code === 'FR') return FRENCH;
  if (code === 'GB' || code === 'UK') return BRITISH;
  return EITHER;
}

/** The supplier type a name suggests by its words, if any: a heuristic, to be reported as such. */
export function typeFromName(name: string, country?: string): NameGuess | undefined {
  return finderForCountry(country)(nameWords(name))?.value;
}

/** Names of a social-economy unit that make it a cooperative without a cooperative legal form. */
const COOPERATIVE_WITHOUT_FORM: readonly (readonly ['cae' | 'scop' | 'scic', readonly string[]])[] = [
  ['cae', ['cae', 'cooperative d activite et d emploi', 'cooperative d activites et d emploi']],
  ['scop', ['scop']],
  ['scic', ['scic', 'societe cooperative d interet collectif', 'cooperative', 'cooperatives', 'coop']],
];
const findCooperativeWithoutForm = markerFinder(
  COOPERATIVE_WITHOUT_FORM.flatMap(([value, phrases]) =>
    phrases.map((phrase) => ({ phrase, place: 'anywhere' as const, value })),
  ),
);

/**
 * SCIC and CAE have no legal-form code (nor has a SCOP registered as an SAS): for a unit the registry
 * flags as ESS, the name tells them apart. "CAE" alone is trusted only with that flag (CAE is also an
 * aircraft-simulator maker); a bare "coopérative" is taken for a SCIC, the usual form (DESIGN §6).
 */
export function cooperativeWithoutForm(name: string): 'cae' | 'scop' | 'scic' | undefined {
  return findCooperativeWithoutForm(nameWords(name))?.value;
}
