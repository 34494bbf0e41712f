import type { Report } from '../domain/report/report-schema.ts';
import { renderReportCharts } from './charts/report-charts.ts';
import { renderPage } from './html-page.ts';
import { renderCoverage, renderDatasets, renderUnmatched } from './report-sections/data-quality.ts';
import { renderGlossary } from './report-sections/glossary.ts';
import { renderFooter, renderHeader, renderMeta, renderNav } from './report-sections/header.ts';
import { renderHeadline } from './report-sections/headline.ts';
import { renderLocalMultiplier } from './report-sections/local-multiplier.ts';
import { renderLeakage, renderSectors } from './report-sections/sectors-and-leakage.ts';
import { renderTopSuppliers, renderTotals } from './report-sections/suppliers-and-totals.ts';
import { renderAnchors, renderTrend } from './report-sections/trend-and-anchors.ts';
import { renderRings, renderTypes } from './report-sections/where-and-to-whom.ts';
import { viewOf } from './report-view.ts';

/**
 * The whole report as one self-contained HTML page (inline CSS and SVG charts, nothing fetched), in
 * the order a reader asks: how local (first, even on a phone: the metadata and contents follow it),
 * where the money goes, what it is worth locally once re-spent (LM3), to whom, by sector, where it leaks, the trend against the targets, the
 * anchors compared, then the detail and how far to trust it.
 */
export async function renderReportHtml(report: Report): Promise<string> {
  const view = viewOf(report);
  const { L } = view;
  const charts = await renderReportCharts(report, L);
  const sections = [
    { id: 's-rings', heading: L.sections.rings, html: renderRings(view, charts.rings) },
    {
      id: 's-multiplier',
      heading: L.sections.multiplier,
      html: renderLocalMultiplier(view, charts.multiplier),
    },
    { id: 's-types', heading: L.sections.types, html: renderTypes(view, charts.types) },
    { id: 's-sectors', heading: L.sections.sectors, html: renderSectors(view, charts.sectors) },
    { id: 's-leakage', heading: L.sections.leakage, html: renderLeakage(view, charts.leakage) },
    { id: 's-trend', heading: L.sections.trend, html: renderTrend(view, charts.trend) },
    ...(report.anchorComparison.length > 1
      ? [{ id: 's-anchors', heading: L.sections.anchors, html: renderAnchors(view) }]
      : []),
    { id: 's-top-suppliers', heading: L.sections.topSuppliers, html: renderTopSuppliers(view) },
    { id: 's-totals', heading: L.sections.totals, html: renderTotals(view) },
    { id: 's-coverage', heading: L.sections.coverage, html: renderCoverage(view) },
    { id: 's-unmatched', heading: L.sections.unmatched, html: renderUnmatched(view) },
    { id: 's-datasets', heading: L.sections.datasets, html: renderDatasets(view) },
  ];
  const body = [
    renderHeader(view),
    '<main>',
    renderHeadline(view, charts.progress),
    renderGlossary(view),
    renderMeta(view),
    renderNav(view, [...sections, { id: 's-method', heading: L.sections.method }]),
    ...sections.map((entry) => entry.html),
    '</main>',
    renderFooter(view),
  ].join('\n');
  return renderPage({ lang: report.language, title: `${L.title} — ${report.territory.name}`, body });
}
