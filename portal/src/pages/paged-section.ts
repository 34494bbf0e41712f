import type { PortalContext } from '../context.ts';
import { type Child, h, preservingFocus, table } from '../dom.ts';
import { formatCount } from '../i18n/format.ts';
import { type ListPage, PagedList } from './paged-list.ts';
import { keepFocusIn } from './pager-view.ts';

/**
 * A section of a page showing one list a page at a time: turning a page announces its range to a
 * screen reader and keeps the keyboard in the section; a failed turn is shown in the section.
 */
export abstract class PagedSection<T> {
  abstract readonly element: HTMLElement;
  protected readonly list = new PagedList<T>((cursor) => this.fetchPage(cursor));
  protected error: string | undefined;

  protected constructor(protected readonly context: PortalContext) {}

  /** One page from the API, from `cursor` (the first without one). */
  protected abstract fetchPage(cursor: string | undefined): Promise<ListPage<T>>;
  /** "1 to 25 of 370", in the section's words: `rangeCaption` gives the numbers. */
  protected abstract caption(): string;
  protected abstract draw(): void;

  render(): void {
    preservingFocus(this.element, () => this.draw());
  }

  protected async turn(to: 'next' | 'previous'): Promise<void> {
    try {
      if (!(await this.list.turn(to))) return;
      this.error = undefined;
      this.context.announce(this.caption());
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.render();
    keepFocusIn(this.element);
  }

  /**
   * The failed turn's message, if any, then the page as a table, or `none` once the list is loaded
   * and empty: what a paged list shows between its heading and its pager (one that shows more, such as
   * the unmatched suppliers' with its own actions, builds its body itself).
   */
  protected listBody(
    none: string,
    columns: readonly string[],
    row: (item: T, index: number) => readonly (Child | readonly Child[])[],
    numericColumns?: ReadonlySet<number>,
  ): Child[] {
    return [
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      this.list.loaded &&
        (this.list.items.length === 0
          ? h('p', {}, none)
          : table(this.caption(), columns, this.list.items.map(row), numericColumns)),
    ];
  }

  /** The shown range and the total, as numbers of the reader's language. */
  protected rangeCaption(say: (from: string, to: string, total: string) => string): string {
    const { language } = this.context.i18n;
    const { from, to } = this.list.range;
    return say(
      formatCount(from, language),
      formatCount(to, language),
      formatCount(this.list.total, language),
    );
  }
}
