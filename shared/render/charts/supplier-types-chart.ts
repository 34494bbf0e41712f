import type { TopLevelSpec } from 'vega-lite';
import type { Report } from '../../domain/report/report-schema.ts';
import { SOCIAL_ECONOMY_TYPES } from '../../domain/report/to-whom.ts';
import { formatMoney, formatShare, type Labels, supplierTypeLabel } from '../labels.ts';
import { type BarRow, barListSpec, describeRows } from './bar-list.ts';
import { CHART_WIDTH, COLOURS } from './chart-theme.ts';

/** The social and solidarity economy (ESS): what a CWB programme wants to grow. */
const SOCIAL_ECONOMY = new Set(SOCIAL_ECONOMY_TYPES);

/** To whom: one bar per supplier type, largest first, "unknown" last; the social economy in green. */
export function supplierTypesChart(report: Report, labels: Labels, width = CHART_WIDTH): TopLevelSpec {
  const lang = report.language;
  const ordered = [...report.bySupplierType].sort(
    (a, b) => Number(a.type === 'unknown') - Number(b.type === 'unknown') || b.amount - a.amount,
  );
  const seriesOf = (type: string): string =>
    type === 'unknown'
      ? labels.charts.legendUnknownType
      : SOCIAL_ECONOMY.has(type)
        ? labels.charts.legendSocialEconomy
        : labels.charts.legendOtherTypes;
  const rows: BarRow[] = ordered.map((entry, index) => ({
    key: String(index),
    label: entry.label || supplierTypeLabel(entry.type, lang),
    segments: [{ from: 0, to: Math.max(0, entry.share), series: seriesOf(entry.type) }],
    valueText: `${formatShare(entry.share, lang)} · ${formatMoney(entry.amount, report.currency, lang)}`,
  }));
  return barListSpec({
    width,
    language: lang,
    currency: report.currency,
    title: labels.charts.typesTitle,
    subtitle: labels.charts.typesSubtitle,
    description: describeRows(labels, labels.charts.typesDescription, rows),
    rows,
    series: [
      { name: labels.charts.legendSocialEconomy, colour: COLOURS.socialEconomy },
      { name: labels.charts.legendOtherTypes, colour: COLOURS.local },
      { name: labels.charts.legendUnknownType, colour: COLOURS.unknown },
    ],
  });
}
