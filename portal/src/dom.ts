/**
 * Typed DOM construction: the few helpers every page uses instead of a framework. Text goes in as
 * text nodes (never as HTML), so a supplier or file name can carry no markup into the page.
 */
export type Child = Node | string | number | false | null | undefined;
type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: readonly (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: readonly (Child | readonly Child[])[]): void {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent`. */
export function replace(parent: Element, ...children: readonly (Child | readonly Child[])[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A unique id for label/control pairs. */
let ids = 0;
export const uniqueId = (prefix: string): string => `${prefix}-${++ids}`;

/** A labelled form control: the label is tied to the control by id, as screen readers expect. */
export function field(
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): HTMLDivElement {
  control.id ||= uniqueId('field');
  const hintElement = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : undefined;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintElement);
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  return h('option', { value, selected }, label);
}

/** A table with a caption and header cells scoped to their columns, in the box it scrolls in. */
export function table(
  caption: string,
  headers: readonly string[],
  rows: readonly (readonly (Child | readonly Child[])[])[],
  numericColumns: ReadonlySet<number> = new Set(),
): HTMLDivElement {
  const cell = (content: Child | readonly Child[], index: number) =>
    h('td', numericColumns.has(index) ? { class: 'num' } : {}, content);
  // A table wider than the screen scrolls in its own box, never the page: a region a keyboard can
  // focus (to scroll it) and a screen reader names after the caption.
  return h(
    'div',
    { class: 'table-wrap', role: 'region', tabindex: 0, 'aria-label': caption },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...headers.map((title, index) =>
            h('th', { scope: 'col', class: numericColumns.has(index) ? 'num' : undefined }, title),
          ),
        ),
      ),
      h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map(cell)))),
    ),
  );
}

/** How a focused element is found again after a redraw: its id, its form name, or its test id. */
function focusKey(element: Element): string | undefined {
  if (element.id) return `#${CSS.escape(element.id)}`;
  const name = element.getAttribute('name');
  if (name) return `${element.tagName.toLowerCase()}[name="${CSS.escape(name)}"]`;
  const testId = element.getAttribute('data-testid');
  return testId ? `[data-testid="${CSS.escape(testId)}"]` : undefined;
}

/**
 * Runs a redraw of `root` and gives the focus back to the same control if it had it: a redraw
 * (data arriving, a language switch) must never throw a keyboard user back to the top of the page.
 */
export function preservingFocus(root: Element, redraw: () => void): void {
  const active = document.activeElement;
  const key = active && root.contains(active) ? focusKey(active) : undefined;
  redraw();
  if (
    !key ||
    (document.activeElement &&
      root.contains(document.activeElement) &&
      document.activeElement !== document.body)
  )
    return;
  root.querySelector<HTMLElement>(key)?.focus();
}
