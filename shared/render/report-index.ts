import { escapeHtml } from './html-escape.ts';
import { renderPage } from './html-page.ts';
import { boxedTable } from './html-table.ts';
import { formatDate, formatDateTime, formatShare, type Labels, type Language, labelsFor } from './labels.ts';

interface IndexedReport {
  /** Where the report's files are, relative to the index (which sits at the root of `reports/`): `<territory>/<scope>/<kind>/<lang>/`. */
  readonly prefix: string;
  readonly territory: string;
  /** `consortium`, or the anchor the report is about. */
  readonly scope: string;
  readonly kind: string;
  readonly language: string;
  readonly period: { readonly from: string | null; readonly to: string | null };
  readonly generatedAt: string;
}

/**
 * One published report. Its local share is null when too little spend is located to measure it:
 * the index then says so with the located share, never 0 %.
 */
export type ReportIndexEntry = IndexedReport &
  ({ readonly localShare: number } | { readonly localShare: null; readonly knownLocalityShare: number });

const CONSORTIUM = 'consortium';

/**
 * The link to a report, relative to the index. A prefix is a path inside the bucket: anything that
 * could leave it (a scheme, `//`, a leading `/`, `..`) is a bug upstream and stops the rendering.
 * Each segment is percent-encoded, so an id with a space, `#` or `?` still links to its folder.
 */
export function reportHref(prefix: string): string {
  const segments = prefix.split('/');
  const unsafe =
    /^[a-z][a-z0-9+.-]*:/i.test(prefix) ||
    prefix.startsWith('/') ||
    prefix.includes('\\') ||
    segments.some((segment) => segment === '..' || segment === '.');
  if (unsafe) throw new Error(`a report prefix must be a relative path inside the bucket, not "${prefix}"`);
  return `${segments.map(encodeURIComponent).join('/')}report.html`;
}

function periodOf(entry: ReportIndexEntry, lang: Language, L: Labels): string {
  const { from, to } = entry.period;
  if (from && to) return L.meta.periodRange(formatDate(from, lang), formatDate(to, lang));
  if (from) return L.meta.periodFrom(formatDate(from, lang));
  if (to) return L.meta.periodTo(formatDate(to, lang));
  return L.meta.periodUnknown;
}

const kindOf = (kind: string, L: Labels): string =>
  kind === 'payments' || kind === 'contracts' ? L.kind[kind] : kind;
const scopeOf = (scope: string, L: Labels): string => (scope === CONSORTIUM ? L.index.consortium : scope);
const languageOf = (language: string, L: Labels): string =>
  Object.hasOwn(L.index.languages, language) ? (L.index.languages[language] ?? language) : language;

const localShareText = (entry: ReportIndexEntry, lang: Language, L: Labels): string =>
  entry.localShare === null
    ? L.index.notMeasurable(formatShare(entry.knownLocalityShare, lang))
    : formatShare(entry.localShare, lang);

/** Consortium first, then anchors by name; per scope, kind; the latest period first; then language. */
function compareEntries(a: ReportIndexEntry, b: ReportIndexEntry): number {
  return (
    Number(b.scope === CONSORTIUM) - Number(a.scope === CONSORTIUM) ||
    a.scope.localeCompare(b.scope) ||
    a.kind.localeCompare(b.kind) ||
    (b.period.to ?? '').localeCompare(a.period.to ?? '') ||
    (b.period.from ?? '').localeCompare(a.period.from ?? '') ||
    a.language.localeCompare(b.language)
  );
}

function renderRow(entry: ReportIndexEntry, lang: Language, L: Labels): string {
  const period = periodOf(entry, lang, L);
  const kind = kindOf(entry.kind, L);
  const language = languageOf(entry.language, L);
  // The link's accessible name says which report it is, not just "open".
  const context = ` — ${kind}, ${period}, ${language}`;
  const link =
    `<a href="${escapeHtml(reportHref(entry.prefix))}" hreflang="${escapeHtml(entry.language)}">` +
    `${escapeHtml(scopeOf(entry.scope, L))}<span class="visually-hidden">${escapeHtml(context)}</span></a>`;
  return (
    `<tr><th scope="row">${link}</th>` +
    `<td>${escapeHtml(kind)}</td>` +
    `<td>${escapeHtml(period)}</td>` +
    `<td>${escapeHtml(language)}</td>` +
    `<td class="num">${escapeHtml(localShareText(entry, lang, L))}</td>` +
    `<td>${escapeHtml(formatDateTime(entry.generatedAt, lang))}</td></tr>`
  );
}

function renderTerritory(
  territory: string,
  entries: readonly ReportIndexEntry[],
  index: number,
  lang: Language,
  L: Labels,
): string {
  const columns = L.index.columns;
  const head = [
    [columns.scope, false],
    [columns.kind, false],
    [columns.period, false],
    [columns.language, false],
    [columns.localShare, true],
    [columns.generatedAt, false],
  ] as const;
  const id = `territory-${index + 1}`;
  return (
    `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(territory)}</h2>\n` +
    boxedTable(
      L.index.caption(territory),
      `<thead><tr>${head.map(([label, numeric]) => `<th scope="col"${numeric ? ' class="num"' : ''}>${escapeHtml(label)}</th>`).join('')}</tr></thead>\n` +
        `<tbody>\n${[...entries]
          .sort(compareEntries)
          .map((entry) => renderRow(entry, lang, L))
          .join('\n')}\n</tbody>\n`,
    ) +
    '\n</section>'
  );
}

/**
 * The reports bucket's `index.html`: every published report (per anchor and for the consortium, per
 * kind, period and language), grouped by territory, each linked relatively so the bucket reads as a
 * static site wherever it is served from. Self-contained like the reports: nothing is fetched.
 */
export function renderReportIndex(entries: readonly ReportIndexEntry[], language: Language): string {
  const L = labelsFor(language);
  const byTerritory = new Map<string, ReportIndexEntry[]>();
  for (const entry of entries) {
    const list = byTerritory.get(entry.territory) ?? [];
    list.push(entry);
    byTerritory.set(entry.territory, list);
  }
  const territories = [...byTerritory].sort(([a], [b]) => a.localeCompare(b));
  const body = [
    '<header>',
    `<h1>${escapeHtml(L.index.title)}</h1>`,
    `<p class="intro">${escapeHtml(L.index.intro)}</p>`,
    '</header>',
    '<main>',
    territories.length === 0
      ? `<p>${escapeHtml(L.index.empty)}</p>`
      : territories
          .map(([territory, list], i) => renderTerritory(territory, list, i, language, L))
          .join('\n'),
    '</main>',
  ].join('\n');
  return renderPage({ lang: language, title: L.index.title, body });
}
