import { foldForMatch, memoised } from './text.ts';

/** Legal-form words that say how a firm is incorporated, not who it is. */
const LEGAL_FORM_WORDS = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sci',
  'snc',
  'sca',
  'selarl',
  'ste',
  'societe',
  'ets',
  'etablissements',
  'ltd',
  'limited',
  'plc',
  'llp',
  'lp',
  'inc',
  'gmbh',
  'ag',
  'bv',
  'nv',
  'srl',
  'spa',
  'co',
  'company',
  'the',
]);

/** Names councils print when a payee is withheld (personal data, commercial confidentiality). */
const UNDISCLOSED_NAMES = [
  /^$/,
  /^redacted/,
  /personal (data|information)/,
  /^withheld/,
  /^confidential/,
  /^not disclosed/,
  /^nc$/,
  /^n a$/,
  /^anonymise/,
];

/**
 * Folded name without legal-form words: "SARL Dupont & Fils" and "DUPONT ET FILS" meet. Remembered:
 * a file pays the same suppliers line after line.
 */
export const normaliseSupplierName = memoised(withoutLegalForm, 10_000);

function withoutLegalForm(name: string): string {
  return foldForMatch(name.replace(/&/g, ' et '))
    .split(' ')
    .filter((word) => word !== '' && !LEGAL_FORM_WORDS.has(word))
    .join(' ');
}

export const isUndisclosedName = memoised((name: string): boolean => {
  const folded = foldForMatch(name);
  return UNDISCLOSED_NAMES.some((pattern) => pattern.test(folded));
}, 10_000);
