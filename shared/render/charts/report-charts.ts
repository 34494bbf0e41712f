import type { Report } from '../../domain/report/report-schema.ts';
import type { Labels } from '../labels.ts';
import { CHART_WIDTH, NARROW_CHART_WIDTH } from './chart-theme.ts';
import { leakageChart } from './leakage-chart.ts';
import { multiplierChart } from './multiplier-chart.ts';
import { renderChartSvg } from './render-chart-svg.ts';
import { ringBandsChart } from './ring-bands-chart.ts';
import { sectorsChart } from './sectors-chart.ts';
import { supplierTypesChart } from './supplier-types-chart.ts';
import { targetProgressChart } from './target-progress-chart.ts';
import { trendChart } from './trend-chart.ts';

/**
 * A report's charts as SVG strings; a chart with nothing to draw is left out (its table says so).
 * Each is drawn twice, for a wide column and for a phone: the page's CSS shows the one that fits
 * (static SVG cannot reflow its text, and a wide chart shrunk to a phone makes it unreadable).
 */
export interface ReportCharts {
  readonly progress: string | undefined;
  readonly rings: string | undefined;
  readonly multiplier: string | undefined;
  readonly types: string | undefined;
  readonly sectors: string | undefined;
  readonly leakage: string | undefined;
  readonly trend: string | undefined;
}

export async function renderReportCharts(report: Report, labels: Labels): Promise<ReportCharts> {
  const both = async (chart: typeof ringBandsChart): Promise<string> => {
    const [wide, narrow] = await Promise.all([
      renderChartSvg(chart(report, labels, CHART_WIDTH), 'chart-svg chart-wide'),
      renderChartSvg(chart(report, labels, NARROW_CHART_WIDTH), 'chart-svg chart-narrow'),
    ]);
    return wide + narrow;
  };
  const when = (draw: boolean, chart: typeof ringBandsChart): Promise<string | undefined> =>
    draw ? both(chart) : Promise.resolve(undefined);
  const [progress, rings, multiplier, types, sectors, leakage, trend] = await Promise.all([
    // A bar drawn from an unmeasurable share would show the unknown as 0 %.
    when(report.totals.influenceable > 0 && report.headline.measurable, targetProgressChart),
    when(report.byRing.length > 0, ringBandsChart),
    // Rounds drawn for a multiplier that is not measured would read as one.
    when(report.localMultiplier.lm3 !== null, multiplierChart),
    when(report.bySupplierType.length > 0, supplierTypesChart),
    when(report.bySector.length > 0, sectorsChart),
    when(report.leakage.topSuppliers.length > 0, leakageChart),
    when(report.trend.points.length > 0, trendChart),
  ]);
  return { progress, rings, multiplier, types, sectors, leakage, trend };
}
