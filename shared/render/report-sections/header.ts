import { escapeHtml } from '../html-escape.ts';
import { formatDateTime } from '../labels.ts';
import { periodText, scopeText, type View } from '../report-view.ts';

/** The page's title alone: the headline comes straight after it, even on a phone. */
export function renderHeader({ report, L }: View): string {
  return `<header>\n<h1>${escapeHtml(`${L.title} — ${report.territory.name}`)}</h1>\n</header>`;
}

/** What the report covers and how it was made: after the headline, which a reader comes for. */
export function renderMeta(view: View): string {
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
  return `<dl class="meta">\n${meta}\n</dl>`;
}

/** Links to the sections of this page only (`#id`): nothing leaves the page. */
export function renderNav(view: View, sections: readonly { id: string; heading: string }[]): string {
  const items = sections
    .map(({ id, heading }) => `<li><a href="#${escapeHtml(id)}">${escapeHtml(heading)}</a></li>`)
    .join('\n');
  return (
    '<nav class="toc" aria-labelledby="s-nav">\n' +
    `<h2 id="s-nav">${escapeHtml(view.L.nav.heading)}</h2>\n` +
    `<ol>\n${items}\n</ol>\n` +
    '</nav>'
  );
}

export function renderFooter({ report, L }: View): string {
  return (
    '<footer aria-labelledby="s-method">\n' +
    `<h2 id="s-method">${escapeHtml(L.sections.method)}</h2>\n` +
    `<p>${escapeHtml(L.methodNote(L.kindInSentence[report.kind]))}</p>\n` +
    `<p>${escapeHtml(L.footerVersions(report.methodVersion, report.schemaVersion))}</p>\n` +
    '</footer>'
  );
}
