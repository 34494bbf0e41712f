import type { TopLevelSpec } from 'vega-lite';
import type { Report } from '../../domain/report/report-schema.ts';
import { formatMoney, type Labels } from '../labels.ts';
import { type BarRow, barListSpec, describeRows, type Segment } from './bar-list.ts';
import { CHART_WIDTH, COLOURS } from './chart-theme.ts';

/** Pieces laid end to end from 0, empty ones left out. */
function stacked(pieces: readonly (readonly [string, number])[]): Segment[] {
  let end = 0;
  const segments: Segment[] = [];
  for (const [series, amount] of pieces) {
    if (amount <= 0) continue;
    segments.push({ from: end, to: end + amount, series });
    end += amount;
  }
  return segments;
}

/**
 * The local multiplier's three rounds, one bar each: round 1 (spend with suppliers, staff), round 2
 * (local suppliers, local staff's wages), round 3 (re-spent by suppliers that answered, by the others
 * at the defaults, by staff). What rests on an assumption is its own colour.
 */
export function multiplierChart(report: Report, labels: Labels, width = CHART_WIDTH): TopLevelSpec {
  const lang = report.language;
  const { rounds } = report.localMultiplier;
  const M = labels.multiplier;
  const money = (amount: number) => formatMoney(amount, report.currency, lang);
  const round = (key: 'r1' | 'r2' | 'r3', pieces: readonly (readonly [string, number])[]): BarRow => ({
    key,
    label: `${M.rounds[key]} — ${M.rounds[`${key}What`]}`,
    segments: stacked(pieces),
    // Round 3's range is in the rounds' table under the chart: on a phone it would not fit after the bar.
    valueText: money(rounds[key].total),
  });
  const rows: BarRow[] = [
    round('r1', [
      [M.chart.spend, rounds.r1.spend],
      [M.chart.staff, rounds.r1.staff],
    ]),
    round('r2', [
      [M.chart.localSuppliers, rounds.r2.suppliers],
      [M.chart.staff, rounds.r2.staff],
    ]),
    round('r3', [
      [M.chart.answered, rounds.r3.answered],
      [M.chart.defaults, rounds.r3.defaults + rounds.r3.staff],
    ]),
  ];
  return barListSpec({
    width,
    language: lang,
    currency: report.currency,
    title: M.chart.title,
    subtitle: M.chart.subtitle,
    description: describeRows(labels, M.chart.description, rows),
    rows,
    series: [
      { name: M.chart.spend, colour: COLOURS.closerStroke },
      { name: M.chart.staff, colour: COLOURS.closer, outline: COLOURS.closerStroke },
      { name: M.chart.localSuppliers, colour: COLOURS.local },
      { name: M.chart.answered, colour: COLOURS.socialEconomy },
      { name: M.chart.defaults, colour: COLOURS.mutedText },
    ],
  });
}
