/**
 * What a page looks like at the browser's current size, measured inside the page (as source text:
 * the project compiles without the DOM library). Shared by the report's and the portal's tests.
 */

export interface ChartLayout {
  readonly name: string;
  readonly width: number;
  /** Texts drawn smaller than the minimum once the SVG is scaled to the page: `text @ size px`. */
  readonly smallText: readonly string[];
  /** Texts that cross the chart's edge (clipped by it) or that the chart shortened with an ellipsis. */
  readonly cutText: readonly string[];
}

export interface TableLayout {
  readonly caption: string;
  /** Inside an element that scrolls sideways, below the page itself. */
  readonly wrapped: boolean;
  readonly scrollable: boolean;
  readonly focusable: boolean;
  /** The scrolling box's accessible name (its `aria-label`, or what its `aria-labelledby` names). */
  readonly name: string;
  readonly role: string | null;
  /** Where the visible box ends: what is wider scrolls inside it. */
  readonly boxRight: number;
}

export interface PageLayout {
  readonly viewportWidth: number;
  readonly pageWidth: number;
  /** Top of the report's headline, or null when the page has none. */
  readonly headlineTop: number | null;
  readonly charts: readonly ChartLayout[];
  readonly tables: readonly TableLayout[];
}

/** Evaluates to a PageLayout; `minimumTextPx` is the smallest text a chart may show, in CSS pixels. */
export const pageLayout = (minimumTextPx: number): string => `(() => {
  const MINIMUM = ${minimumTextPx};
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return getComputedStyle(el).display !== 'none' && box.width > 0 && box.height > 0;
  };
  const charts = [...document.querySelectorAll('svg[role="img"]')].filter(visible).map((svg) => {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter((text) => (text.textContent || '').trim() !== '');
    const smallText = [];
    const cutText = [];
    for (const text of texts) {
      const ctm = text.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < MINIMUM - 0.01) smallText.push(text.textContent + ' @ ' + size.toFixed(1) + ' px');
      const r = text.getBoundingClientRect();
      const crosses = r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
      if (crosses || /\\u2026$/.test(text.textContent.trim())) cutText.push(text.textContent);
    }
    return { name: svg.getAttribute('aria-label') || '', width: box.width, smallText, cutText };
  });
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const nameOf = (el) => {
    const ids = el.getAttribute('aria-labelledby');
    if (ids) return ids.split(/\\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
    return (el.getAttribute('aria-label') || '').trim();
  };
  const tables = [...document.querySelectorAll('table')].filter(visible).map((table) => {
    let box = table.parentElement;
    while (box && box !== document.body && !scrolls(box)) box = box.parentElement;
    const wrapped = Boolean(box) && box !== document.body;
    return {
      caption: (table.querySelector('caption')?.textContent || '').trim(),
      wrapped,
      scrollable: wrapped,
      focusable: wrapped && box.tabIndex >= 0,
      name: wrapped ? nameOf(box) : '',
      role: wrapped ? box.getAttribute('role') : null,
      boxRight: (wrapped ? box : table).getBoundingClientRect().right,
    };
  });
  const headline = document.querySelector('.headline');
  return {
    viewportWidth: window.innerWidth,
    pageWidth: document.documentElement.scrollWidth,
    headlineTop: headline ? headline.getBoundingClientRect().top : null,
    charts,
    tables,
  };
})()`;
