import type { Report } from '../../domain/report/report-schema.ts';
import type { Labels } from '../labels.ts';
import { leakageChart } from './leakage-chart.ts';
import { renderChartSvg } from './render-chart-svg.ts';
import { ringBandsChart } from './ring-bands-chart.ts';
import { sectorsChart } from './sectors-chart.ts';
import { supplierTypesChart } from './supplier-types-chart.ts';
import { targetProgressChart } from './target-progress-chart.ts';
import { trendChart } from './trend-chart.ts';

/** A report's charts as SVG strings; a chart with nothing to draw is left out (its table says so). */
export interface ReportCharts {
  readonly progress: string | undefined;
  readonly rings: string | undefined;
  readonly types: string | undefined;
  readonly sectors: string | undefined;
  readonly leakage: string | undefined;
  readonly trend: string | undefined;
}

export async function renderReportCharts(report: Report, labels: Labels): Promise<ReportCharts> {
  const when = (draw: boolean, chart: typeof ringBandsChart): Promise<string | undefined> =>
    draw ? renderChartSvg(chart(report, labels)) : Promise.resolve(undefined);
  const [progress, rings, types, sectors, leakage, trend] = await Promise.all([
    when(report.totals.influenceable > 0, targetProgressChart),
    when(report.byRing.length > 0, ringBandsChart),
    when(report.bySupplierType.length > 0, supplierTypesChart),
    when(report.bySector.length > 0, sectorsChart),
    when(report.leakage.topSuppliers.length > 0, leakageChart),
    when(report.trend.points.length > 0, trendChart),
  ]);
  return { progress, rings, types, sectors, leakage, trend };
}
