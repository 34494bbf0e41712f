import type { Currency, DatasetKind } from '../domain/dataset-kind.ts';
import type { LocalitySource } from '../domain/locality/place.ts';
import { formatMoneyUnits } from '../domain/money-text.ts';
import type { Report } from '../domain/report/report-schema.ts';
import { UNDATED_MONTH } from '../domain/spend-line.ts';
import { en } from './labels-en.ts';
import { fr } from './labels-fr.ts';
import type { MultiplierLabels } from './labels-multiplier.ts';

export { SUPPLIER_TYPE_IDS, supplierTypeLabel } from '../domain/supplier-type.ts';

export type Language = 'fr' | 'en';
type SectorScheme = Report['sectorScheme'];
type NotCountedReason = Report['dataQuality']['datasetsNotCounted'][number]['reason'];
type StatedTrendMethod = Exclude<Report['trend']['method'], 'too-short' | 'not-measurable'>;
/** What is still to establish about a supplier nothing identifies. */
export type Unknowns = 'type' | 'location' | 'both' | 'neither';

/**
 * Every piece of user-visible text, per language (`labels-fr.ts`, `labels-en.ts`). Functions return
 * plain text: the renderers escape what they get back, so a label never carries markup.
 */
export interface Labels {
  readonly locale: string;
  readonly title: string;
  readonly quote: (text: string) => string;
  /** `label : value` with the language's punctuation. */
  readonly pair: (label: string, value: string) => string;
  readonly listSeparator: string;
  /** A difference of two shares, in percentage points: `2,9 points`. */
  readonly points: (formattedNumber: string, value: number) => string;
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
    /** The scope of lines whose file names no buyer, uploaded without saying whose they are. */
    readonly scopeAnchorUnknown: string;
    /** Such lines' buyer, where buyers are listed by name. */
    readonly unknownBuyer: string;
    readonly methodVersion: string;
    readonly schemaVersion: string;
    readonly generatedAt: string;
  };
  readonly kind: Readonly<Record<DatasetKind, string>>;
  /** The kind inside a sentence: « ce rapport porte uniquement sur les marchés notifiés ». */
  readonly kindInSentence: Readonly<Record<DatasetKind, string>>;
  readonly nav: { readonly heading: string };
  readonly headline: {
    readonly heading: string;
    readonly localShareLead: (quotedRingLabel: string) => string;
    readonly localAmount: (amount: string) => string;
    readonly influenceable: string;
    readonly knownLocality: string;
    readonly ofInfluenceable: (share: string) => string;
    readonly headOffice: string;
    readonly unknownAndAmbiguous: (unknown: string, ambiguous: string) => string;
    /** An illustrative target says so in its own name, wherever it appears. */
    readonly target: (share: string, year: number, illustrative: boolean) => string;
    readonly gapToGo: (points: string) => string;
    readonly targetReached: (points: string) => string;
    readonly baseline: (share: string, year: number) => string;
    readonly trend: string;
    readonly trendFromTo: (from: string, to: string) => string;
    readonly leakage: string;
    readonly leakageValue: (amount: string, share: string) => string;
    readonly leakageNote: string;
    readonly biggestLeak: (sector: string, amount: string) => string;
    readonly opportunities: string;
    readonly opportunitiesValue: (sectors: number, amount: string) => string;
    readonly opportunitiesNote: string;
  };
  readonly sections: {
    readonly rings: string;
    readonly multiplier: string;
    readonly types: string;
    readonly cooperatives: string;
    readonly sectors: string;
    readonly leakage: string;
    readonly leakageSuppliers: string;
    readonly leakageSectors: string;
    readonly opportunities: string;
    readonly trend: string;
    readonly targets: string;
    readonly referencePoints: string;
    readonly anchors: string;
    readonly topSuppliers: string;
    readonly concentration: string;
    readonly totals: string;
    readonly exclusions: string;
    readonly coverage: string;
    readonly largestLines: string;
    readonly reconciliation: string;
    readonly unmatched: string;
    readonly datasets: string;
    readonly method: string;
  };
  readonly intros: {
    readonly rings: string;
    readonly headOffice: string;
    readonly types: string;
    readonly sectors: (scheme: string) => string;
    readonly leakage: (amount: string, share: string) => string;
    readonly opportunities: string;
    readonly trend: string;
    readonly noTarget: string;
    readonly anchors: string;
    readonly unmatched: string;
  };
  readonly sectorSchemes: Readonly<Record<SectorScheme, string>>;
  /** The local multiplier (LM3) section. */
  readonly multiplier: MultiplierLabels;
  readonly charts: {
    readonly ringsTitle: string;
    readonly ringsSubtitle: string;
    readonly ringsDescription: string;
    readonly cumulative: (share: string) => string;
    readonly legendLocal: (quotedRingLabel: string) => string;
    readonly legendNonLocal: string;
    readonly legendUnknown: string;
    readonly legendCloser: string;
    readonly typesTitle: string;
    readonly typesSubtitle: string;
    readonly typesDescription: string;
    readonly legendSocialEconomy: string;
    readonly legendOtherTypes: string;
    readonly legendUnknownType: string;
    readonly sectorsTitle: string;
    readonly sectorsSubtitle: string;
    readonly sectorsDescription: string;
    readonly legendLocalSpend: string;
    readonly legendOtherSpend: string;
    readonly localPart: (share: string) => string;
    readonly otherSectors: (count: number) => string;
    readonly leakageTitle: (count: number) => string;
    readonly leakageSubtitle: string;
    readonly leakageDescription: string;
    readonly progressTitle: string;
    readonly progressCurrent: string;
    readonly trendTitle: string;
    readonly trendSubtitle: string;
    readonly trendDescription: string;
    readonly trendAxis: string;
    readonly targetLine: (share: string, year: number, illustrative: boolean) => string;
    readonly baselineLine: (share: string, year: number) => string;
  };
  readonly captions: {
    readonly rings: string;
    readonly ringsHeadOffice: string;
    readonly types: string;
    readonly topSuppliers: (count: number) => string;
    readonly cooperatives: string;
    readonly sectors: string;
    readonly leakageSuppliers: string;
    readonly leakageSectors: string;
    readonly opportunities: string;
    readonly trend: string;
    readonly targets: string;
    readonly anchors: string;
    /** `mixed`: some rows lack their type, others their location. */
    readonly unmatched: (unknowns: Unknowns | 'mixed') => string;
    readonly totals: string;
    readonly dataQuality: string;
    readonly largestLines: string;
    readonly localityBySource: string;
    readonly headOfficeBySource: string;
    readonly typeBySource: string;
    readonly datasets: string;
  };
  readonly columns: {
    readonly ring: string;
    readonly headOfficeRing: string;
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
    readonly uploadedBy: string;
    readonly format: string;
    readonly encoding: string;
    readonly lines: string;
    readonly rejectedLines: string;
    readonly sha256: string;
    readonly detail: string;
    readonly sector: string;
    readonly localAmount: string;
    readonly localShare: string;
    readonly nonLocalAmount: string;
    readonly shareOfLeakage: string;
    readonly localSuppliersPaid: string;
    readonly localEstablishments: string;
    readonly examples: string;
    readonly period: string;
    readonly influenceable: string;
    readonly target: string;
    readonly targetYear: string;
    readonly baseline: string;
    readonly current: string;
    readonly gap: string;
    readonly anchor: string;
    readonly anchorType: string;
    readonly reason: string;
    readonly countedIn: string;
    readonly toEstablish: string;
    readonly targetStatus: string;
  };
  /** A supplier's row among those to identify first: what is still unknown about it. */
  readonly unknowns: Readonly<Record<Unknowns, string>>;
  /**
   * What a reader is told when a share rests on too little known spend (docs/method.md, "When a
   * share cannot be measured"), and how targets and the trend are stated.
   */
  readonly measurement: {
    /** In the headline's place of the figure. */
    readonly notMeasurable: string;
    readonly notMeasurableLead: (quotedRingLabel: string, known: string, minimum: string) => string;
    readonly howToFix: string;
    readonly locatedLocal: string;
    readonly headOfficeNotMeasurable: (known: string) => string;
    /** Replaces the head-office table when no head office at all is known. */
    readonly headOfficeUnknown: string;
    /** In a table cell: a share or a gap that cannot be measured. */
    readonly notMeasured: string;
    readonly targetNotMeasurable: string;
    /** A target's status, in the targets table. */
    readonly targetStatus: Readonly<Record<'adopted' | 'illustrative', string>>;
    readonly trendMethods: Readonly<
      Record<StatedTrendMethod, (fromWindow: string, toWindow: string) => string>
    >;
    readonly monthlyRange: (min: string, max: string) => string;
  };
  /** The figures a community-wealth-building reader asks first about who is paid. */
  readonly toWhom: {
    readonly socialEconomy: string;
    readonly socialEconomyNote: (suppliers: number) => string;
    readonly smallBusinesses: string;
    readonly smallBusinessesNote: string;
    readonly sizeUnknown: (amount: string, share: string) => string;
    readonly sizeNotKnown: string;
    readonly typeUnknown: (share: string) => string;
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
  /** The words of the headline a reader may not know, explained beside it, not only at the end. */
  readonly glossary: { readonly title: string; readonly terms: readonly (readonly [string, string])[] };
  readonly concentration: {
    readonly top10Share: string;
    readonly hhi: string;
    readonly hhiReading: (hhi: number) => string;
  };
  readonly coverage: {
    readonly knownLocality: string;
    readonly ambiguousAmount: string;
    readonly knownType: string;
    readonly register: string;
    /** The stock's refresh, given as dates already written in the report's language. */
    readonly stockRefreshed: (refreshedOn: string, publishedOn: string | null) => string;
    readonly noStock: string;
    readonly lookedUp: string;
    readonly lookedUpBy: (suppliers: string, provider: string, from: string, to: string) => string;
    readonly lookupsOffline: (day: string) => string;
  };
  readonly dataQuality: {
    readonly rejectedLines: string;
    readonly setAsideLines: string;
    readonly unknownLocalityAmount: string;
    readonly ambiguousLocalityAmount: string;
    readonly unknownTypeAmount: string;
    readonly overlapAmount: (pairs: number) => string;
    readonly undatedAmount: string;
  };
  /** How the files' money ties out, to the cent: what an officer checks against their own ledger. */
  readonly reconciliation: {
    readonly intro: string;
    readonly allFiles: string;
    readonly oneFile: (file: string) => string;
    readonly control: string;
    readonly counted: string;
    readonly concessions: string;
    readonly setAside: (label: string) => string;
    readonly rejected: (linesWithAmount: string) => string;
    readonly totalRows: string;
    readonly statedTotal: (line: string) => string;
    /** The row of the difference, stated total − counted, when they agree and when they do not. */
    readonly agrees: string;
    readonly disagrees: string;
    readonly flagged: (label: string) => string;
    readonly notCounted: string;
    readonly allCounted: string;
    readonly notCountedReasons: Readonly<Record<NotCountedReason, string>>;
  };
  /** Published figures from other places, with the caveat that definitions of "local" differ. */
  readonly referencePoints: { readonly intro: string; readonly items: readonly string[] };
  readonly anchorTypes: Readonly<Record<string, string>>;
  readonly noData: string;
  readonly notStated: string;
  /** The trend's point for lines with no readable date. */
  readonly undatedPeriod: string;
  readonly rings: { readonly abroad: string; readonly unknown: string };
  readonly localitySources: Readonly<Record<LocalitySource, string>>;
  /** Where a supplier's type came from (`SupplierTypeSource` in the domain). */
  readonly typeSources: Readonly<Record<string, string>>;
  readonly methodNote: (kindInSentence: string) => string;
  readonly footerVersions: (methodVersion: string, schemaVersion: string) => string;
  readonly index: {
    readonly title: string;
    readonly intro: string;
    readonly caption: (territory: string) => string;
    readonly consortium: string;
    readonly open: string;
    readonly languages: Readonly<Record<string, string>>;
    readonly empty: string;
    readonly columns: {
      readonly report: string;
      readonly scope: string;
      readonly kind: string;
      readonly language: string;
      readonly period: string;
      readonly generatedAt: string;
      readonly localShare: string;
    };
    readonly notMeasurable: (knownLocality: string) => string;
  };
  readonly csv: {
    readonly yes: string;
    readonly no: string;
    readonly suppliers: (currency: string) => readonly string[];
    readonly byRing: (currency: string) => readonly string[];
    readonly bySupplierType: (currency: string) => readonly string[];
    /** The datasets' columns, their reconciliation's included; a column per line flag follows them. */
    readonly datasets: (currency: string) => readonly string[];
    readonly flaggedAmount: (flagLabel: string, currency: string) => string;
    readonly bySector: (currency: string) => readonly string[];
    readonly leakage: (currency: string) => readonly string[];
    readonly opportunities: (currency: string) => readonly string[];
    readonly trend: (currency: string) => readonly string[];
    readonly anchors: (currency: string) => readonly string[];
  };
}

const NBSP = '\u00A0';

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
  const sources = LABELS[lang].typeSources;
  return has(sources, source) ? (sources[source] ?? source) : source;
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

/**
 * Money in whole currency units, whatever the amount: a summary table keeps one choice of decimals
 * for all its figures (one formatter per language, `formatMoneyCents`, shared with the portal and CLI).
 */
export function formatMoney(amount: number, currency: Currency, lang: Language): string {
  return formatMoneyUnits(amount, currency, lang, 'whole');
}

/** Money to the cent, whatever the amount: for a reconciliation, checked against a ledger. */
export function formatMoneyToCent(amount: number, currency: Currency, lang: Language): string {
  return formatMoneyUnits(amount, currency, lang, 'minor');
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

/**
 * A ratio (a multiplier, a value per unit spent) with two decimals, or up to the four the report keeps
 * when `exact`, so that the arithmetic shown can be redone with the figures shown.
 */
export function formatRatio(value: number, lang: Language, exact = false): string {
  const locale = LABELS[lang].locale;
  const nf = formatter(
    `ratio|${locale}|${exact}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: exact ? 4 : 2 }),
  );
  return nf.format(noNegativeZero(value));
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

export function anchorTypeLabel(type: string, lang: Language): string {
  const types = LABELS[lang].anchorTypes;
  return has(types, type) ? (types[type] ?? type) : type;
}

/** A difference of two 0–1 shares in percentage points, one decimal: `2,9 points`. */
export function formatPoints(difference: number, lang: Language): string {
  const points = Math.round(difference * 1000) / 10;
  const locale = LABELS[lang].locale;
  const nf = formatter(
    `points|${locale}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  );
  const value = noNegativeZero(points);
  return LABELS[lang].points(nf.format(value), value);
}

/**
 * A trend period as a reader says it: `2024`, or `janv. 2024` / `Jan 2024` for a month, and
 * `non daté` / `undated` for the lines with no readable date.
 */
export function formatPeriod(period: string, lang: Language): string {
  if (period === UNDATED_MONTH) return LABELS[lang].undatedPeriod;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  const date = new Date(`${period}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  return new Intl.DateTimeFormat(LABELS[lang].locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
