import { h } from '../../dom.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { FigureRow, ReconciliationFigures } from './reconciliation-figures.ts';

const headerRow = (columns: readonly string[]) =>
  h(
    'tr',
    {},
    ...columns.map((title, index) => h('th', { scope: 'col', class: index > 0 ? 'num' : undefined }, title)),
  );

/** A row whose first cell heads it, so a screen reader says "Rejected…, 3, 12,00 €". */
const figureRow = ([label, lines, amount]: FigureRow) =>
  h(
    'tr',
    {},
    h('th', { scope: 'row' }, label),
    h('td', { class: 'num' }, lines),
    h('td', { class: 'num' }, amount),
  );

/** The reconciliation section of the status page: the control total's parts, the file's own total, the flagged spend. */
export function reconciliationView(figures: ReconciliationFigures, messages: Messages): HTMLElement {
  const t = messages.reconciliation;
  const facts: [string, string, string, string][] = [];
  if (figures.totalRows) facts.push([figures.totalRows.term, figures.totalRows.value, 'total-rows', '']);
  if (figures.statedTotal) {
    const { term, value, agrees } = figures.statedTotal;
    facts.push([term, value, 'stated-total', agrees ? 'note' : 'error']);
  }
  return h(
    'section',
    { 'aria-labelledby': 'reconciliation-heading', 'data-testid': 'reconciliation' },
    h('h3', { id: 'reconciliation-heading' }, t.heading),
    h('p', {}, t.intro),
    h(
      'table',
      { class: 'figures' },
      h('caption', {}, t.heading),
      h('thead', {}, headerRow(t.columns)),
      h('tbody', {}, ...figures.parts.map(figureRow)),
      h(
        'tfoot',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, t.control),
          h('td', { class: 'num' }),
          h('td', { class: 'num', 'data-testid': 'control-total' }, figures.control),
        ),
      ),
    ),
    facts.length > 0 &&
      h(
        'dl',
        { class: 'facts' },
        ...facts.flatMap(([term, value, id, tone]) => [
          h('dt', {}, term),
          h('dd', { 'data-testid': id, class: tone || undefined }, value),
        ]),
      ),
    figures.flags.length > 0 &&
      h(
        'section',
        { 'aria-labelledby': 'flags-heading', 'data-testid': 'flags' },
        h('h4', { id: 'flags-heading' }, t.flags),
        h('p', {}, t.flagsIntro),
        h(
          'table',
          { class: 'figures' },
          h('caption', {}, t.flags),
          h('thead', {}, headerRow(t.flagsColumns)),
          h('tbody', {}, ...figures.flags.map(figureRow)),
        ),
      ),
  );
}
