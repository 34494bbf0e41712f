import { escapeHtml } from './html-escape.ts';

export interface Cell {
  readonly text: string;
  /** Several values, one per line (the text is then unused). */
  readonly lines?: readonly string[];
  readonly numeric?: boolean;
  readonly rowHeader?: boolean;
  /** Shown as `<code>`, with `title` as its tooltip. */
  readonly code?: boolean;
  readonly title?: string | undefined;
}

export interface Column {
  readonly label: string;
  readonly numeric?: boolean;
}

/** The one place cells become markup: every text and title is escaped here. */
function renderCell(cell: Cell): string {
  const tag = cell.rowHeader ? 'th' : 'td';
  const attrs = `${cell.rowHeader ? ' scope="row"' : ''}${cell.numeric ? ' class="num"' : ''}`;
  const title = cell.title === undefined ? '' : ` title="${escapeHtml(cell.title)}"`;
  const content = cell.lines
    ? cell.lines.map(escapeHtml).join('<br>')
    : cell.code
      ? `<code${title}>${escapeHtml(cell.text)}</code>`
      : title
        ? `<span${title}>${escapeHtml(cell.text)}</span>`
        : escapeHtml(cell.text);
  return `<${tag}${attrs}>${content}</${tag}>`;
}

/**
 * A table's caption id, from its text: the same report gives the same bytes, and a report's captions
 * differ from one another.
 */
function captionId(caption: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caption.length; i++) hash = Math.imul(hash ^ caption.charCodeAt(i), 0x01000193) >>> 0;
  return `caption-${hash.toString(36)}`;
}

/**
 * A table in the box it scrolls in when it is wider than the page (the page itself never scrolls
 * sideways): a region a keyboard can focus to scroll it, named by the table's caption through its id,
 * so the caption's text (a file name, data) is never copied into an attribute.
 */
export function boxedTable(caption: string, inner: string): string {
  const id = captionId(caption);
  return (
    `<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}"><table>\n` +
    `<caption id="${id}">${escapeHtml(caption)}</caption>\n${inner}</table></div>`
  );
}

/** A data table with its caption and column headers; "no data" in one cell when there are no rows. */
export function renderTable(
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
  return boxedTable(caption, `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n`);
}

/** A report section: its id is the target of the table of contents. */
export function section(id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${escapeHtml(id)}">\n<h2 id="${escapeHtml(id)}">${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}

export function subheading(id: string, heading: string): string {
  return `<h3 id="${escapeHtml(id)}">${escapeHtml(heading)}</h3>`;
}

export function paragraph(text: string, className?: string): string {
  return `<p${className ? ` class="${escapeHtml(className)}"` : ''}>${escapeHtml(text)}</p>`;
}

/** A figure in a box: a term, its value, and optional smaller notes under it. */
export interface Fact {
  readonly term: string;
  readonly value: string;
  readonly notes?: readonly string[];
  /** Marks the box (`leak`, `target`, `opportunity`) with a coloured edge. */
  readonly tone?: 'leak' | 'target' | 'opportunity';
}

export function renderFacts(facts: readonly Fact[], className?: 'key'): string {
  const items = facts.map(
    (fact) =>
      `<div${fact.tone ? ` class="${fact.tone}"` : ''}><dt>${escapeHtml(fact.term)}</dt>` +
      `<dd>${escapeHtml(fact.value)}</dd>` +
      (fact.notes ?? []).map((note) => `<dd class="note">${escapeHtml(note)}</dd>`).join('') +
      '</div>',
  );
  return `<dl class="facts${className ? ` ${className}` : ''}">\n${items.join('\n')}\n</dl>`;
}

/** A chart's SVG (already escaped by its renderer) in its figure. */
export function figure(svg: string): string {
  return `<figure class="chart">${svg}</figure>`;
}
