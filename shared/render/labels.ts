import type { Currency, DatasetKind } from '../domain/dataset-kind.ts';
import type { LocalitySource } from '../domain/locality/place.ts';

export { SUPPLIER_TYPE_IDS, supplierTypeLabel } from '../domain/supplier-type.ts';

export type Language = 'fr' | 'en';

/**
 * Every piece of user-visible text, per language. Functions return plain text: the renderers
 * escape what they get back, so a label never carries markup.
 */
export interface Labels {
  readonly locale: string;
  readonly title: string;
  readonly quote: (text: string) => string;
  /** `label : value` with the language's punctuation. */
  readonly pair: (label: string, value: string) => string;
  readonly listSeparator: string;
  readonly meta: {
    readonly kind: string;
    readonly period: string;
    readonly periodRange: (from: string, to: string) => string;
    readonly periodFrom: (from: string) => string;
    readonly periodTo: (to: string) => string;
    readonly periodUnknown: string;
    readonly scope: string;
    readonly scopeConsortium: (anchorCount: number) => string;
    readonly scopeAnchor: (name: string) => string;
    readonly methodVersion: string;
    readonly schemaVersion: string;
    readonly generatedAt: string;
  };
  readonly kind: Readonly<Record<DatasetKind, string>>;
  /** The kind inside a sentence: « ce rapport porte uniquement sur les marchés notifiés ». */
  readonly kindInSentence: Readonly<Record<DatasetKind, string>>;
  readonly headline: {
    readonly heading: string;
    readonly localShareLead: (quotedRingLabel: string) => string;
    readonly localAmount: (amount: string) => string;
    readonly influenceable: string;
    readonly knownLocality: string;
    readonly ofInfluenceable: (share: string) => string;
    readonly headOffice: string;
    readonly unknownAndAmbiguous: (unknown: string, ambiguous: string) => string;
  };
  readonly sections: {
    readonly rings: string;
    readonly types: string;
    readonly topSuppliers: string;
    readonly cooperatives: string;
    readonly unmatched: string;
    readonly totals: string;
    readonly exclusions: string;
    readonly coverage: string;
    readonly datasets: string;
    readonly method: string;
  };
  readonly charts: {
    readonly ringsTitle: string;
    readonly ringsDescription: string;
    readonly typesTitle: string;
    readonly typesDescription: string;
  };
  readonly captions: {
    readonly rings: string;
    readonly ringsHeadOffice: string;
    readonly types: string;
    readonly topSuppliers: (count: number) => string;
    readonly cooperatives: string;
    readonly unmatched: string;
    readonly totals: string;
    readonly localityBySource: string;
    readonly typeBySource: string;
    readonly datasets: string;
  };
  readonly columns: {
    readonly ring: string;
    readonly supplierType: string;
    readonly amount: string;
    readonly share: string;
    readonly cumulativeShare: string;
    readonly suppliers: string;
    readonly name: string;
    readonly measure: string;
    readonly value: string;
    readonly source: string;
    readonly file: string;
    readonly format: string;
    readonly encoding: string;
    readonly lines: string;
    readonly rejectedLines: string;
    readonly sha256: string;
    readonly detail: string;
  };
  readonly totals: {
    readonly gross: string;
    readonly excluded: string;
    readonly grants: string;
    readonly influenceable: string;
    readonly linesAccepted: string;
    readonly linesRejected: string;
    readonly suppliers: string;
    readonly concessions: string;
  };
  readonly exclusionsNone: string;
  readonly coverage: {
    readonly knownLocality: string;
    readonly ambiguousAmount: string;
    readonly knownType: string;
  };
  readonly noData: string;
  readonly notStated: string;
  readonly rings: { readonly abroad: string; readonly unknown: string };
  readonly localitySources: Readonly<Record<LocalitySource, string>>;
  readonly typeSourceNone: string;
  readonly methodNote: (kindInSentence: string) => string;
  readonly footerVersions: (methodVersion: string, schemaVersion: string) => string;
  readonly csv: {
    readonly yes: string;
    readonly no: string;
    readonly suppliers: (currency: string) => readonly string[];
    readonly byRing: (currency: string) => readonly string[];
    readonly bySupplierType: (currency: string) => readonly string[];
    readonly datasets: (currency: string) => readonly string[];
  };
}

const NBSP = '\u00A0';

const fr: Labels = {
  locale: 'fr-FR',
  title: 'Rapport de dépense locale',
  quote: (text) => `«${NBSP}${text}${NBSP}»`,
  pair: (label, value) => `${label}${NBSP}: ${value}`,
  listSeparator: `${NBSP}; `,
  meta: {
    kind: 'Données',
    period: 'Période',
    periodRange: (from, to) => `du ${from} au ${to}`,
    periodFrom: (from) => `à partir du ${from}`,
    periodTo: (to) => `jusqu’au ${to}`,
    periodUnknown: 'non précisée',
    scope: 'Périmètre',
    scopeConsortium: (n) => `consortium de ${n} institution${n > 1 ? 's' : ''} d’ancrage`,
    scopeAnchor: (name) => `institution d’ancrage${NBSP}: ${name}`,
    methodVersion: 'Version de la méthode',
    schemaVersion: 'Version du schéma',
    generatedAt: 'Généré le',
  },
  kind: { payments: 'Paiements (mandats)', contracts: 'Marchés notifiés' },
  kindInSentence: { payments: 'les paiements (mandats)', contracts: 'les marchés notifiés' },
  headline: {
    heading: 'Chiffre clé',
    localShareLead: (ring) =>
      `de la dépense influençable est allée à des fournisseurs situés dans le territoire ${ring}`,
    localAmount: (amount) => `soit ${amount}.`,
    influenceable: 'Dépense influençable',
    knownLocality: 'Dépense dont le fournisseur est localisé',
    ofInfluenceable: (share) => `${share} de la dépense influençable`,
    headOffice: 'Part locale selon le siège (où l’entreprise est contrôlée)',
    unknownAndAmbiguous: (unknown, ambiguous) =>
      `Localisation inconnue : ${unknown}. Localisation ambiguë (code postal à cheval sur plusieurs anneaux) : ${ambiguous}.`,
  },
  sections: {
    rings: 'Où va l’argent',
    types: 'À qui',
    topSuppliers: 'Principaux fournisseurs',
    cooperatives: 'Coopératives',
    unmatched: 'Fournisseurs à identifier en priorité',
    totals: 'Totaux',
    exclusions: 'Règles d’exclusion appliquées',
    coverage: 'Couverture et qualité des données',
    datasets: 'Jeux de données',
    method: 'Méthode',
  },
  charts: {
    ringsTitle: 'Dépense influençable par territoire',
    ringsDescription:
      'Barres horizontales, une par territoire, du plus proche au plus lointain\u00A0; la longueur est proportionnelle à la part de la dépense influençable.',
    typesTitle: 'Dépense influençable par type de fournisseur',
    typesDescription:
      'Barres horizontales, une par type de fournisseur\u00A0; la longueur est proportionnelle à la part de la dépense influençable.',
  },
  captions: {
    rings: 'Dépense influençable par territoire, du plus proche au plus lointain (établissement qui livre)',
    ringsHeadOffice: 'La même dépense selon le siège du fournisseur',
    types: 'Dépense influençable par type de fournisseur',
    topSuppliers: (n) => `Les ${n} principaux fournisseurs par montant`,
    cooperatives: 'Dépense avec les coopératives (SCOP, SCIC, CAE, coopératives HLM, agricoles…)',
    unmatched:
      'Fournisseurs que ni le répertoire SIRENE ni l’annuaire de l’acheteur ne connaissent, par montant : leur type et leur localisation restent à établir',
    totals: 'Totaux de la période',
    localityBySource: 'Localisation des fournisseurs selon la source de l’information',
    typeBySource: 'Type des fournisseurs selon la source de l’information',
    datasets: 'Fichiers analysés',
  },
  columns: {
    ring: 'Territoire',
    supplierType: 'Type de fournisseur',
    amount: 'Montant',
    share: 'Part',
    cumulativeShare: 'Part cumulée',
    suppliers: 'Fournisseurs',
    name: 'Fournisseur',
    measure: 'Indicateur',
    value: 'Valeur',
    source: 'Source',
    file: 'Fichier',
    format: 'Format',
    encoding: 'Encodage',
    lines: 'Lignes',
    rejectedLines: 'Lignes rejetées',
    sha256: 'Empreinte SHA-256',
    detail: 'Forme',
  },
  totals: {
    gross: 'Dépense brute',
    excluded: 'Dépense exclue (règles d’exclusion)',
    grants: 'Subventions',
    concessions: 'Concessions (valeur globale, hors total)',
    influenceable: 'Dépense influençable',
    linesAccepted: 'Lignes retenues',
    linesRejected: 'Lignes rejetées',
    suppliers: 'Fournisseurs',
  },
  exclusionsNone: 'Aucune règle d’exclusion n’a été appliquée.',
  coverage: {
    knownLocality: 'Localisation connue',
    ambiguousAmount: 'Montant à localisation ambiguë',
    knownType: 'Type de fournisseur connu',
  },
  noData: 'Aucune donnée',
  notStated: '—',
  rings: { abroad: 'Étranger', unknown: 'Inconnu' },
  localitySources: {
    override: 'Correction manuelle',
    registry: 'Répertoire SIRENE',
    directory: 'Annuaire des fournisseurs de l’acheteur',
    'public-body': 'Organisme public (SIREN dans la géographie officielle)',
    'file-commune': 'Commune indiquée dans le fichier',
    'file-postcode': 'Code postal indiqué dans le fichier',
    'postcode-departement': 'Département déduit du code postal',
    'foreign-identifier': 'Identifiant d’entreprise étrangère',
    'file-country': 'Pays indiqué dans le fichier',
    none: 'Aucune information',
  },
  typeSourceNone: 'Aucune information',
  methodNote: (kind) =>
    'Les parts sont calculées sur la dépense influençable\u00A0: la dépense brute, moins les montants écartés ' +
    'par les règles d’exclusion et les subventions. Un fournisseur dont les données ne permettent pas ' +
    'd’établir la localisation est compté comme «\u00A0Inconnu\u00A0»\u00A0: sa localisation n’est jamais devinée. ' +
    'Les paiements (mandats) et les marchés notifiés ne sont jamais additionnés\u00A0: ce rapport porte ' +
    `uniquement sur ${kind}.`,
  footerVersions: (method, schema) => `Méthode ${method}, schéma du rapport ${schema}. Produit par Ancrage.`,
  csv: {
    yes: 'oui',
    no: 'non',
    suppliers: (c) => [
      'Clé',
      'Nom',
      'Identifiant',
      'Code postal',
      'Institutions d’ancrage',
      `Montant (${c})`,
      `Montant influençable (${c})`,
      'Lignes',
      'Territoire',
      'Source de localisation',
      'Localisation ambiguë',
      'Territoire du siège',
      'Source de localisation du siège',
      'Type',
      'Source du type',
    ],
    byRing: (c) => [
      'Territoire',
      'Libellé',
      `Montant (${c})`,
      'Part (%)',
      'Part cumulée (%)',
      'Fournisseurs',
      `Montant à localisation ambiguë (${c})`,
    ],
    bySupplierType: (c) => ['Type', 'Libellé', `Montant (${c})`, 'Part (%)', 'Fournisseurs'],
    datasets: (c) => [
      'Identifiant',
      'Fichier',
      'Format',
      'Encodage',
      'Lignes',
      'Lignes rejetées',
      `Montant (${c})`,
      'Début de période',
      'Fin de période',
      'SHA-256',
    ],
  },
};

const en: Labels = {
  locale: 'en-GB',
  title: 'Local spend report',
  quote: (text) => `“${text}”`,
  pair: (label, value) => `${label}: ${value}`,
  listSeparator: '; ',
  meta: {
    kind: 'Data',
    period: 'Period',
    periodRange: (from, to) => `${from} to ${to}`,
    periodFrom: (from) => `from ${from}`,
    periodTo: (to) => `until ${to}`,
    periodUnknown: 'not stated',
    scope: 'Scope',
    scopeConsortium: (n) => `consortium of ${n} anchor institution${n === 1 ? '' : 's'}`,
    scopeAnchor: (name) => `anchor institution: ${name}`,
    methodVersion: 'Method version',
    schemaVersion: 'Schema version',
    generatedAt: 'Generated on',
  },
  kind: { payments: 'Payments', contracts: 'Contracts notified' },
  kindInSentence: { payments: 'payments', contracts: 'contracts notified' },
  headline: {
    heading: 'Headline',
    localShareLead: (ring) => `of influenceable spend went to suppliers located in ${ring}`,
    localAmount: (amount) => `that is ${amount}.`,
    influenceable: 'Influenceable spend',
    knownLocality: 'Spend with a located supplier',
    ofInfluenceable: (share) => `${share} of influenceable spend`,
    headOffice: 'Local share by head office (where the firm is controlled)',
    unknownAndAmbiguous: (unknown, ambiguous) =>
      `Location unknown: ${unknown}. Ambiguous location (postcode straddling rings): ${ambiguous}.`,
  },
  sections: {
    rings: 'Where the money goes',
    types: 'To whom',
    topSuppliers: 'Top suppliers',
    cooperatives: 'Cooperatives',
    unmatched: 'Suppliers to identify first',
    totals: 'Totals',
    exclusions: 'Exclusion rules applied',
    coverage: 'Coverage and data quality',
    datasets: 'Datasets',
    method: 'Method',
  },
  charts: {
    ringsTitle: 'Influenceable spend by area',
    ringsDescription:
      'Horizontal bars, one per area, from the most local to the farthest; length is proportional to the share of influenceable spend.',
    typesTitle: 'Influenceable spend by supplier type',
    typesDescription:
      'Horizontal bars, one per supplier type; length is proportional to the share of influenceable spend.',
  },
  captions: {
    rings: 'Influenceable spend by area, from the most local to the farthest (delivering establishment)',
    ringsHeadOffice: 'The same spend by the supplier’s head office',
    types: 'Influenceable spend by supplier type',
    topSuppliers: (n) => `Top ${n} suppliers by amount`,
    cooperatives: 'Spend with cooperatives (worker, multi-stakeholder, housing, agricultural…)',
    unmatched:
      'Suppliers neither the SIRENE register nor the anchor’s directory knows, by amount: their type and location remain to be established',
    totals: 'Totals for the period',
    localityBySource: 'Supplier location by source of the information',
    typeBySource: 'Supplier type by source of the information',
    datasets: 'Files analysed',
  },
  columns: {
    ring: 'Area',
    supplierType: 'Supplier type',
    amount: 'Amount',
    share: 'Share',
    cumulativeShare: 'Cumulative share',
    suppliers: 'Suppliers',
    name: 'Supplier',
    measure: 'Measure',
    value: 'Value',
    source: 'Source',
    file: 'File',
    format: 'Format',
    encoding: 'Encoding',
    lines: 'Lines',
    rejectedLines: 'Rejected lines',
    sha256: 'SHA-256 fingerprint',
    detail: 'Form',
  },
  totals: {
    gross: 'Gross spend',
    excluded: 'Excluded spend (exclusion rules)',
    grants: 'Grants',
    concessions: 'Concessions (total value, not in the total)',
    influenceable: 'Influenceable spend',
    linesAccepted: 'Lines accepted',
    linesRejected: 'Lines rejected',
    suppliers: 'Suppliers',
  },
  exclusionsNone: 'No exclusion rule was applied.',
  coverage: {
    knownLocality: 'Location known',
    ambiguousAmount: 'Amount with an ambiguous location',
    knownType: 'Supplier type known',
  },
  noData: 'No data',
  notStated: '—',
  rings: { abroad: 'Abroad', unknown: 'Unknown' },
  localitySources: {
    override: 'Manual correction',
    registry: 'SIRENE register',
    directory: 'The anchor’s supplier directory',
    'public-body': 'Public body (SIREN in the official geography)',
    'file-commune': 'Municipality given in the file',
    'file-postcode': 'Postcode given in the file',
    'postcode-departement': 'Département inferred from the postcode',
    'foreign-identifier': 'Foreign company identifier',
    'file-country': 'Country given in the file',
    none: 'No information',
  },
  typeSourceNone: 'No information',
  methodNote: (kind) =>
    'Shares are of influenceable spend: gross spend less the amounts set aside by the exclusion rules ' +
    'and grants. A supplier whose location the data do not establish is counted as “Unknown”: its ' +
    'location is never guessed. Payments and contracts notified are never added together: this report ' +
    `covers ${kind} only.`,
  footerVersions: (method, schema) => `Method ${method}, report schema ${schema}. Produced by Ancrage.`,
  csv: {
    yes: 'yes',
    no: 'no',
    suppliers: (c) => [
      'Key',
      'Name',
      'Identifier',
      'Postcode',
      'Anchor institutions',
      `Amount (${c})`,
      `Influenceable amount (${c})`,
      'Lines',
      'Area',
      'Locality source',
      'Ambiguous location',
      'Head-office area',
      'Head-office location source',
      'Type',
      'Type source',
    ],
    byRing: (c) => [
      'Area',
      'Label',
      `Amount (${c})`,
      'Share (%)',
      'Cumulative share (%)',
      'Suppliers',
      `Amount with an ambiguous location (${c})`,
    ],
    bySupplierType: (c) => ['Type', 'Label', `Amount (${c})`, 'Share (%)', 'Suppliers'],
    datasets: (c) => [
      'Id',
      'File',
      'Format',
      'Encoding',
      'Lines',
      'Rejected lines',
      `Amount (${c})`,
      'Period from',
      'Period to',
      'SHA-256',
    ],
  },
};

export const LABELS: Readonly<Record<Language, Labels>> = { fr, en };

export function labelsFor(lang: Language): Labels {
  return LABELS[lang];
}

const has = <K extends string>(record: Readonly<Record<K, string>>, key: string): key is K =>
  Object.hasOwn(record, key);

/** Label for a ring id the report gave no label for: only `abroad` and `unknown` are known here. */
export function fallbackRingLabel(ring: string, lang: Language): string {
  const rings = LABELS[lang].rings;
  return has(rings, ring) ? rings[ring] : ring;
}

export function localitySourceLabel(source: string, lang: Language): string {
  const sources = LABELS[lang].localitySources;
  return has(sources, source) ? sources[source] : source;
}

export function supplierTypeSourceLabel(source: string, lang: Language): string {
  return source === 'none' ? LABELS[lang].typeSourceNone : source;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let found = formatters.get(key);
  if (found === undefined) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/** `-0` and rounding noise never show as "-0". */
const noNegativeZero = (n: number): number => (n === 0 ? 0 : n);

/** Money in currency units: no decimals from 1 000 upwards (in absolute value), cents below. */
export function formatMoney(amount: number, currency: Currency, lang: Language): string {
  const decimals = Math.abs(amount) >= 1000 ? 0 : 2;
  const locale = LABELS[lang].locale;
  const nf = formatter(
    `money|${locale}|${currency}|${decimals}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        // `£`, not `£GB`, in a French report.
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      }),
  );
  const factor = 10 ** decimals;
  return nf.format(noNegativeZero(Math.round(amount * factor) / factor));
}

/** A 0–1 share as a percentage with one decimal: `42,1 %` (non-breaking space) in French, `42.1%` in English. */
export function formatShare(share: number, lang: Language): string {
  const locale = LABELS[lang].locale;
  const nf = formatter(
    `share|${locale}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  );
  const number = nf.format(noNegativeZero(Math.round(share * 1000) / 10));
  return lang === 'fr' ? `${number}${NBSP}%` : `${number}%`;
}

export function formatInteger(n: number, lang: Language): string {
  const locale = LABELS[lang].locale;
  const nf = formatter(`int|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
  return nf.format(noNegativeZero(n));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO date (`2024-01-31`) written out in full; anything else is returned as given. */
export function formatDate(isoDate: string, lang: Language): string {
  if (!ISO_DATE.test(isoDate)) return isoDate;
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(LABELS[lang].locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** An ISO date-time as a date and UTC time. */
export function formatDateTime(isoDateTime: string, lang: Language): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  const text = new Intl.DateTimeFormat(LABELS[lang].locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
  return `${text} UTC`;
}
