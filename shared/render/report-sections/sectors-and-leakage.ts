import { figure, paragraph, renderTable, section, subheading } from '../html-table.ts';
import type { View } from '../report-view.ts';

/** Spend by sector with the local share of each (chart + table). */
export function renderSectors(view: View, chart: string | undefined): string {
  const { report, L } = view;
  const table = renderTable(
    L.captions.sectors,
    [
      { label: L.columns.sector },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.localAmount, numeric: true },
      { label: L.columns.localShare, numeric: true },
      { label: L.columns.suppliers, numeric: true },
    ],
    report.bySector.map((sector) => [
      { text: sector.label || sector.sector, rowHeader: true },
      { text: view.money(sector.amount), numeric: true },
      { text: view.share(sector.share), numeric: true },
      { text: view.money(sector.localAmount), numeric: true },
      { text: view.share(sector.localShare), numeric: true },
      { text: view.int(sector.suppliers), numeric: true },
    ]),
    L.noData,
  );
  return section(
    's-sectors',
    L.sections.sectors,
    [
      paragraph(L.intros.sectors(L.sectorSchemes[report.sectorScheme]), 'intro'),
      chart ? figure(chart) : '',
      table,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

/**
 * Where it leaks and where local suppliers already exist: the largest non-local suppliers (chart +
 * table), the sectors the money leaves from, and the sectors where anchors already pay local firms.
 */
export function renderLeakage(view: View, chart: string | undefined): string {
  const { report, L } = view;
  const { leakage, opportunities } = report;
  const influenceable = report.totals.influenceable;
  const suppliers = renderTable(
    L.captions.leakageSuppliers,
    [
      { label: L.columns.name },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.ring },
      { label: L.columns.sector },
    ],
    leakage.topSuppliers.map((supplier) => [
      { text: supplier.name, rowHeader: true },
      { text: view.money(supplier.amount), numeric: true },
      { text: view.share(supplier.share), numeric: true },
      { text: view.ringLabel(supplier.ring) },
      { text: supplier.sector ? view.sectorLabel(supplier.sector) : L.notStated },
    ]),
    L.noData,
  );
  const sectors = renderTable(
    L.captions.leakageSectors,
    [
      { label: L.columns.sector },
      { label: L.columns.nonLocalAmount, numeric: true },
      { label: L.columns.shareOfLeakage, numeric: true },
    ],
    leakage.topSectors.map((sector) => [
      { text: sector.label || sector.sector, rowHeader: true },
      { text: view.money(sector.nonLocalAmount), numeric: true },
      { text: view.share(sector.shareOfLeakage), numeric: true },
    ]),
    L.noData,
  );
  const where = renderTable(
    L.captions.opportunities,
    [
      { label: L.columns.sector },
      { label: L.columns.nonLocalAmount, numeric: true },
      { label: L.columns.localSuppliersPaid, numeric: true },
      { label: L.columns.localEstablishments, numeric: true },
      { label: L.columns.examples },
    ],
    opportunities.map((opportunity) => [
      { text: opportunity.label || opportunity.sector, rowHeader: true },
      { text: view.money(opportunity.nonLocalAmount), numeric: true },
      { text: view.int(opportunity.localSuppliersPaid), numeric: true },
      {
        text:
          opportunity.localEstablishments === null ? L.notStated : view.int(opportunity.localEstablishments),
        numeric: true,
      },
      opportunity.examples.length > 0 ? { text: '', lines: opportunity.examples } : { text: L.notStated },
    ]),
    L.noData,
  );
  const intro = L.intros.leakage(
    view.money(leakage.nonLocalAmount),
    view.share(influenceable > 0 ? leakage.nonLocalAmount / influenceable : 0),
  );
  return section(
    's-leakage',
    L.sections.leakage,
    [
      paragraph(intro, 'intro'),
      chart ? figure(chart) : '',
      suppliers,
      subheading('s-leakage-sectors', L.sections.leakageSectors),
      sectors,
      subheading('s-opportunities', L.sections.opportunities),
      paragraph(L.intros.opportunities, 'intro'),
      where,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
