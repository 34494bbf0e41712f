import { unitsAsCents } from '../../domain/money.ts';
import type { Report } from '../../domain/report/report-schema.ts';
import { type Cell, type Column, paragraph, renderTable, subheading } from '../html-table.ts';
import type { View } from '../report-view.ts';

type Reconciliation = Report['dataQuality']['reconciliation'];

/** A measure, its line count when it has one, its amount (already formatted: to the cent). */
function row(view: View, measure: string, lines: number | undefined, amount: string): Cell[] {
  return [
    { text: measure, rowHeader: true },
    { text: lines === undefined ? '' : view.int(lines), numeric: true },
    { text: amount, numeric: true },
  ];
}

/** The file's own grand total, and how far the spend counted is from it. */
function statedTotalRows(view: View, reconciliation: Reconciliation): Cell[][] {
  const { L } = view;
  const stated = reconciliation.statedTotal;
  if (!stated) return [];
  const difference = view.moneyToCent(
    (unitsAsCents(stated.amount) - unitsAsCents(reconciliation.counted)) / 100,
  );
  return [
    row(view, L.reconciliation.statedTotal(String(stated.line)), undefined, view.moneyToCent(stated.amount)),
    row(view, stated.agrees ? L.reconciliation.agrees : L.reconciliation.disagrees, undefined, difference),
  ];
}

/**
 * One reconciliation as a table, in the order it adds up: the control total, then its parts
 * (counted, concessions, set aside, rejected), then what stays outside it (total rows, the file's
 * own total), then the counted spend that carries a flag.
 */
function reconciliationTable(
  view: View,
  caption: string,
  reconciliation: Reconciliation,
  countedLines: number,
): string {
  const { L } = view;
  const cent = view.moneyToCent;
  const { rejected, totalRows } = reconciliation;
  const columns: Column[] = [
    { label: L.columns.measure },
    { label: L.columns.lines, numeric: true },
    { label: L.columns.amount, numeric: true },
  ];
  const rows = [
    row(view, L.reconciliation.control, undefined, cent(reconciliation.control)),
    row(view, L.reconciliation.counted, countedLines, cent(reconciliation.counted)),
    // Only contracts carry concessions: a payments file would show a row of zeros.
    ...(reconciliation.concessions !== 0
      ? [row(view, L.reconciliation.concessions, undefined, cent(reconciliation.concessions))]
      : []),
    ...reconciliation.setAside.map((entry) =>
      row(view, L.reconciliation.setAside(entry.label), entry.lines, cent(entry.amount)),
    ),
    row(
      view,
      L.reconciliation.rejected(view.int(rejected.linesWithAmount)),
      rejected.lines,
      cent(rejected.amount),
    ),
    row(view, L.reconciliation.totalRows, totalRows.lines, cent(totalRows.amount)),
    ...statedTotalRows(view, reconciliation),
    ...reconciliation.flags.map((entry) =>
      row(view, L.reconciliation.flagged(entry.label), entry.lines, cent(entry.amount)),
    ),
  ];
  return renderTable(caption, columns, rows, L.noData);
}

/** Files read but left out, each naming the file whose figures already hold its spend. */
function renderNotCounted(view: View): string {
  const { report, L } = view;
  const notCounted = report.dataQuality.datasetsNotCounted;
  if (notCounted.length === 0) return paragraph(L.reconciliation.allCounted);
  return renderTable(
    L.reconciliation.notCounted,
    [
      { label: L.columns.file },
      { label: L.columns.reason },
      { label: L.columns.countedIn },
      { label: L.columns.amount, numeric: true },
    ],
    notCounted.map((dataset) => [
      { text: dataset.file, rowHeader: true, title: dataset.id },
      { text: L.reconciliation.notCountedReasons[dataset.reason] },
      { text: dataset.countedIn },
      { text: view.moneyToCent(dataset.amount), numeric: true },
    ]),
    L.noData,
  );
}

/**
 * Every amount read, to the cent: for all the files counted, then file by file (with the file's own
 * total when it states one), then the files read but not counted. An officer checks these against
 * their ledger before trusting any share in the report.
 */
export function renderReconciliation(view: View): string {
  const { report, L } = view;
  const perFile = report.datasets.flatMap((dataset) =>
    dataset.reconciliation
      ? [
          reconciliationTable(
            view,
            L.reconciliation.oneFile(L.quote(dataset.file)),
            dataset.reconciliation,
            dataset.lines,
          ),
        ]
      : [],
  );
  return [
    subheading('s-reconciliation', L.sections.reconciliation),
    paragraph(L.reconciliation.intro, 'intro'),
    reconciliationTable(
      view,
      L.reconciliation.allFiles,
      report.dataQuality.reconciliation,
      report.totals.lines,
    ),
    ...perFile,
    renderNotCounted(view),
  ].join('\n');
}
