import { frenchFormatLabel } from '../formats/format-names.ts';
import { frenchReading } from '../formats/inference/describe-choices.ts';

/**
 * The reasons a line or a file is not counted, each with a stable code, its parameters and its text
 * in both languages. The English text is the one ingest writes (in the rejects file's `reason`
 * column and in the dataset's message), word for word as before: `readReason` reads a code and its
 * parameters back from it, so that records written before the codes still read in French. Where the
 * language is unknown the English text stands.
 *
 * A template's `{name}` is a parameter, `{name#}` a whole number; a parameter named `reason` is
 * itself a reason, and `first` a list of `line N: reason` separated by ` | `: both are translated.
 */
export type ReasonLanguage = 'fr' | 'en';
export type ReasonParams = Readonly<Record<string, string>>;

const CATALOGUE = {
  'amount-empty': { en: 'amount is empty', fr: 'le montant est vide' },
  'amount-not-a-number': {
    en: 'amount "{amount}" is not a number',
    fr: 'le montant «\u00A0{amount}\u00A0» n’est pas un nombre',
  },
  'amount-ambiguous': {
    en: 'ambiguous amount "{amount}": say which decimal separator the file uses',
    fr: 'montant ambigu «\u00A0{amount}\u00A0»\u00A0: indiquez le séparateur décimal du fichier',
  },
  'amount-misplaced-separators': {
    en: 'amount "{amount}" has misplaced thousands separators',
    fr: 'le montant «\u00A0{amount}\u00A0» a des séparateurs de milliers mal placés',
  },
  'amount-too-many-decimals': {
    en: 'amount "{amount}" has more than two decimals',
    fr: 'le montant «\u00A0{amount}\u00A0» a plus de deux décimales',
  },
  'amount-too-large': {
    en: 'amount "{amount}" is too large',
    fr: 'le montant «\u00A0{amount}\u00A0» est trop grand',
  },
  'amount-nc': {
    en: 'amount is "NC" (not communicated)',
    fr: 'le montant est «\u00A0NC\u00A0» (non communiqué)',
  },
  'contract-no-amount': {
    en: 'the contract states no amount (montant)',
    fr: 'le marché n’indique aucun montant',
  },
  'buyer-refused': {
    en: "this line's buyer is {buyer}, not {uploader} nor a satellite the territory declares for it: only that buyer, or the consortium administrator, may upload its spend",
    fr: 'l’acheteur de cette ligne est {buyer}, ni {uploader} ni un satellite que le territoire lui déclare\u00A0: seul cet acheteur, ou l’administrateur du consortium, peut déposer sa dépense',
  },
  'line-too-long-shown': {
    en: 'the line is longer than {max#} characters ({length#}): only its first {shown#} are shown',
    fr: 'la ligne dépasse {max#}\u00A0caractères ({length#})\u00A0: seuls ses {shown#} premiers sont montrés',
  },
  'line-too-long': {
    en: 'the line is longer than {max#} characters',
    fr: 'la ligne dépasse {max#}\u00A0caractères',
  },
  'undecodable-characters': {
    en: 'the line contains characters that could not be decoded, in UTF-8 or in Windows-1252',
    fr: 'la ligne contient des caractères illisibles, en UTF-8 comme en Windows-1252',
  },
  'wrong-width': {
    en: 'the line has {values#} values but the header has {columns#} columns',
    fr: 'la ligne a {values#}\u00A0valeurs mais l’en-tête a {columns#}\u00A0colonnes',
  },
  'repeated-header': {
    en: 'the header line again (a page break in the export), not data',
    fr: 'la ligne d’en-tête répétée (un saut de page de l’export), pas une donnée',
  },
  'grand-total': {
    en: "a total row of the file (no payee of its own), not a payment: compared with the lines' sum",
    fr: 'une ligne de total du fichier (sans bénéficiaire propre), pas un paiement\u00A0: comparée à la somme des lignes',
  },
  'sub-total': {
    en: 'a sub-total row of the file (no payee of its own), not a payment: its lines are counted',
    fr: 'une ligne de sous-total du fichier (sans bénéficiaire propre), pas un paiement\u00A0: ses lignes sont comptées',
  },
  'older-version': {
    en: 'an older version of this contract (donneesActuelles = non): its current version is counted instead',
    fr: 'une version antérieure de ce marché (donneesActuelles = non)\u00A0: sa version actuelle est comptée à sa place',
  },
  'duplicate-contract-row': {
    en: 'contract {contract} was already counted at line {first#}: duplicate row',
    fr: 'le marché {contract} est déjà compté à la ligne {first#}\u00A0: ligne en double',
  },
  'duplicate-holder-row': {
    en: 'titulaire {supplier} of contract {contract} was already counted at line {first#}: duplicate row',
    fr: 'le titulaire {supplier} du marché {contract} est déjà compté à la ligne {first#}\u00A0: ligne en double',
  },
  'duplicate-contract': {
    en: 'contract {contract} was already counted as contract #{first#} of this file: duplicate',
    fr: 'le marché {contract} est déjà compté comme marché n°\u00A0{first#} de ce fichier\u00A0: doublon',
  },
  'duplicate-content': {
    en: 'this file has exactly the same content as dataset {dataset}, already counted: it is not counted twice',
    fr: 'ce fichier a exactement le même contenu que le jeu de données {dataset}, déjà compté\u00A0: il n’est pas compté deux fois',
  },
  'counted-by-another-institution': {
    en: "this file's spend is already counted, from a file another institution uploaded: it is not counted twice. If it should count for your institution, ask the consortium's administrator",
    fr: 'les dépenses de ce fichier sont déjà comptées, depuis un fichier qu’une autre institution a déposé\u00A0: elles ne sont pas comptées deux fois. Si elles doivent compter pour votre institution, adressez-vous à l’administrateur du consortium',
  },
  'file-empty': { en: 'the file is empty', fr: 'le fichier est vide' },
  'no-data-lines': {
    en: 'the file has a header but no data lines',
    fr: 'le fichier a un en-tête mais aucune ligne de données',
  },
  'no-contract': { en: 'the file contains no contract', fr: 'le fichier ne contient aucun marché' },
  'too-many-rejected': {
    en: "{rejected#} of {considered#} {unit}s ({percent#} %) were rejected, more than the {allowed#} % allowed: check the file's format. First reasons: {first}",
    fr: 'rejet de {rejected#} {unit}s sur {considered#} ({percent#}\u00A0%), plus que les {allowed#}\u00A0% admis\u00A0: vérifiez le format du fichier. Premières raisons\u00A0: {first}',
  },
  'nothing-read': {
    en: 'no {unit} of the file could be read. First reasons: {first}',
    fr: 'rien n’a pu être lu du fichier ({unit}s). Premières raisons\u00A0: {first}',
  },
  'unclosed-quote': {
    en: 'line {line#} opens a quote (") that is never closed: the rest of the file would be read as one value',
    fr: 'la ligne {line#} ouvre un guillemet (") jamais refermé\u00A0: le reste du fichier serait lu comme une seule valeur',
  },
  'overlong-before-header': {
    en: 'line {line#} is {length#} characters long, more than the {max#} a line may have; {reason}',
    fr: 'la ligne {line#} fait {length#}\u00A0caractères, plus que les {max#} admis\u00A0; {reason}',
  },
  'no-header': {
    en: 'no header row found in the first {rows#} lines: the file does not look like any known format ({formats}). Use a mapping profile for other layouts.',
    fr: 'aucune ligne d’en-tête dans les {rows#} premières lignes\u00A0: le fichier ne ressemble à aucun format connu ({formats}). Utilisez un profil de correspondance pour les autres dispositions.',
  },
  'missing-column': {
    en: 'looks like {format} but a required column is missing: {missing}',
    fr: 'ressemble à {format} mais il manque une colonne obligatoire\u00A0: {missing}',
  },
  'no-known-columns': {
    en: 'no known column names in this row',
    fr: 'aucun nom de colonne connu dans cette ligne',
  },
  'kind-mismatch': {
    en: 'the file was uploaded as {requested} but it is a {kind} file: upload it as {kind}',
    fr: 'le fichier a été déposé comme {requested} mais c’est un fichier {kind}\u00A0: déposez-le comme {kind}',
  },
  'currency-mismatch': {
    en: "the file's amounts are in {currency} but {territory} counts in {territoryCurrency}: a report adds one currency only; upload files in {territoryCurrency}, or analyse this file with a {currency} territory",
    fr: 'les montants du fichier sont en {currency} mais {territory} compte en {territoryCurrency}\u00A0: un rapport n’additionne qu’une monnaie\u00A0; déposez des fichiers en {territoryCurrency}, ou analysez ce fichier avec un territoire en {currency}',
  },
  'columns-not-inferred': {
    en: '{reason} — nor could the columns be recognised from their names and contents with confidence; the best reading was: {guess}. Check it and save it as a mapping profile.',
    fr: '{reason} — les colonnes n’ont pas non plus pu être reconnues avec assurance d’après leurs noms et leurs contenus\u00A0; la meilleure lecture était\u00A0: {guess}. Vérifiez-la et enregistrez-la comme profil de correspondance.',
  },
  'at-line': { en: 'line {line#}: {reason}', fr: 'ligne {line#}\u00A0: {reason}' },
  'at-contract': { en: 'contract {line#}: {reason}', fr: 'marché {line#}\u00A0: {reason}' },
} as const satisfies Record<string, Readonly<Record<ReasonLanguage, string>>>;

export type ReasonCode = keyof typeof CATALOGUE;
export const REASON_CODES = Object.keys(CATALOGUE) as ReasonCode[];

/** A reason as stored beside its English text: its code and its parameters. */
export interface CodedReason {
  readonly code: ReasonCode;
  readonly params: ReasonParams;
}

/** The words a reason's `{unit}` stands for. */
const UNITS_FR: Readonly<Record<string, string>> = { line: 'ligne', contract: 'marché' };

const PLACEHOLDER = /\{([a-zA-Z]+)(#?)\}/g;

/** The names of a template's parameters, in order. */
export function reasonParamNames(code: ReasonCode): string[] {
  return [...CATALOGUE[code].en.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** The text of a reason in a language; a parameter the template names but the caller left out reads empty. */
export function reasonText(code: ReasonCode, params: ReasonParams, language: ReasonLanguage): string {
  return CATALOGUE[code][language].replace(PLACEHOLDER, (_, name: string) =>
    paramText(name, params[name] ?? '', language),
  );
}

function paramText(name: string, value: string, language: ReasonLanguage): string {
  if (language === 'en') return value;
  if (name === 'reason') return localiseReason(value, language);
  if (name === 'first')
    return value
      .split(' | ')
      .map((one) => localiseReason(one, language))
      .join(' | ');
  if (name === 'unit') return UNITS_FR[value] ?? value;
  if (name === 'format') return frenchFormatLabel(value);
  if (name === 'guess') return frenchReading(value);
  if (name === 'formats') return value.split('; ').map(frenchFormatLabel).join('; ');
  return value;
}

const isWrapper = (code: ReasonCode) => code === 'at-line' || code === 'at-contract';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each code's English template as a pattern, most specific first (a nested reason matches last). */
const PATTERNS: readonly { code: ReasonCode; names: string[]; pattern: RegExp }[] = REASON_CODES.map(
  (code) => {
    const template = CATALOGUE[code].en;
    const names = reasonParamNames(code);
    const source = template
      .split(PLACEHOLDER)
      .map((part, index) => {
        // `split` with two groups yields text, name, mark, text, …
        if (index % 3 === 0) return escapeRegExp(part);
        if (index % 3 === 1) return '';
        return part === '#' ? '(-?\\d+)' : '(.*?)';
      })
      .join('');
    return { code, names, pattern: new RegExp(`^${source}$`, 's') };
  },
).sort((a, b) => Number(isWrapper(a.code)) - Number(isWrapper(b.code)));

/** The code and parameters of an English reason ingest wrote, or undefined for a text the catalogue does not hold. */
export function readReason(text: string): CodedReason | undefined {
  for (const { code, names, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, index) => {
      params[name] = match[index + 1] ?? '';
    });
    return { code, params };
  }
  return undefined;
}

/** A reason ingest wrote in English, in a reader's language; a text the catalogue does not hold stays as written. */
export function localiseReason(text: string, language: ReasonLanguage): string {
  if (language === 'en') return text;
  const coded = readReason(text);
  return coded ? reasonText(coded.code, coded.params, language) : text;
}
