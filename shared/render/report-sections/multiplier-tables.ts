import { NEF_NORTHUMBERLAND } from '../../domain/multiplier/respend-defaults.ts';
import { paragraph, renderTable } from '../html-table.ts';
import { formatDate, formatRatio } from '../labels.ts';
import type { View } from '../report-view.ts';

type Section = View['report']['localMultiplier'];

/** The three rounds with what each holds: the figures the chart draws, to the unit, in words. */
export function roundsTable(view: View, m: Section): string {
  const M = view.L.multiplier;
  const { r1, r2, r3 } = m.rounds;
  const row = (round: string, what: string, amount: number, detail: readonly string[]) => [
    { text: round, rowHeader: true },
    { text: what },
    { text: view.money(amount), numeric: true },
    { text: '', lines: detail },
  ];
  return renderTable(
    M.rounds.caption,
    [
      { label: M.rounds.round },
      { label: M.rounds.what },
      { label: M.rounds.amount, numeric: true },
      { label: M.rounds.detail },
    ],
    [
      row(M.rounds.r1, M.rounds.r1What, r1.total, [
        M.rounds.spend(view.money(r1.spend)),
        M.rounds.staff(view.money(r1.staff)),
      ]),
      row(M.rounds.r2, M.rounds.r2What, r2.total, [
        M.rounds.localSuppliers(view.money(r2.suppliers)),
        M.rounds.localWages(view.money(r2.staff)),
      ]),
      row(M.rounds.r3, M.rounds.r3What, r3.total, [
        M.rounds.answered(view.money(r3.answered)),
        M.rounds.defaults(view.money(r3.defaults)),
        M.rounds.staffRespend(view.money(r3.staff)),
        M.rounds.r3Range(view.money(r3.low), view.money(r3.high)),
      ]),
    ],
    view.L.noData,
  );
}

/** An anchor by name: the report's buyers, else the institution that uploaded a file, else its id. */
export function anchorNameOf(view: View, id: string): string {
  return (
    view.report.anchors.find((anchor) => anchor.id === id)?.name ??
    view.report.datasets.find((dataset) => dataset.uploadedBy?.id === id)?.uploadedBy?.name ??
    id
  );
}

/**
 * Every default with its basis, a short source and the spend it stood for in this report; each
 * source cited in full once, under the table, rather than in every row.
 */
export function defaultsTable(view: View, m: Section): string {
  const M = view.L.multiplier.defaults;
  const shortSource = (source: string) => M.sourceShort[source] ?? M.territoryShort;
  const fullSource = (source: string) => M.sources[source] ?? M.territorySource(source);
  const table = renderTable(
    M.caption,
    [
      { label: M.row },
      { label: M.central, numeric: true },
      { label: M.range, numeric: true },
      { label: M.basis },
      { label: M.source },
      { label: M.covered, numeric: true },
    ],
    m.defaults.map((entry) => [
      { text: M.rows[entry.row] ?? entry.row, rowHeader: true },
      { text: view.share(entry.central), numeric: true },
      { text: `${view.share(entry.low)} – ${view.share(entry.high)}`, numeric: true },
      {
        text: '',
        lines: [
          M.basisText(M.bases[entry.centralBasis], M.bases[entry.rangeBasis]),
          ...(entry.source === NEF_NORTHUMBERLAND ? [M.nefNote(entry.row === 'non-local')] : []),
        ],
      },
      { text: shortSource(entry.source) },
      { text: view.money(entry.amount), numeric: true },
    ]),
    view.L.noData,
  );
  const cited = [...new Set(m.defaults.map((entry) => entry.source))].map((source) =>
    M.citation(shortSource(source), fullSource(source)),
  );
  return [table, ...cited.map((citation) => paragraph(citation, 'source'))].join('\n');
}

/**
 * What the anchors stated (staff costs, local staff share, total expenditure); each input's source
 * and date under the table, in full: a source is a sentence, not a cell.
 */
export function statedTable(view: View, m: Section): string {
  const M = view.L.multiplier.stated;
  const orDash = (amount: number | null) => (amount === null ? '—' : view.money(amount));
  const table = renderTable(
    M.caption,
    [
      { label: M.anchor },
      { label: M.year, numeric: true },
      { label: M.totalExpenditure, numeric: true },
      { label: M.staffCosts, numeric: true },
      { label: M.localStaffShare, numeric: true },
    ],
    m.stated.map((entry) => [
      { text: anchorNameOf(view, entry.anchorId), rowHeader: true },
      { text: String(entry.year), numeric: true },
      { text: orDash(entry.totalExpenditure), numeric: true },
      { text: orDash(entry.staffCosts), numeric: true },
      { text: entry.localStaffShare === null ? '—' : view.share(entry.localStaffShare), numeric: true },
    ]),
    M.none,
  );
  const sources = m.stated.map((entry) =>
    paragraph(
      M.sourceOf(
        anchorNameOf(view, entry.anchorId),
        entry.year,
        entry.source,
        formatDate(entry.asOf, view.lang),
      ),
      'source',
    ),
  );
  return [table, ...sources].join('\n');
}

/** The scenario's arithmetic, one step a line, with the figures the report keeps (ratios to four decimals). */
export function scenarioSteps(view: View, scenario: NonNullable<Section['scenario']>): readonly string[] {
  const M = view.L.multiplier.scenario;
  const ratio = (value: number) => formatRatio(value, view.lang, true);
  const shifted = view.moneyToCent(scenario.shiftedAmount);
  return [
    M.shifted(view.share(scenario.shift), view.moneyToCent(scenario.nonLocalAmount), shifted),
    M.worth(ratio(scenario.perLocal), ratio(scenario.perOutside), ratio(scenario.difference)),
    M.added(shifted, ratio(scenario.difference), view.moneyToCent(scenario.addedAmount)),
  ];
}
