import { foldForMatch } from '../../text.ts';
import { INFERRED_ROLES, type InferredRole } from './column-roles.ts';

/**
 * What a header's words say about its column, in French and in English. A cue is a word, a word
 * stem (`fournisseur*`) or a phrase (`code postal`), compared with the header folded (case, accents
 * and punctuation ignored). For each role:
 * - `strong` names the role on its own (`siret`, `postcode`);
 * - `base` points to it (`supplier`, `amount`), and a `with` cue beside it confirms it (`name`);
 * - `against` says the column is something else (`supplier` + `id` is not a name; `vat` alone is not
 *   spend).
 */
interface RoleCues {
  readonly strong?: readonly string[];
  readonly base?: readonly string[];
  readonly with?: readonly string[];
  readonly against?: readonly string[];
}

const PARTY = [
  'supplier*',
  'benefici*',
  'vendor*',
  'payee*',
  'creditor*',
  'merchant',
  'contractor*',
  'recipient*',
  'tiers',
  'fournisseur*',
  'creancier*',
  'prestataire*',
  'titulaire*',
  'attributaire*',
  'destinataire*',
];
const NAME = ['name', 'names', 'nom', 'libelle', 'designation', 'text', 'denomination', 'intitule', 'lib'];
const ID = [
  'id',
  'code',
  'number',
  'no',
  'num',
  'numero',
  'nr',
  'ref',
  'reference',
  'account',
  'identifier',
  'identifiant',
  'matricule',
  'n',
  'key',
];
const LEGAL_ID = [
  'siret',
  'siren',
  'company number',
  'companies house',
  'crn',
  'company registration',
  'registration number',
  'registered number',
  'company reg',
  'company no',
  'rcs',
];
const POSTCODE = ['postcode*', 'post code', 'postal code', 'code postal', 'cp', 'zip', 'zipcode'];
const COMMUNE = ['ville', 'commune', 'city', 'town', 'localite', 'locality'];
const AMOUNT = [
  'amount*',
  'value',
  'valeur',
  'spend',
  'spent',
  'total',
  'montant*',
  'mt',
  'mnt',
  'somme',
  'sum',
  'cost',
  'cout',
  'price',
  'prix',
  'net',
  'gross',
  'ttc',
  'ht',
  'gbp',
  'eur',
  'euros',
  'paid amount',
  'debit',
];
const DATE = ['date*', 'dated', 'le'];
const DATE_EVENT = [
  'paid',
  'payment',
  'paiement',
  'clearing',
  'cleared',
  'mandatement',
  'reglement',
  'posted',
  'posting',
  'invoice',
  'facture',
  'transaction',
  'effective',
  'gl',
  'emission',
  'comptabilisation',
];
const CATEGORY = [
  'category',
  'categorie',
  'expense*',
  'expenditure',
  'subjective',
  'nature',
  'account description',
  'classification',
  'cipfa',
  'proclass',
  'type',
  'compte',
  'article',
  'imputation',
  'chapitre',
  'fonction',
];
const SERVICE = [
  'service*',
  'department',
  'directorate',
  'division',
  'business unit',
  'unit',
  'cost centre',
  'cost center',
  'centre de cout',
  'direction',
  'pole',
  'portfolio',
  'budget holder',
  'team',
  'section',
];
const REFERENCE = [
  'transaction*',
  'trans',
  'transno',
  'document',
  'invoice number',
  'invoice no',
  'invoice ref',
  'voucher',
  'reference',
  'ref',
  'piece',
  'bordereau',
  'mandat',
  'journal',
  'payment number',
  'payment ref',
];
const DESCRIPTION = [
  'description',
  'details',
  'detail',
  'narrative',
  'purpose*',
  'objet',
  'comment*',
  'observation*',
  'motif',
];
const ANCHOR = [
  'body',
  'organisation*',
  'organization*',
  'authority',
  'council',
  'collectivite',
  'etablissement',
  'budget',
  'entity',
  'buyer',
  'acheteur',
];

const CUES: Readonly<Record<InferredRole, RoleCues>> = {
  supplierName: {
    strong: [
      'raison sociale',
      'nom du tiers',
      'libelle tiers',
      'nom fournisseur',
      'nom du fournisseur',
      'company name',
    ],
    base: PARTY,
    with: NAME,
    against: [
      ...ID,
      ...LEGAL_ID,
      ...POSTCODE,
      ...COMMUNE,
      'type',
      'category',
      'categorie',
      'address',
      'adresse',
      'group',
      'groupe',
      'country',
      'pays',
      'status',
      'size',
    ],
  },
  supplierLocalId: {
    base: PARTY,
    with: ID,
    against: [...LEGAL_ID, ...POSTCODE, 'name', 'nom'],
  },
  supplierIdentifier: {
    strong: LEGAL_ID,
  },
  supplierPostcode: { strong: POSTCODE },
  supplierCommune: { strong: COMMUNE, against: [...POSTCODE] },
  amount: {
    strong: [
      'amount',
      'montant',
      'spend',
      'net amount',
      'gross amount',
      'amount paid',
      'montant ttc',
      'montant ht',
      'mt ttc',
      'mt ht',
    ],
    base: AMOUNT,
    with: ['amount', 'montant', 'value', 'valeur', 'total', 'paid', 'paye', 'mandate'],
    against: [
      'category',
      'type',
      'code',
      'date',
      'number',
      'no',
      'id',
      'name',
      'nom',
      'description',
      'centre',
      'quantity',
      'qty',
      'count',
      'period',
      'year',
      'annee',
      'rate',
      'taux',
      'percent',
      'currency',
      'devise',
    ],
  },
  date: {
    strong: [
      'date',
      'payment date',
      'date paid',
      'paid date',
      'date de paiement',
      'date paiement',
      'date de mandatement',
      'date mandat',
      'clearing date',
    ],
    base: [...DATE, ...DATE_EVENT],
    with: DATE,
    against: ['number', 'no', 'ref', 'reference', 'amount', 'montant', 'value', 'id'],
  },
  categoryCode: {
    base: CATEGORY,
    with: ['code', 'number', 'no', 'num', 'numero', 'id', 'ref'],
    against: [...PARTY, 'description', 'label', 'libelle', 'name', 'nom', 'text'],
  },
  categoryLabel: {
    base: CATEGORY,
    with: ['description', 'label', 'libelle', 'name', 'nom', 'text', 'category', 'type'],
    against: [...PARTY, 'code', 'number', 'no', 'num', 'id'],
  },
  serviceArea: {
    base: SERVICE,
    with: ['name', 'nom', 'area', 'label', 'description', 'libelle'],
    against: [...PARTY, 'code', 'number', 'id'],
  },
  reference: {
    base: REFERENCE,
    with: ID,
    against: [...PARTY, 'date', 'amount', 'value', 'type', 'description', 'category'],
  },
  description: {
    base: DESCRIPTION,
    against: [...PARTY, 'code', 'category', 'account', 'expense', 'service'],
  },
  anchorName: { base: ANCHOR, with: NAME, against: ['code', 'id', 'number', 'type', ...PARTY] },
};

const AGAINST_FACTOR = 0.25;

/** Whether the header's tokens hold the cue: a word, a stem or a phrase. */
function holds(tokens: readonly string[], cue: string): boolean {
  if (cue.includes(' ')) return ` ${tokens.join(' ')} `.includes(` ${cue} `);
  if (cue.endsWith('*')) {
    const stem = cue.slice(0, -1);
    return tokens.some((token) => token.startsWith(stem));
  }
  return tokens.includes(cue);
}

const holdsAny = (tokens: readonly string[], cues: readonly string[] | undefined) =>
  (cues ?? []).some((cue) => holds(tokens, cue));

/** A header's words, folded: `Supplier(Beneficiary) Name` → `supplier beneficiary name`. */
export const headerTokens = (folded: string): string[] => folded.split(' ').filter((token) => token !== '');

/** How strongly the header's words name a role, from 0 (not at all) to 1, and what it would be without its `against` cues. */
export interface HeaderScore {
  readonly score: number;
  readonly unpenalised: number;
}

export function headerScore(tokens: readonly string[], role: InferredRole): HeaderScore {
  const cues = CUES[role];
  if (holdsAny(tokens, cues.strong)) return { score: 0.9, unpenalised: 0.9 };
  if (!holdsAny(tokens, cues.base)) return { score: 0, unpenalised: 0 };
  const unpenalised = holdsAny(tokens, cues.with) ? 0.85 : 0.6;
  const score = holdsAny(tokens, cues.against) ? unpenalised * AGAINST_FACTOR : unpenalised;
  return { score, unpenalised };
}

const FRENCH = [
  'montant*',
  'fournisseur*',
  'tiers',
  'libelle',
  'nom',
  'creancier*',
  'beneficiaire*',
  'mandat*',
  'paiement',
  'ttc',
  'ht',
  'de',
  'du',
  'des',
  'objet',
  'ville',
  'commune',
  'code postal',
  'siret',
  'siren',
  'prix',
  'valeur',
];
const ENGLISH = [
  'amount*',
  'supplier*',
  'vendor*',
  'payee*',
  'beneficiary',
  'name',
  'paid',
  'payment*',
  'value',
  'spend',
  'net',
  'gross',
  'vat',
  'the',
  'of',
  'postcode*',
  'expense*',
  'expenditure',
  'invoice*',
  'department',
];

/** The language a header is written in, by its words: French or English (English when they tie). */
export function headerLanguage(headers: readonly (readonly string[])[]): 'fr' | 'en' {
  const count = (cues: readonly string[]) => headers.filter((tokens) => holdsAny(tokens, cues)).length;
  return count(FRENCH) > count(ENGLISH) ? 'fr' : 'en';
}

/** VAT named without an amount before or after it: a tax column, not spend. */
const VAT = ['vat', 'tva', 'tax', 'taxe'];
const NET = ['net', 'excl*', 'exclusive', 'ht', 'hors', 'before', 'avant', 'ex'];
const GROSS = ['gross', 'incl*', 'inclusive', 'ttc', 'brut'];

/**
 * Spend is net of VAT where a file says both (docs/formats.md): 2 for a net amount, 1 for a plain
 * one, 0 for a gross one; -1 for a VAT column, which is never spend.
 */
export function amountPreference(tokens: readonly string[]): number {
  const net = holdsAny(tokens, NET);
  const gross = holdsAny(tokens, GROSS);
  if (holdsAny(tokens, VAT) && !net && !gross) return -1;
  if (net) return 2;
  return gross ? 0 : 1;
}

const PAYMENT = [
  'paid',
  'payment*',
  'pay',
  'paiement',
  'paye',
  'clearing',
  'cleared',
  'mandatement',
  'mandat',
  'reglement',
  'settlement',
  'disbursement',
  'cheque',
];
const OTHER_EVENT = [
  'invoice*',
  'facture',
  'gl',
  'posting',
  'posted',
  'effective',
  'updated',
  'created',
  'entered',
  'due',
  'echeance',
  'received',
  'reception',
  'document',
  'emission',
  'order',
  'commande',
  'period',
  'comptabilisation',
];

/** The payment date is the spend's date where a file has several (docs/formats.md): 2, 1 for a plain date, 0 for another event's. */
export function datePreference(tokens: readonly string[]): number {
  if (holdsAny(tokens, PAYMENT)) return 2;
  return holdsAny(tokens, OTHER_EVENT) ? 0 : 1;
}

/** Whether a header cell's words name one of the roles inference knows. */
export function namesARole(cell: string): boolean {
  const tokens = headerTokens(foldForMatch(cell));
  return INFERRED_ROLES.some((role) => headerScore(tokens, role).score >= 0.6);
}
