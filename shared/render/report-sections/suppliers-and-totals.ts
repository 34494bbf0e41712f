import { escapeHtml } from '../html-escape.ts';
import { paragraph, renderFacts, renderTable, section, subheading } from '../html-table.ts';
import type { View } from '../report-view.ts';
import { renderMeasureTable } from './measure-table.ts';

/** The largest suppliers, then how concentrated spend is (top-10 share, HHI). */
export function renderTopSuppliers(view: View): string {
  const { report, L } = view;
  const table = renderTable(
    L.captions.topSuppliers(report.topSuppliers.length),
    [
      { label: L.columns.name },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.ring },
      { label: L.columns.headOfficeRing },
      { label: L.columns.supplierType },
    ],
    report.topSuppliers.map((supplier) => [
      { text: supplier.name, rowHeader: true },
      { text: view.money(supplier.amount), numeric: true },
      { text: view.share(supplier.share), numeric: true },
      { text: view.ringLabel(supplier.ring) },
      { text: view.ringLabel(supplier.headOfficeRing) },
      { text: view.typeLabel(supplier.type) },
    ]),
    L.noData,
  );
  const { top10Share, hhi } = report.concentration;
  const concentration = renderFacts([
    { term: L.concentration.top10Share, value: view.share(top10Share) },
    { term: L.concentration.hhi, value: view.int(Math.round(hhi)) },
  ]);
  return section(
    's-top-suppliers',
    L.sections.topSuppliers,
    [
      table,
      subheading('s-concentration', L.sections.concentration),
      concentration,
      paragraph(L.concentration.hhiReading(hhi)),
    ].join('\n'),
  );
}

/** Gross, excluded, grants and influenceable totals, then the exclusion rules with what each set aside. */
export function renderTotals(view: View): string {
  const { report, L } = view;
  const { totals } = report;
  const table = renderMeasureTable(view, L.captions.totals, [
    [L.totals.gross, view.money(totals.gross)],
    [L.totals.excluded, view.money(totals.excluded)],
    [L.totals.grants, view.money(totals.grants)],
    [L.totals.influenceable, view.money(totals.influenceable)],
    [L.totals.linesAccepted, view.int(totals.lines)],
    [L.totals.linesRejected, view.int(totals.rejectedLines)],
    [L.totals.suppliers, view.int(totals.suppliers)],
    ...(report.concessions.lines > 0
      ? ([[L.totals.concessions, view.money(report.concessions.amount)]] as const)
      : []),
  ]);
  const rules =
    report.exclusionRules.length === 0
      ? paragraph(L.exclusionsNone)
      : '<ul class="rules">\n' +
        report.exclusionRules
          .map(
            (rule) =>
              // The rule's label in the report's language: its id is for the territory file, not the reader.
              `<li>${escapeHtml(rule.label)} — ` + `${escapeHtml(view.money(rule.amount))}</li>`,
          )
          .join('\n') +
        '\n</ul>';
  return section(
    's-totals',
    L.sections.totals,
    `${table}\n${subheading('s-exclusions', L.sections.exclusions)}\n${rules}`,
  );
}
