import type { SupplierProfile } from '../supplier-profile.ts';
import { foldForMatch } from '../text.ts';
import { typeFromName } from './name-markers.ts';

/** What made a payee a natural person, strongest first (docs/method.md, "Natural persons"). */
export type NaturalPersonReason =
  | 'override'
  | 'registry-category'
  | 'registry-person-name'
  | 'directory'
  | 'civil-title'
  | 'redaction'
  | 'sole-trader-name';

/** SIRENE's catégorie juridique of an entrepreneur individuel: the unit is the person. */
const SOLE_TRADER_CATEGORY = '1000';

/**
 * Civil titles, folded, that open a person's name. A bare "M" also opens company names ("M
 * Bricolage", "M & M Skip Hire"): it counts only written "M." (likewise "MM." for messieurs).
 */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'mme',
  'mmes',
  'mlle',
  'mlles',
  'monsieur',
  'messieurs',
  'madame',
  'mesdames',
  'mademoiselle',
  'docteur',
  'maitre',
]);
const DOTTED_TITLES = new Set(['m', 'mm']);

/** "MR & MRS D BROWN", "M. ou Mme Dupont", "MR/MRS SMITH": each payee of a joint name may carry a title. */
const JOINT_PAYEES = /\s*(?:&|\+|\/|,|\s(?:et|and|ou|or)\s)\s*/i;
const OPENING_WORD = /^(\p{Letter}+)(?:(\.)\s*|\s+)(?=\S)/u;

/**
 * Names councils print for a payee withheld as personal data or paid as a private individual (folded).
 * Withheld names with no reason given ("REDACTED", "Commercial confidentiality") may be firms: they are
 * the undisclosed supplier, never named either, but not counted among natural persons.
 */
const PERSONAL_PAYEE_NAMES: readonly RegExp[] = [
  /\bpersonal (?:data|information|details)\b/,
  /\bprivate (?:individual|individuals|person|persons|payee|payees)\b/,
  /^individuals?$/,
  /\bdata protection\b/,
  /^redacted (?:individual|person)/,
  /\b(?:gdpr|rgpd)\b/,
  /^particuliers?\b/,
  /\bpersonnes? physiques?\b/,
  /\bdonnees personnelles\b/,
];

/** Words a supplier directory's type column or a yes/no column uses for a private individual. */
const PERSON_LABELS = new Set(
  ['individual', 'private individual', 'natural person', 'personne physique', 'particulier'].map(
    foldForMatch,
  ),
);
export const NATURAL_PERSON_FLAG_COLUMNS: readonly string[] = [
  'Individual',
  'Private Individual',
  'Natural Person',
  'Personne physique',
  'Particulier',
];

/** Whether a directory's type word means a private individual ("Individual", "Personne physique"). */
export function naturalPersonFromLabel(label: string): boolean {
  return PERSON_LABELS.has(foldForMatch(label));
}

function opensWithTitle(payee: string): boolean {
  const opening = OPENING_WORD.exec(payee.trim());
  if (!opening) return false;
  const word = foldForMatch(opening[1] ?? '');
  return TITLES.has(word) || (DOTTED_TITLES.has(word) && opening[2] === '.');
}

/** What a name alone says: a legal form or a body's word ("Ltd", "Council", "Trust") vetoes a title. */
function fromName(name: string): NaturalPersonReason | undefined {
  const marker = typeFromName(name);
  if (marker && marker.type !== 'sole-trader') return undefined;
  if (name.split(JOINT_PAYEES).some(opensWithTitle)) return 'civil-title';
  const folded = foldForMatch(name);
  if (PERSONAL_PAYEE_NAMES.some((pattern) => pattern.test(folded))) return 'redaction';
  return marker ? 'sole-trader-name' : undefined;
}

/**
 * Whether a payee is a natural person, and why; undefined when nothing says so. Precedence as for the
 * supplier type: a correction, then the registry (a legal person's category rules the name out), then
 * the anchor's directory, then the names (the file's and the registry's).
 */
export function naturalPersonReason(input: {
  readonly names: readonly string[];
  readonly profile?: SupplierProfile | undefined;
}): NaturalPersonReason | undefined {
  const { profile } = input;
  const stated = profile?.naturalPerson;
  if (stated?.source === 'override') return stated.value ? 'override' : undefined;
  const category = profile?.legalCategory;
  if (category && category.source !== 'name') {
    if (category.value === SOLE_TRADER_CATEGORY) return 'registry-category';
    return stated?.value && stated.source === 'registry' ? 'registry-person-name' : undefined;
  }
  if (stated?.value && stated.source === 'registry') return 'registry-person-name';
  if (stated?.value && stated.source !== 'name') return 'directory';
  for (const name of input.names) {
    const reason = fromName(name);
    if (reason) return reason;
  }
  return undefined;
}
