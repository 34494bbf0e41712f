/**
 * Checks run inside the page (as source text: the project compiles without the DOM library). A small
 * stand-in for an accessibility engine, on what matters most here: names, labels, language, contrast.
 */

export interface AccessibilityFinding {
  readonly rule: string;
  readonly element: string;
  readonly detail: string;
}

/** Evaluates to AccessibilityFinding[] for the page as it is now. */
export const ACCESSIBILITY_CHECK = `(() => {
  const findings = [];
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && (box.width > 0 || box.height > 0 || el.classList.contains('visually-hidden'));
  };
  const nameOf = (el) => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) return labelledBy.split(/\\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
    if (el.id) {
      const label = document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      if (label) return label.textContent.trim();
    }
    const wrapping = el.closest('label');
    if (wrapping) return wrapping.textContent.trim();
    return '';
  };
  if (!['fr', 'en'].includes(document.documentElement.lang)) findings.push({ rule: 'html-lang', element: 'html', detail: document.documentElement.lang });
  if (!document.title.trim()) findings.push({ rule: 'document-title', element: 'title', detail: 'empty' });
  if (document.querySelectorAll('main').length !== 1) findings.push({ rule: 'one-main', element: 'main', detail: String(document.querySelectorAll('main').length) });
  if (document.querySelectorAll('h1').length !== 1) findings.push({ rule: 'one-h1', element: 'h1', detail: String(document.querySelectorAll('h1').length) });
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    if (!nameOf(el)) findings.push({ rule: 'control-label', element: describe(el), detail: 'no label' });
  }
  for (const el of document.querySelectorAll('button, a[href]')) {
    if (!visible(el)) continue;
    const name = (el.getAttribute('aria-label') || el.textContent || '').trim();
    if (!name) findings.push({ rule: 'control-name', element: describe(el), detail: 'no accessible name' });
    const label = el.getAttribute('aria-label');
    const text = (el.textContent || '').trim();
    if (label && text && !label.toLowerCase().includes(text.toLowerCase())) findings.push({ rule: 'label-in-name', element: describe(el), detail: label });
  }
  for (const el of document.querySelectorAll('img')) if (!el.hasAttribute('alt')) findings.push({ rule: 'img-alt', element: describe(el), detail: 'no alt' });
  for (const el of document.querySelectorAll('table')) if (!el.querySelector('caption') && !el.getAttribute('aria-label')) findings.push({ rule: 'table-caption', element: describe(el), detail: 'no caption' });
  const ids = new Map();
  for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
  for (const [id, count] of ids) if (count > 1) findings.push({ rule: 'unique-id', element: id, detail: String(count) });
  // Contrast (WCAG 2): text against the first opaque background behind it.
  const rgb = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color.length === 3 || (color.length === 4 && color[3] === 1)) return color.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const checked = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || checked.has(el) || !node.textContent.trim() || !visible(el) || el.closest('.visually-hidden')) continue;
    checked.add(el);
    const style = getComputedStyle(el);
    const fore = luminance(rgb(style.color).slice(0, 3));
    const back = luminance(background(el));
    const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const opacity = Number(style.opacity);
    if (ratio < (large ? 3 : 4.5) && opacity === 1) findings.push({ rule: 'contrast', element: describe(el), detail: ratio.toFixed(2) });
  }
  const scroller = document.scrollingElement;
  if (scroller.scrollWidth > window.innerWidth + 1) findings.push({ rule: 'no-horizontal-scroll', element: 'page', detail: scroller.scrollWidth + ' > ' + window.innerWidth });
  return findings;
})()`;

/** Evaluates to a description of the element that has the keyboard focus. */
export const FOCUSED_ELEMENT = `(() => {
  const el = document.activeElement;
  if (!el) return '';
  const outline = getComputedStyle(el).outlineStyle;
  return el.tagName.toLowerCase() + '|' + (el.id || '') + '|' + (el.getAttribute('type') || '') + '|' + (el.textContent || '').trim().slice(0, 40) + '|' + outline;
})()`;

/** Evaluates to the outline style of the drop zone (its focus ring while the file input has the focus). */
export const DROP_ZONE_OUTLINE = `(() => getComputedStyle(document.querySelector('.drop-zone')).outlineStyle)()`;
