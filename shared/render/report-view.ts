import { isUnknownBuyer } from '../domain/report/buyer-name.ts';
import type { Report } from '../domain/report/report-schema.ts';
import { buyerLabel } from './buyer-label.ts';
import {
  anchorTypeLabel,
  fallbackRingLabel,
  formatDate,
  formatInteger,
  formatMoney,
  formatMoneyToCent,
  formatPeriod,
  formatPoints,
  formatShare,
  type Labels,
  type Language,
  labelsFor,
  supplierTypeLabel,
} from './labels.ts';

/** One report with the formatting bound to its language and currency. */
export interface View {
  readonly report: Report;
  readonly lang: Language;
  readonly L: Labels;
  readonly money: (amount: number) => string;
  /** To the cent, whatever the amount: for figures checked against a ledger. */
  readonly moneyToCent: (amount: number) => string;
  readonly share: (share: number) => string;
  readonly points: (difference: number) => string;
  readonly int: (n: number) => string;
  readonly period: (period: string) => string;
  readonly ringLabel: (ring: string) => string;
  readonly typeLabel: (type: string) => string;
  readonly sectorLabel: (sector: string) => string;
  readonly anchorType: (type: string) => string;
  readonly buyer: (anchor: { readonly id: string; readonly name: string }) => string;
}

export function viewOf(report: Report): View {
  const lang = report.language;
  const labels = labelsFor(lang);
  return {
    report,
    lang,
    L: labels,
    money: (amount) => formatMoney(amount, report.currency, lang),
    moneyToCent: (amount) => formatMoneyToCent(amount, report.currency, lang),
    share: (share) => formatShare(share, lang),
    points: (difference) => formatPoints(difference, lang),
    int: (n) => formatInteger(n, lang),
    period: (period) => formatPeriod(period, lang),
    ringLabel: (ring) =>
      report.byRing.find((entry) => entry.ring === ring)?.label ||
      report.byRingHeadOffice.find((entry) => entry.ring === ring)?.label ||
      fallbackRingLabel(ring, lang),
    typeLabel: (type) =>
      report.bySupplierType.find((entry) => entry.type === type)?.label || supplierTypeLabel(type, lang),
    sectorLabel: (sector) =>
      report.bySector.find((entry) => entry.sector === sector)?.label ||
      report.leakage.topSectors.find((entry) => entry.sector === sector)?.label ||
      sector,
    anchorType: (type) => anchorTypeLabel(type, lang),
    buyer: (anchor) => buyerLabel(anchor, labels),
  };
}

export function periodText({ report, lang, L }: View): string {
  const { from, to } = report.period;
  if (from && to) return L.meta.periodRange(formatDate(from, lang), formatDate(to, lang));
  if (from) return L.meta.periodFrom(formatDate(from, lang));
  if (to) return L.meta.periodTo(formatDate(to, lang));
  return L.meta.periodUnknown;
}

export function scopeText({ report, L, buyer }: View): string {
  if (report.scope.type === 'consortium') {
    // Lines whose buyer is not known are no anchor institution: they are not counted as one.
    const known = report.anchors.filter((anchor) => !isUnknownBuyer(anchor));
    if (known.length === 0 && report.anchors.length > 0) return L.meta.scopeAnchorUnknown;
    const names = report.anchors.map(buyer).join(', ');
    const summary = L.meta.scopeConsortium(known.length);
    return names ? `${summary} (${names})` : summary;
  }
  const id = report.scope.anchorId;
  const anchor =
    report.anchors.find((a) => a.id === id) ?? (report.anchors.length === 1 ? report.anchors[0] : undefined);
  return L.meta.scopeAnchor(anchor?.name ?? id ?? L.notStated);
}
