import type { TopLevelSpec } from 'vega-lite';
import type { Report } from '../../domain/report/report-schema.ts';
import { fallbackRingLabel, formatMoney, type Labels } from '../labels.ts';
import { type BarRow, barListSpec, describeRows } from './bar-list.ts';
import { CHART_WIDTH, COLOURS } from './chart-theme.ts';

/** Where the money leaves: the largest suppliers outside the local area, with where they are. */
export function leakageChart(report: Report, labels: Labels, width = CHART_WIDTH): TopLevelSpec {
  const lang = report.language;
  const ringLabel = (ring: string): string =>
    report.byRing.find((band) => band.ring === ring)?.label || fallbackRingLabel(ring, lang);
  const suppliers = [...report.leakage.topSuppliers].sort((a, b) => b.amount - a.amount);
  const rows: BarRow[] = suppliers.map((supplier, index) => ({
    key: String(index),
    label: supplier.name,
    segments: [{ from: 0, to: Math.max(0, supplier.amount), series: labels.charts.legendNonLocal }],
    valueText: `${formatMoney(supplier.amount, report.currency, lang)} · ${ringLabel(supplier.ring)}`,
  }));
  return barListSpec({
    width,
    language: lang,
    currency: report.currency,
    title: labels.charts.leakageTitle(rows.length),
    subtitle: labels.charts.leakageSubtitle,
    description: describeRows(labels, labels.charts.leakageDescription, rows),
    rows,
    series: [{ name: labels.charts.legendNonLocal, colour: COLOURS.nonLocal }],
  });
}
