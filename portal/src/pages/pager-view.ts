import { h } from '../dom.ts';
import type { PagedList } from './paged-list.ts';

/** The words of a pager: short on the buttons, and what they turn to for a screen reader. */
export interface PagerWords {
  readonly previous: string;
  readonly previousLabel: string;
  readonly next: string;
  readonly nextLabel: string;
}

/** "Previous" and "next" buttons under a paged table; nothing when the list fits on one page. */
export function pagerView(
  list: PagedList<unknown>,
  words: PagerWords,
  testId: string,
  turn: (to: 'next' | 'previous') => void,
): HTMLElement | false {
  if (!list.hasPrevious && !list.hasNext) return false;
  const button = (text: string, label: string, to: 'next' | 'previous') => {
    const element = h(
      'button',
      { type: 'button', 'aria-label': label, 'data-testid': `${testId}-${to}` },
      text,
    );
    element.addEventListener('click', () => turn(to));
    return element;
  };
  return h(
    'div',
    { class: 'pager' },
    list.hasPrevious && button(words.previous, words.previousLabel, 'previous'),
    list.hasNext && button(words.next, words.nextLabel, 'next'),
  );
}

/**
 * After a turn, the button pressed is gone on the first or last page: the keyboard is put on the
 * table then, not thrown back to the top of the page.
 */
export function keepFocusIn(section: HTMLElement): void {
  if (section.contains(document.activeElement)) return;
  section.querySelector<HTMLElement>('.table-wrap')?.focus();
}
