import type { SetAsideKind } from './ingest/rejection.ts';

type Labels = { readonly fr: string; readonly en: string };

/**
 * Data-quality remarks a counted line may carry, with what they tell an officer. A flag never takes
 * spend out of a report: it says what to check, and reports give each flag's lines and amount.
 */
export const LINE_FLAG_LABELS: ReadonlyMap<string, Labels> = new Map([
  [
    'undated',
    {
      fr: 'sans date lisible (compté dans la période du fichier)',
      en: 'no readable date (counted in the file’s period)',
    },
  ],
  [
    'date-from-publication',
    {
      fr: 'date de publication prise faute de date de notification',
      en: 'publication date used, no notification date',
    },
  ],
  [
    'invalid-identifier',
    {
      fr: 'identifiant invalide (gardé tel quel, fournisseur reconnu par son nom)',
      en: 'invalid identifier (kept as written, supplier known by name)',
    },
  ],
  [
    'repaired-identifier',
    {
      fr: 'identifiant réparé (zéro initial rétabli, espaces retirés)',
      en: 'identifier repaired (leading zero restored, spaces removed)',
    },
  ],
  [
    'identifier-placeholder',
    { fr: 'identifiant absent ou fictif (000…, NC)', en: 'identifier missing or a placeholder (000…, NC)' },
  ],
  [
    're-decoded',
    {
      fr: 'ligne relue en Windows-1252 (encodage différent du fichier)',
      en: 'line re-read as Windows-1252 (not in the file’s encoding)',
    },
  ],
  [
    'undecodable',
    {
      fr: 'caractères illisibles en UTF-8 comme en Windows-1252 (affichés «\u00A0�\u00A0»)',
      en: 'characters unreadable in UTF-8 and in Windows-1252 (shown as “�”)',
    },
  ],
  [
    'amount-rounded',
    {
      fr: 'montant donné au-delà du centime, arrondi au centime',
      en: 'amount stated finer than the cent, rounded to the cent',
    },
  ],
  [
    'stray-quote',
    {
      fr: 'guillemet ouvert et jamais refermé sur sa ligne : ligne lue telle qu’écrite',
      en: 'a quote opened and never closed on its line: the line read as written',
    },
  ],
  [
    'value-truncated',
    { fr: 'valeur trop longue, coupée à 4 000 caractères', en: 'value too long, cut at 4 000 characters' },
  ],
  ['supplier-undisclosed', { fr: 'fournisseur non publié', en: 'supplier withheld' }],
  ['postcode-unreadable', { fr: 'code postal illisible', en: 'postcode unreadable' }],
  ['mojibake', { fr: 'caractères mal encodés à la source', en: 'characters garbled at the source' }],
  [
    'modified',
    {
      fr: 'marché modifié (montant du dernier avenant)',
      en: 'contract modified (latest amendment’s amount)',
    },
  ],
  [
    'contract-amounts-differ',
    {
      fr: 'lignes d’un même marché aux montants différents (celui de la première est réparti)',
      en: 'rows of one contract state different amounts (the first row’s is split)',
    },
  ],
  ['no-titulaire', { fr: 'marché sans titulaire nommé', en: 'contract naming no holder' }],
  [
    'buyer-unnamed',
    {
      fr: 'acheteur non nommé (l’institution qui dépose)',
      en: 'buyer not named (the uploading institution)',
    },
  ],
]);

export const SET_ASIDE_LABELS: ReadonlyMap<SetAsideKind, Labels> = new Map<SetAsideKind, Labels>([
  [
    'older-version',
    {
      fr: 'versions antérieures d’un marché (la version actuelle est comptée)',
      en: 'older versions of a contract (the current one is counted)',
    },
  ],
  [
    'duplicate',
    { fr: 'marchés ou lignes en double dans le fichier', en: 'contracts or rows repeated in the file' },
  ],
  [
    'summary-row',
    { fr: 'lignes de total ou sous-total du fichier', en: 'total and sub-total rows of the file' },
  ],
]);

export function lineFlagLabel(flag: string, language: 'fr' | 'en'): string {
  return LINE_FLAG_LABELS.get(flag)?.[language] ?? flag;
}

export function setAsideLabel(kind: SetAsideKind, language: 'fr' | 'en'): string {
  return SET_ASIDE_LABELS.get(kind)?.[language] ?? kind;
}
