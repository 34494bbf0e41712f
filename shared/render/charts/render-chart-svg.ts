import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeHtml } from '../html-escape.ts';
import { useEstimatedTextWidths } from './text-width.ts';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** The chart's visible title: its accessible name. */
function titleOf(spec: TopLevelSpec): string {
  const title = spec.title;
  if (title === undefined) return '';
  if (typeof title === 'string') return title;
  if (Array.isArray(title)) return title.join(' ');
  const text = title.text;
  return typeof text === 'string' ? text : Array.isArray(text) ? text.join(' ') : '';
}

const INNER_ARIA = /\s(?:role|aria-[a-z]+)="[^"]*"/g;

/**
 * Vega labels its marks and title for screen readers in English ("Title text '…'"). Inside a
 * `role="img"` they are never read, and in a French page they would be wrong: they go. Only start
 * tags are touched (text content holds data, escaped, and never a `<`).
 */
function withoutInnerAria(body: string): string {
  return body.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(INNER_ARIA, ''));
}

/**
 * Vega's SVG, made an accessible, self-contained image: `role="img"`, its title as `aria-label` and
 * `<title>`, its description (a text version of the figures) as `<desc>`, a `class` for the page's CSS.
 * The SVG namespace stays (it names the vocabulary, it is never fetched) so the string is also a valid
 * standalone `.svg`; the unused `xlink` namespace goes.
 */
function accessible(svg: string, title: string, description: string, className: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('Vega returned something other than an SVG document');
  const attribute = (name: string): string => {
    const value = new RegExp(`\\s${name}="([^"]*)"`).exec(open[0])?.[1];
    if (value === undefined) throw new Error(`Vega's SVG has no ${name}`);
    return value;
  };
  const body = svg.slice(open[0].length);
  // Only markup counts: data in text content is escaped (`&lt;img src=…`) and fetches nothing.
  if (/<[^>]*(?:\s(?:xlink:)?href=|\ssrc=|url\((?!#))/i.test(body)) {
    throw new Error('a chart must not reference anything outside the page');
  }
  const name = escapeHtml(title);
  return (
    `<svg xmlns="${SVG_NAMESPACE}" class="${escapeHtml(className)}" role="img" aria-label="${name}" ` +
    `width="${attribute('width')}" height="${attribute('height')}" viewBox="${attribute('viewBox')}">` +
    `<title>${name}</title><desc>${escapeHtml(description)}</desc>${withoutInnerAria(body)}`
  );
}

/**
 * Renders a Vega-Lite spec to an SVG string on the server: no canvas, no DOM, nothing fetched
 * (the data is inline), text measured by estimate. The spec's `title` names the image and its
 * `description` describes it to screen readers; `className` is what the page's CSS knows it by.
 */
export async function renderChartSvg(spec: TopLevelSpec, className = 'chart-svg'): Promise<string> {
  useEstimatedTextWidths();
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return accessible(svg, titleOf(spec), spec.description ?? '', className);
  } finally {
    view.finalize();
  }
}
