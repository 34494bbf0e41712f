import type { TopLevelSpec } from 'vega-lite';
import type { Report } from '../../domain/report/report-schema.ts';
import { formatMoney, formatShare, type Labels } from '../labels.ts';
import { type BarRow, barListSpec, describeRows } from './bar-list.ts';
import { CHART_WIDTH, COLOURS } from './chart-theme.ts';

/** Beyond this many sectors, the smallest are drawn as one "other sectors" bar (the table has them all). */
export const SECTORS_DRAWN = 10;

/**
 * Spend by sector, largest first, each bar split into what went to local suppliers (blue) and the
 * rest (orange: outside the local area, or location unknown).
 */
export function sectorsChart(report: Report, labels: Labels, width = CHART_WIDTH): TopLevelSpec {
  const lang = report.language;
  const sorted = [...report.bySector].sort((a, b) => b.amount - a.amount);
  const kept = sorted.length > SECTORS_DRAWN ? sorted.slice(0, SECTORS_DRAWN - 1) : sorted;
  const rest = sorted.slice(kept.length);
  const entries = kept.map((sector) => ({
    label: sector.label || sector.sector,
    amount: sector.amount,
    localAmount: sector.localAmount,
  }));
  if (rest.length > 0) {
    entries.push({
      label: labels.charts.otherSectors(rest.length),
      amount: rest.reduce((sum, sector) => sum + sector.amount, 0),
      localAmount: rest.reduce((sum, sector) => sum + sector.localAmount, 0),
    });
  }
  const rows: BarRow[] = entries.map((entry, index) => {
    const local = Math.min(Math.max(0, entry.localAmount), Math.max(0, entry.amount));
    const localShare = entry.amount > 0 ? local / entry.amount : 0;
    return {
      key: String(index),
      label: entry.label,
      segments: [
        { from: 0, to: local, series: labels.charts.legendLocalSpend },
        { from: local, to: Math.max(local, entry.amount), series: labels.charts.legendOtherSpend },
      ],
      valueText: `${formatMoney(entry.amount, report.currency, lang)} · ${labels.charts.localPart(formatShare(localShare, lang))}`,
    };
  });
  return barListSpec({
    width,
    language: lang,
    currency: report.currency,
    title: labels.charts.sectorsTitle,
    subtitle: labels.charts.sectorsSubtitle,
    description: describeRows(labels, labels.charts.sectorsDescription, rows),
    rows,
    series: [
      { name: labels.charts.legendLocalSpend, colour: COLOURS.local },
      { name: labels.charts.legendOtherSpend, colour: COLOURS.nonLocal },
    ],
  });
}
