import type { Report } from '../domain/report/report-schema.ts';
import { type Bar, renderBarChartSvg } from './bar-chart-svg.ts';
import { escapeHtml } from './html-escape.ts';
import {
  fallbackRingLabel,
  formatDate,
  formatDateTime,
  formatInteger,
  formatMoney,
  formatShare,
  type Labels,
  type Language,
  labelsFor,
  localitySourceLabel,
  supplierTypeLabel,
  supplierTypeSourceLabel,
} from './labels.ts';

/** Nothing in the page may fetch anything: no scripts, fonts, images or links. Written as is (no `"`). */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const SHA_SHOWN = 12;

const STYLE = `
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: #1a1a1a;
  background: #ffffff;
}
.page { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.75rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid #1d4f91; }
h3 { font-size: 1.1rem; margin: 1.75rem 0 0.5rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; color: #3d4650; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
.headline { margin-top: 1.5rem; padding: 1rem 1.25rem; background: #f1f5fa; border-left: 6px solid #1d4f91; }
.headline h2 { margin-top: 0; border-bottom: 0; font-size: 1.1rem; }
.headline .lead { font-size: 1.2rem; margin: 0 0 0.5rem; }
.headline .big { display: block; font-size: 3rem; font-weight: 700; line-height: 1.1; color: #14365f; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.75rem; margin: 0.75rem 0 0; }
.facts div { padding: 0.5rem 0.75rem; background: #ffffff; border: 1px solid #c5ccd3; }
.facts dt { font-size: 0.9rem; color: #3d4650; }
.facts dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
figure.chart { margin: 0 0 1rem; }
.bar-chart { display: block; width: 100%; height: auto; max-width: 50rem; }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0 0.5rem; caption-side: top; }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid #c5ccd3; text-align: left; vertical-align: top; }
thead th { background: #e9eef4; border-bottom: 2px solid #8a96a3; }
tbody th { font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
.rules { padding-left: 1.25rem; }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid #c5ccd3; color: #3d4650; }
footer h2 { border-bottom: 0; margin-top: 0; font-size: 1.1rem; color: #1a1a1a; }
@media (max-width: 40rem) {
  .page { padding: 1rem 0.75rem 2rem; }
  h1 { font-size: 1.5rem; }
  .headline .big { font-size: 2.4rem; }
  .meta { grid-template-columns: 1fr; }
  .meta dd { margin-bottom: 0.35rem; }
}
@media print {
  @page { margin: 15mm; }
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, figure, .headline, tr { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  .headline, thead th, .bar-chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

interface Cell {
  readonly text: string;
  readonly numeric?: boolean;
  readonly rowHeader?: boolean;
  /** Shown as `<code>`, with `title` as its tooltip. */
  readonly code?: boolean;
  readonly title?: string;
}

interface Column {
  readonly label: string;
  readonly numeric?: boolean;
}

/** The one place cells become markup: every text and title is escaped here. */
function renderCell(cell: Cell): string {
  const tag = cell.rowHeader ? 'th' : 'td';
  const attrs = `${cell.rowHeader ? ' scope="row"' : ''}${cell.numeric ? ' class="num"' : ''}`;
  const title = cell.title === undefined ? '' : ` title="${escapeHtml(cell.title)}"`;
  const content = cell.code
    ? `<code${title}>${escapeHtml(cell.text)}</code>`
    : title
      ? `<span${title}>${escapeHtml(cell.text)}</span>`
      : escapeHtml(cell.text);
  return `<${tag}${attrs}>${content}</${tag}>`;
}

function renderTable(
  caption: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  noData: string,
): string {
  const head = columns
    .map((col) => `<th scope="col"${col.numeric ? ' class="num"' : ''}>${escapeHtml(col.label)}</th>`)
    .join('');
  const body =
    rows.length === 0
      ? `<tr><td colspan="${columns.length}">${escapeHtml(noData)}</td></tr>`
      : rows.map((row) => `<tr>${row.map(renderCell).join('')}</tr>`).join('\n');
  return (
    '<div class="table-wrap"><table>\n' +
    `<caption>${escapeHtml(caption)}</caption>\n` +
    `<thead><tr>${head}</tr></thead>\n` +
    `<tbody>\n${body}\n</tbody>\n` +
    '</table></div>'
  );
}

function section(id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}

/** Formatting bound to one report's language and currency. */
interface View {
  readonly report: Report;
  readonly lang: Language;
  readonly L: Labels;
  readonly money: (amount: number) => string;
  readonly share: (share: number) => string;
  readonly int: (n: number) => string;
  readonly ringLabel: (ring: string) => string;
  readonly typeLabel: (type: string) => string;
}

function viewOf(report: Report): View {
  const lang = report.language;
  return {
    report,
    lang,
    L: labelsFor(lang),
    money: (amount) => formatMoney(amount, report.currency, lang),
    share: (share) => formatShare(share, lang),
    int: (n) => formatInteger(n, lang),
    ringLabel: (ring) =>
      report.byRing.find((entry) => entry.ring === ring)?.label || fallbackRingLabel(ring, lang),
    typeLabel: (type) =>
      report.bySupplierType.find((entry) => entry.type === type)?.label || supplierTypeLabel(type, lang),
  };
}

function periodText({ report, lang, L }: View): string {
  const { from, to } = report.period;
  if (from && to) return L.meta.periodRange(formatDate(from, lang), formatDate(to, lang));
  if (from) return L.meta.periodFrom(formatDate(from, lang));
  if (to) return L.meta.periodTo(formatDate(to, lang));
  return L.meta.periodUnknown;
}

function scopeText({ report, L }: View): string {
  if (report.scope.type === 'consortium') {
    const names = report.anchors.map((anchor) => anchor.name).join(', ');
    const summary = L.meta.scopeConsortium(report.anchors.length);
    return names ? `${summary} (${names})` : summary;
  }
  const id = report.scope.anchorId;
  const anchor =
    report.anchors.find((a) => a.id === id) ?? (report.anchors.length === 1 ? report.anchors[0] : undefined);
  return L.meta.scopeAnchor(anchor?.name ?? id ?? L.notStated);
}

function renderHeader(view: View): string {
  const { report, lang, L } = view;
  const items: readonly (readonly [string, string])[] = [
    [L.meta.kind, L.kind[report.kind]],
    [L.meta.period, periodText(view)],
    [L.meta.scope, scopeText(view)],
    [L.meta.methodVersion, report.methodVersion],
    [L.meta.schemaVersion, report.schemaVersion],
    [L.meta.generatedAt, formatDateTime(report.generatedAt, lang)],
  ];
  const meta = items.map(([dt, dd]) => `<dt>${escapeHtml(dt)}</dt><dd>${escapeHtml(dd)}</dd>`).join('\n');
  return (
    '<header>\n' +
    `<h1>${escapeHtml(`${L.title} — ${report.territory.name}`)}</h1>\n` +
    `<dl class="meta">\n${meta}\n</dl>\n` +
    '</header>'
  );
}

function renderHeadline(view: View): string {
  const { report, L } = view;
  const { headline, totals } = report;
  const ring = L.quote(view.ringLabel(headline.localRing));
  return (
    '<section class="headline" aria-labelledby="s-headline">\n' +
    `<h2 id="s-headline">${escapeHtml(L.headline.heading)}</h2>\n` +
    `<p class="lead"><span class="big">${escapeHtml(view.share(headline.localShare))}</span> ` +
    `${escapeHtml(L.headline.localShareLead(ring))}, ` +
    `${escapeHtml(L.headline.localAmount(view.money(headline.localAmount)))}</p>\n` +
    '<dl class="facts">\n' +
    `<div><dt>${escapeHtml(L.headline.influenceable)}</dt><dd>${escapeHtml(view.money(totals.influenceable))}</dd></div>\n` +
    `<div><dt>${escapeHtml(L.headline.knownLocality)}</dt>` +
    `<dd>${escapeHtml(L.headline.ofInfluenceable(view.share(headline.knownLocalityShare)))}</dd></div>\n` +
    `<div><dt>${escapeHtml(L.headline.headOffice)}</dt>` +
    `<dd>${escapeHtml(`${view.share(headline.headOffice.localShare)} · ${view.money(headline.headOffice.localAmount)}`)}</dd></div>\n` +
    '</dl>\n' +
    '</section>'
  );
}

function chartDescription(L: Labels, intro: string, bars: readonly Bar[]): string {
  return `${intro} ${bars.map((bar) => L.pair(bar.label, bar.display)).join(L.listSeparator)}.`;
}

function renderRings(view: View): string {
  const { report, L } = view;
  const bars: Bar[] = report.byRing.map((entry) => ({
    label: view.ringLabel(entry.ring),
    value: entry.share,
    display: `${view.share(entry.share)} · ${view.money(entry.amount)}`,
  }));
  const chart = renderBarChartSvg({
    id: 'chart-rings',
    title: L.charts.ringsTitle,
    description: chartDescription(L, L.charts.ringsDescription, bars),
    bars,
  });
  const table = renderTable(
    L.captions.rings,
    [
      { label: L.columns.ring },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.cumulativeShare, numeric: true },
      { label: L.columns.suppliers, numeric: true },
    ],
    report.byRing.map((entry) => [
      { text: view.ringLabel(entry.ring), rowHeader: true },
      { text: view.money(entry.amount), numeric: true },
      { text: view.share(entry.share), numeric: true },
      { text: view.share(entry.cumulativeShare), numeric: true },
      { text: view.int(entry.suppliers), numeric: true },
    ]),
    L.noData,
  );
  const headOffice = renderTable(
    L.captions.ringsHeadOffice,
    [
      { label: L.columns.ring },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.cumulativeShare, numeric: true },
      { label: L.columns.suppliers, numeric: true },
    ],
    report.byRingHeadOffice.map((entry) => [
      { text: view.ringLabel(entry.ring), rowHeader: true },
      { text: view.money(entry.amount), numeric: true },
      { text: view.share(entry.share), numeric: true },
      { text: view.share(entry.cumulativeShare), numeric: true },
      { text: view.int(entry.suppliers), numeric: true },
    ]),
    L.noData,
  );
  const explicit = `<p>${escapeHtml(L.headline.unknownAndAmbiguous(view.money(report.headline.unknownAmount), view.money(report.headline.ambiguousAmount)))}</p>`;
  return section(
    's-rings',
    L.sections.rings,
    `<figure class="chart">${chart}</figure>\n${table}\n${explicit}\n${headOffice}`,
  );
}

function renderTypes(view: View): string {
  const { report, L } = view;
  const bars: Bar[] = report.bySupplierType.map((entry) => ({
    label: view.typeLabel(entry.type),
    value: entry.share,
    display: `${view.share(entry.share)} · ${view.money(entry.amount)}`,
  }));
  const chart = renderBarChartSvg({
    id: 'chart-types',
    title: L.charts.typesTitle,
    description: chartDescription(L, L.charts.typesDescription, bars),
    bars,
  });
  const table = renderTable(
    L.captions.types,
    [
      { label: L.columns.supplierType },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.suppliers, numeric: true },
    ],
    report.bySupplierType.map((entry) => [
      { text: view.typeLabel(entry.type), rowHeader: true },
      { text: view.money(entry.amount), numeric: true },
      { text: view.share(entry.share), numeric: true },
      { text: view.int(entry.suppliers), numeric: true },
    ]),
    L.noData,
  );
  return section('s-types', L.sections.types, `<figure class="chart">${chart}</figure>\n${table}`);
}

function renderCooperatives(view: View): string {
  const { report, L } = view;
  const table = renderTable(
    L.captions.cooperatives,
    [
      { label: L.columns.name },
      { label: L.columns.detail },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.ring },
    ],
    report.cooperatives.map((cooperative) => [
      { text: cooperative.name, rowHeader: true },
      { text: (cooperative.detail ?? '').toUpperCase() },
      { text: view.money(cooperative.amount), numeric: true },
      { text: view.share(cooperative.share), numeric: true },
      { text: view.ringLabel(cooperative.ring) },
    ]),
    L.noData,
  );
  return section('s-cooperatives', L.sections.cooperatives, table);
}

function renderUnmatched(view: View): string {
  const { report, L } = view;
  const table = renderTable(
    L.captions.unmatched,
    [
      { label: L.columns.name },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.lines, numeric: true },
    ],
    report.unmatchedSuppliers.map((supplier) => [
      { text: supplier.name, rowHeader: true },
      { text: view.money(supplier.amount), numeric: true },
      { text: view.share(supplier.share), numeric: true },
      { text: view.int(supplier.lines), numeric: true },
    ]),
    L.noData,
  );
  return section('s-unmatched', L.sections.unmatched, table);
}

function renderTopSuppliers(view: View): string {
  const { report, L } = view;
  const table = renderTable(
    L.captions.topSuppliers(report.topSuppliers.length),
    [
      { label: L.columns.name },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.ring },
      { label: L.columns.supplierType },
    ],
    report.topSuppliers.map((supplier) => [
      { text: supplier.name, rowHeader: true },
      { text: view.money(supplier.amount), numeric: true },
      { text: view.share(supplier.share), numeric: true },
      { text: view.ringLabel(supplier.ring) },
      { text: view.typeLabel(supplier.type) },
    ]),
    L.noData,
  );
  return section('s-top-suppliers', L.sections.topSuppliers, table);
}

function renderTotals(view: View): string {
  const { report, L } = view;
  const { totals } = report;
  const row = (label: string, value: string): Cell[] => [
    { text: label, rowHeader: true },
    { text: value, numeric: true },
  ];
  const table = renderTable(
    L.captions.totals,
    [{ label: L.columns.measure }, { label: L.columns.value, numeric: true }],
    [
      row(L.totals.gross, view.money(totals.gross)),
      row(L.totals.excluded, view.money(totals.excluded)),
      row(L.totals.grants, view.money(totals.grants)),
      row(L.totals.influenceable, view.money(totals.influenceable)),
      row(L.totals.linesAccepted, view.int(totals.lines)),
      row(L.totals.linesRejected, view.int(totals.rejectedLines)),
      row(L.totals.suppliers, view.int(totals.suppliers)),
      ...(report.concessions.lines > 0
        ? [row(L.totals.concessions, view.money(report.concessions.amount))]
        : []),
    ],
    L.noData,
  );
  const rules =
    report.exclusionRules.length === 0
      ? `<p>${escapeHtml(L.exclusionsNone)}</p>`
      : '<ul class="rules">\n' +
        report.exclusionRules
          .map(
            (rule) =>
              `<li>${escapeHtml(rule.label)} (<code>${escapeHtml(rule.id)}</code>) — ` +
              `${escapeHtml(view.money(rule.amount))}</li>`,
          )
          .join('\n') +
        '\n</ul>';
  return section(
    's-totals',
    L.sections.totals,
    `${table}\n<h3 id="s-exclusions">${escapeHtml(L.sections.exclusions)}</h3>\n${rules}`,
  );
}

function renderCoverage(view: View): string {
  const { report, lang, L } = view;
  const { locality, supplierType } = report.coverage;
  const facts: readonly (readonly [string, string])[] = [
    [L.coverage.knownLocality, L.headline.ofInfluenceable(view.share(locality.knownShare))],
    [L.coverage.ambiguousAmount, view.money(locality.ambiguousAmount)],
    [L.coverage.knownType, L.headline.ofInfluenceable(view.share(supplierType.knownShare))],
  ];
  const dl =
    '<dl class="facts">\n' +
    facts.map(([dt, dd]) => `<div><dt>${escapeHtml(dt)}</dt><dd>${escapeHtml(dd)}</dd></div>`).join('\n') +
    '\n</dl>';
  const columns: Column[] = [
    { label: L.columns.source },
    { label: L.columns.amount, numeric: true },
    { label: L.columns.share, numeric: true },
  ];
  const bySource = (
    caption: string,
    rows: Report['coverage']['locality']['bySource'],
    label: (source: string) => string,
  ): string =>
    renderTable(
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
      L.noData,
    );
  return section(
    's-coverage',
    L.sections.coverage,
    `${dl}\n` +
      `${bySource(L.captions.localityBySource, locality.bySource, (s) => localitySourceLabel(s, lang))}\n` +
      bySource(L.captions.typeBySource, supplierType.bySource, (s) => supplierTypeSourceLabel(s, lang)),
  );
}

function renderDatasets(view: View): string {
  const { report, L } = view;
  const table = renderTable(
    L.captions.datasets,
    [
      { label: L.columns.file },
      { label: L.columns.format },
      { label: L.columns.encoding },
      { label: L.columns.lines, numeric: true },
      { label: L.columns.rejectedLines, numeric: true },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.sha256 },
    ],
    report.datasets.map((dataset): Cell[] => [
      { text: dataset.file, rowHeader: true },
      { text: dataset.format ?? L.notStated },
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

function renderFooter({ report, L }: View): string {
  return (
    '<footer aria-labelledby="s-method">\n' +
    `<h2 id="s-method">${escapeHtml(L.sections.method)}</h2>\n` +
    `<p>${escapeHtml(L.methodNote(L.kindInSentence[report.kind]))}</p>\n` +
    `<p>${escapeHtml(L.footerVersions(report.methodVersion, report.schemaVersion))}</p>\n` +
    '</footer>'
  );
}

/** The whole report as one self-contained HTML page: inline CSS and SVG, nothing fetched. */
export function renderReportHtml(report: Report): string {
  const view = viewOf(report);
  const { L } = view;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(report.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(`${L.title} — ${report.territory.name}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    renderHeader(view),
    '<main>',
    renderHeadline(view),
    renderRings(view),
    renderTypes(view),
    renderCooperatives(view),
    renderTopSuppliers(view),
    renderTotals(view),
    renderCoverage(view),
    renderUnmatched(view),
    renderDatasets(view),
    '</main>',
    renderFooter(view),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
