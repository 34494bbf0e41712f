import { formatName } from '../../domain/formats/format-names.ts';
import type { Report } from '../../domain/report/report-schema.ts';
import {
  type Cell,
  type Column,
  type Fact,
  paragraph,
  renderFacts,
  renderTable,
  section,
  subheading,
} from '../html-table.ts';
import { formatDate, localitySourceLabel, supplierTypeSourceLabel, type Unknowns } from '../labels.ts';
import type { View } from '../report-view.ts';
import { renderMeasureTable } from './measure-table.ts';
import { renderReconciliation } from './reconciliation.ts';

const SHA_SHOWN = 12;

type SourceShares = Report['coverage']['locality']['bySource'];

function bySource(
  view: View,
  caption: string,
  rows: SourceShares,
  label: (source: string) => string,
): string {
  const columns: Column[] = [
    { label: view.L.columns.source },
    { label: view.L.columns.amount, numeric: true },
    { label: view.L.columns.share, numeric: true },
  ];
  return renderTable(
    caption,
    columns,
    rows.map((row) => [
      // The id as a tooltip, when the label hides it.
      {
        text: label(row.source),
        rowHeader: true,
        title: label(row.source) === row.source ? undefined : row.source,
      },
      { text: view.money(row.amount), numeric: true },
      { text: view.share(row.share), numeric: true },
    ]),
    view.L.noData,
  );
}

/**
 * How much of the spend is located and typed, from which source; what was rejected or set aside;
 * how every amount read ties out.
 */
/** Where the register's facts came from: the national stock's date, and what was looked up online. */
function registerFacts({ report, lang, L, int }: View): Fact[] {
  const register = report.coverage.register;
  if (!register) return [];
  const day = (iso: string) => formatDate(iso, lang);
  const { stock, lookedUp, lookups } = register;
  const online = lookedUp.map((entry) =>
    L.coverage.lookedUpBy(int(entry.suppliers), entry.provider, day(entry.firstOn), day(entry.lastOn)),
  );
  return [
    {
      term: L.coverage.register,
      value: stock
        ? L.coverage.stockRefreshed(day(stock.refreshedOn), stock.publishedOn ? day(stock.publishedOn) : null)
        : L.coverage.noStock,
    },
    ...(online.length > 0 || lookups?.offline
      ? [
          {
            term: L.coverage.lookedUp,
            value: online.join(' ; ') || L.coverage.lookupsOffline(day(lookups?.lastRunOn ?? '')),
            ...(online.length > 0 && lookups?.offline
              ? { notes: [L.coverage.lookupsOffline(day(lookups.lastRunOn))] }
              : {}),
          },
        ]
      : []),
  ];
}

export function renderCoverage(view: View): string {
  const { report, lang, L } = view;
  const { locality, supplierType } = report.coverage;
  const quality = report.dataQuality;
  const facts = renderFacts([
    { term: L.coverage.knownLocality, value: L.headline.ofInfluenceable(view.share(locality.knownShare)) },
    { term: L.coverage.ambiguousAmount, value: view.money(locality.ambiguousAmount) },
    { term: L.coverage.knownType, value: L.headline.ofInfluenceable(view.share(supplierType.knownShare)) },
    ...registerFacts(view),
  ]);
  const qualityTable = renderMeasureTable(view, L.captions.dataQuality, [
    [L.dataQuality.rejectedLines, view.int(quality.rejectedLines)],
    [L.dataQuality.setAsideLines, view.int(quality.setAsideLines)],
    [L.dataQuality.unknownLocalityAmount, view.money(quality.unknownLocalityAmount)],
    [L.dataQuality.ambiguousLocalityAmount, view.money(quality.ambiguousLocalityAmount)],
    [L.dataQuality.unknownTypeAmount, view.money(quality.unknownTypeAmount)],
    [L.dataQuality.undatedAmount, view.moneyToCent(quality.undatedAmount)],
    [
      L.dataQuality.overlapAmount(quality.overlaps.length),
      view.money(quality.overlaps.reduce((sum, overlap) => sum + overlap.amount, 0)),
    ],
  ]);
  const largest = renderTable(
    L.captions.largestLines,
    [{ label: L.columns.name }, { label: L.columns.amount, numeric: true }],
    quality.largestLines.map((line) => [
      { text: line.name, rowHeader: true },
      { text: view.money(line.amount), numeric: true },
    ]),
    L.noData,
  );
  return section(
    's-coverage',
    L.sections.coverage,
    [
      facts,
      qualityTable,
      bySource(view, L.captions.localityBySource, locality.bySource, (s) => localitySourceLabel(s, lang)),
      bySource(view, L.captions.headOfficeBySource, locality.headOffice.bySource, (s) =>
        localitySourceLabel(s, lang),
      ),
      bySource(view, L.captions.typeBySource, supplierType.bySource, (s) => supplierTypeSourceLabel(s, lang)),
      subheading('s-largest-lines', L.sections.largestLines),
      largest,
      renderReconciliation(view),
    ].join('\n'),
  );
}

const unknownsOf = (supplier: { typeKnown: boolean; locationKnown: boolean }): Unknowns =>
  supplier.typeKnown
    ? supplier.locationKnown
      ? 'neither'
      : 'location'
    : supplier.locationKnown
      ? 'type'
      : 'both';

/** What the caption says is unknown: exactly what is unknown about the suppliers listed. */
function captionUnknowns(rows: readonly Unknowns[]): Unknowns | 'mixed' {
  const kinds = new Set(rows);
  const [only] = kinds;
  if (kinds.size === 1 && only) return only;
  const typeMissing = rows.some((row) => row === 'type' || row === 'both');
  const locationMissing = rows.some((row) => row === 'location' || row === 'both');
  if (typeMissing && locationMissing) return 'mixed';
  if (typeMissing) return 'type';
  return locationMissing ? 'location' : 'neither';
}

/** The highest-spend suppliers nothing identifies: fixing them first improves every figure most. */
export function renderUnmatched(view: View): string {
  const { report, L } = view;
  const unknowns = report.unmatchedSuppliers.map(unknownsOf);
  const table = renderTable(
    L.captions.unmatched(captionUnknowns(unknowns)),
    [
      { label: L.columns.name },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.lines, numeric: true },
      { label: L.columns.toEstablish },
    ],
    report.unmatchedSuppliers.map((supplier, index) => [
      { text: supplier.name, rowHeader: true },
      { text: view.money(supplier.amount), numeric: true },
      { text: view.share(supplier.share), numeric: true },
      { text: view.int(supplier.lines), numeric: true },
      { text: L.unknowns[unknowns[index] ?? 'both'] },
    ]),
    L.noData,
  );
  return section('s-unmatched', L.sections.unmatched, `${paragraph(L.intros.unmatched, 'intro')}\n${table}`);
}

/** Every file the report used, with its fingerprint: what makes each figure traceable. */
export function renderDatasets(view: View): string {
  const { report, L } = view;
  const table = renderTable(
    L.captions.datasets,
    [
      { label: L.columns.file },
      { label: L.columns.uploadedBy },
      { label: L.columns.format },
      { label: L.columns.encoding },
      { label: L.columns.lines, numeric: true },
      { label: L.columns.rejectedLines, numeric: true },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.sha256 },
    ],
    report.datasets.map((dataset): Cell[] => [
      { text: dataset.file, rowHeader: true },
      { text: dataset.uploadedBy?.name ?? L.notStated },
      { text: dataset.format ? formatName(dataset.format, report.language) : L.notStated },
      { text: dataset.encoding ?? L.notStated },
      { text: view.int(dataset.lines), numeric: true },
      { text: view.int(dataset.rejectedLines), numeric: true },
      { text: view.money(dataset.amount), numeric: true },
      dataset.sha256
        ? { text: dataset.sha256.slice(0, SHA_SHOWN), code: true, title: dataset.sha256 }
        : { text: L.notStated },
    ]),
    L.noData,
  );
  return section('s-datasets', L.sections.datasets, table);
}
