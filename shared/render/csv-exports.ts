import { neutraliseFormula, toCsvRecord } from '../domain/csv-record.ts';
import { LINE_FLAG_LABELS, lineFlagLabel } from '../domain/line-flags.ts';
import { unitsAsCents } from '../domain/money.ts';
import type { ClassifiedSupplier } from '../domain/report/classified-supplier.ts';
import type { Report } from '../domain/report/report-schema.ts';
import { buyerLabel } from './buyer-label.ts';
import { fallbackRingLabel, labelsFor, supplierTypeLabel } from './labels.ts';

export const CSV_FILE_NAMES = {
  suppliers: 'suppliers.csv',
  byRing: 'by-ring.csv',
  bySupplierType: 'by-supplier-type.csv',
  datasets: 'datasets.csv',
  bySector: 'by-sector.csv',
  leakage: 'leakage.csv',
  opportunities: 'opportunities.csv',
  trend: 'trend.csv',
  anchors: 'anchors.csv',
} as const;

/** Several names in one cell: a separator no spreadsheet reads as a delimiter or a formula. */
const LIST_SEPARATOR = ' | ';

const BOM = '\uFEFF';
const CRLF = '\r\n';

interface CsvStyle {
  readonly delimiter: ';' | ',';
  readonly decimal: ',' | '.';
}

/** French spreadsheets expect `;` and a decimal comma; English ones `,` and a decimal point. */
function styleOf(language: Report['language']): CsvStyle {
  return language === 'fr' ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' };
}

/** UTF-8 with BOM (so Excel reads the accents), CRLF, every cell neutralised then quoted as needed. */
function csvFile(header: readonly string[], rows: readonly (readonly string[])[], style: CsvStyle): string {
  return (
    BOM +
    [header, ...rows]
      .map((cells) => toCsvRecord(cells.map(neutraliseFormula), style.delimiter) + CRLF)
      .join('')
  );
}

/** An integer count of hundredths (cents, basis points) as `1234,56` / `1234.56`, without grouping. */
function hundredths(value: number, decimal: CsvStyle['decimal']): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Math.round(value);
  const magnitude = Math.abs(rounded);
  const whole = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${rounded < 0 ? '-' : ''}${whole}${decimal}${fraction}`;
}

const fromCents = (cents: number, style: CsvStyle): string => hundredths(cents, style.decimal);
/** Report amounts are currency units already rounded to the cent. */
const fromUnits = (amount: number, style: CsvStyle): string => hundredths(amount * 100, style.decimal);
/** A 0–1 share as a percentage with two decimals (the header says `(%)`). */
const asPercent = (share: number, style: CsvStyle): string => hundredths(share * 10_000, style.decimal);

type Reconciliation = NonNullable<Report['datasets'][number]['reconciliation']>;

/** Every flag a line can carry gets a column, in the domain's order: the columns never depend on the files. */
const FLAG_COLUMNS: readonly string[] = [...LINE_FLAG_LABELS.keys()];

/**
 * A dataset's reconciliation as flat cells, so a spreadsheet can check that control = counted +
 * concessions + set aside + rejected: the parts (set-aside kinds added up), the total rows, the file's
 * own total and its difference from what was counted (blank without one), the counted spend per flag.
 */
function reconciliationCells(reconciliation: Reconciliation, style: CsvStyle): string[] {
  const units = (amount: number): string => fromUnits(amount, style);
  const { setAside, totalRows, rejected, statedTotal, flags } = reconciliation;
  return [
    units(reconciliation.control),
    units(reconciliation.counted),
    units(reconciliation.concessions),
    String(setAside.reduce((lines, entry) => lines + entry.lines, 0)),
    fromCents(
      setAside.reduce((cents, entry) => cents + unitsAsCents(entry.amount), 0),
      style,
    ),
    String(totalRows.lines),
    units(totalRows.amount),
    String(rejected.linesWithAmount),
    units(rejected.amount),
    statedTotal ? units(statedTotal.amount) : '',
    statedTotal
      ? fromCents(unitsAsCents(statedTotal.amount) - unitsAsCents(reconciliation.counted), style)
      : '',
    ...FLAG_COLUMNS.map((flag) => units(flags.find((entry) => entry.flag === flag)?.amount ?? 0)),
  ];
}

/**
 * The report's CSV files, name → content: every supplier; the ring, supplier-type and sector
 * breakdowns; the leaking suppliers, the opportunities, the trend, the anchors compared; the
 * datasets, each with its reconciliation. Each file is written even when it has no rows, so the
 * set of files never changes. Amounts carry two decimals; ids (ring, type, sector, sources, the
 * trend's `undated` period) are written as ids so the files join with one another, labels sit next
 * to them where the report has them.
 */
export function renderCsvExports(
  report: Report,
  suppliers: readonly ClassifiedSupplier[],
): Map<string, string> {
  const style = styleOf(report.language);
  const L = labelsFor(report.language);
  const currency = report.currency;

  const supplierRows = suppliers.map((s) => [
    s.key,
    s.name,
    s.identifier ?? '',
    s.postcode ?? '',
    s.anchorIds.join(' '),
    fromCents(s.amountCents, style),
    fromCents(s.influenceableCents, style),
    String(s.lines),
    s.ring,
    s.ringSource,
    s.ambiguous ? L.csv.yes : L.csv.no,
    s.headOfficeRing,
    s.headOfficeSource,
    s.type,
    s.typeSource,
  ]);

  const ringRows = report.byRing.map((r) => [
    r.ring,
    r.label || fallbackRingLabel(r.ring, report.language),
    fromUnits(r.amount, style),
    asPercent(r.share, style),
    asPercent(r.cumulativeShare, style),
    String(r.suppliers),
    fromUnits(r.ambiguousAmount, style),
  ]);

  const typeRows = report.bySupplierType.map((t) => [
    t.type,
    t.label || supplierTypeLabel(t.type, report.language),
    fromUnits(t.amount, style),
    asPercent(t.share, style),
    String(t.suppliers),
  ]);

  const datasetHeader = [
    ...L.csv.datasets(currency),
    ...FLAG_COLUMNS.map((flag) => L.csv.flaggedAmount(lineFlagLabel(flag, report.language), currency)),
  ];

  const datasetRows = report.datasets.map((d) => {
    const cells = [
      d.id,
      d.file,
      d.uploadedBy?.name ?? '',
      d.format ?? '',
      d.encoding ?? '',
      String(d.lines),
      String(d.rejectedLines),
      fromUnits(d.amount, style),
      d.periodFrom ?? '',
      d.periodTo ?? '',
      d.sha256 ?? '',
    ];
    // A report written before reconciliations were kept: its columns stay blank, not zero.
    if (d.reconciliation) return [...cells, ...reconciliationCells(d.reconciliation, style)];
    return [...cells, ...Array.from({ length: datasetHeader.length - cells.length }, () => '')];
  });

  const ringLabel = (ring: string): string =>
    report.byRing.find((r) => r.ring === ring)?.label || fallbackRingLabel(ring, report.language);
  const sectorLabel = (sector: string): string =>
    report.bySector.find((entry) => entry.sector === sector)?.label || sector;

  const sectorRows = report.bySector.map((sector) => [
    sector.sector,
    sector.label,
    fromUnits(sector.amount, style),
    asPercent(sector.share, style),
    fromUnits(sector.localAmount, style),
    asPercent(sector.localShare, style),
    fromUnits(sector.amount - sector.localAmount, style),
    String(sector.suppliers),
  ]);

  const leakageRows = report.leakage.topSuppliers.map((supplier) => [
    supplier.key,
    supplier.name,
    fromUnits(supplier.amount, style),
    asPercent(supplier.share, style),
    supplier.ring,
    ringLabel(supplier.ring),
    supplier.sector,
    supplier.sector ? sectorLabel(supplier.sector) : '',
  ]);

  const opportunityRows = report.opportunities.map((opportunity) => [
    opportunity.sector,
    opportunity.label,
    fromUnits(opportunity.nonLocalAmount, style),
    String(opportunity.localSuppliersPaid),
    opportunity.localEstablishments === null ? '' : String(opportunity.localEstablishments),
    opportunity.examples.join(LIST_SEPARATOR),
  ]);

  const trendRows = report.trend.points.map((point) => [
    point.period,
    fromUnits(point.influenceable, style),
    fromUnits(point.localAmount, style),
    asPercent(point.localShare, style),
  ]);

  const anchorRows = report.anchorComparison.map((anchor) => [
    anchor.id,
    buyerLabel(anchor, L),
    anchor.type,
    fromUnits(anchor.influenceable, style),
    fromUnits(anchor.localAmount, style),
    asPercent(anchor.localShare, style),
    String(anchor.suppliers),
  ]);

  return new Map([
    [CSV_FILE_NAMES.suppliers, csvFile(L.csv.suppliers(currency), supplierRows, style)],
    [CSV_FILE_NAMES.byRing, csvFile(L.csv.byRing(currency), ringRows, style)],
    [CSV_FILE_NAMES.bySupplierType, csvFile(L.csv.bySupplierType(currency), typeRows, style)],
    [CSV_FILE_NAMES.datasets, csvFile(datasetHeader, datasetRows, style)],
    [CSV_FILE_NAMES.bySector, csvFile(L.csv.bySector(currency), sectorRows, style)],
    [CSV_FILE_NAMES.leakage, csvFile(L.csv.leakage(currency), leakageRows, style)],
    [CSV_FILE_NAMES.opportunities, csvFile(L.csv.opportunities(currency), opportunityRows, style)],
    [CSV_FILE_NAMES.trend, csvFile(L.csv.trend(currency), trendRows, style)],
    [CSV_FILE_NAMES.anchors, csvFile(L.csv.anchors(currency), anchorRows, style)],
  ]);
}
