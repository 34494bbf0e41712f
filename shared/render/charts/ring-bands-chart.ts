import type { TopLevelSpec } from 'vega-lite';
import type { Report } from '../../domain/report/report-schema.ts';
import { fallbackRingLabel, formatMoney, formatShare, type Labels } from '../labels.ts';
import { type BarRow, barListSpec, describeRows } from './bar-list.ts';
import { CHART_WIDTH, COLOURS } from './chart-theme.ts';

const UNKNOWN = 'unknown';

/**
 * Where the money goes, by the delivering establishment: one bar per ring from the most local out.
 * Each bar starts where the rings closer in stop (drawn light), so its whole length is the
 * cumulative share — "42 % in the metropolis, 64 % in the region or closer".
 */
export function ringBandsChart(report: Report, labels: Labels, width = CHART_WIDTH): TopLevelSpec {
  const lang = report.language;
  const share = (value: number) => formatShare(value, lang);
  const localIndex = report.byRing.findIndex((band) => band.ring === report.headline.localRing);
  const localName = labels.charts.legendLocal(
    labels.quote(report.byRing[localIndex]?.label || fallbackRingLabel(report.headline.localRing, lang)),
  );
  const seriesOf = (ring: string, index: number): string =>
    ring === UNKNOWN
      ? labels.charts.legendUnknown
      : index <= localIndex
        ? localName
        : labels.charts.legendNonLocal;
  const rows: BarRow[] = report.byRing.map((band, index) => {
    const start = Math.max(0, band.cumulativeShare - band.share);
    const figures = `${share(band.share)} · ${formatMoney(band.amount, report.currency, lang)}`;
    return {
      key: String(index),
      label: band.label || fallbackRingLabel(band.ring, lang),
      segments: [
        { from: 0, to: start, series: labels.charts.legendCloser },
        { from: start, to: band.cumulativeShare, series: seriesOf(band.ring, index) },
      ],
      valueText:
        index === 0 ? figures : `${figures} · ${labels.charts.cumulative(share(band.cumulativeShare))}`,
    };
  });
  return barListSpec({
    width,
    language: lang,
    currency: report.currency,
    title: labels.charts.ringsTitle,
    subtitle: labels.charts.ringsSubtitle,
    description: describeRows(labels, labels.charts.ringsDescription, rows),
    rows,
    series: [
      { name: localName, colour: COLOURS.local },
      { name: labels.charts.legendNonLocal, colour: COLOURS.nonLocal },
      { name: labels.charts.legendUnknown, colour: COLOURS.unknown },
      { name: labels.charts.legendCloser, colour: COLOURS.closer, outline: COLOURS.closerStroke },
    ],
  });
}
