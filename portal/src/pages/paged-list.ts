/** One page of a list as the API gives it: its items, how many there are in all, the cursor of the next. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly nextCursor: string | null;
}

/** Where a page starts: the API's cursor (none for the first page) and the rank of its first item. */
interface PageStart {
  readonly cursor: string | undefined;
  readonly first: number;
}

const FIRST: PageStart = { cursor: undefined, first: 0 };

/**
 * A list the API gives a page at a time, turned forwards and back. The API's cursors only go
 * forwards, so the start of every page before the one shown is kept, to go back to it.
 */
export class PagedList<T> {
  private shown: PageStart = FIRST;
  private readonly earlier: PageStart[] = [];
  private page: ListPage<T> | undefined;
  private busy = false;

  constructor(private readonly fetch: (cursor: string | undefined) => Promise<ListPage<T>>) {}

  /** False until the first page has arrived. */
  get loaded(): boolean {
    return this.page !== undefined;
  }

  get items(): readonly T[] {
    return this.page?.items ?? [];
  }

  get total(): number {
    return this.page?.total ?? 0;
  }

  get hasPrevious(): boolean {
    return this.earlier.length > 0;
  }

  get hasNext(): boolean {
    return Boolean(this.page?.nextCursor);
  }

  /** The ranks (from 1) of the first and last items shown. */
  get range(): { readonly from: number; readonly to: number } {
    return { from: this.shown.first + 1, to: this.shown.first + this.items.length };
  }

  /** The first page, again when the list has changed (a new upload comes first). */
  async reload(): Promise<void> {
    const page = await this.fetch(undefined);
    this.shown = FIRST;
    this.earlier.length = 0;
    this.page = page;
  }

  /** Shows the next or the previous page; false when there is none that way, or a turn is under way. */
  async turn(to: 'next' | 'previous'): Promise<boolean> {
    const page = this.page;
    if (this.busy || !page) return false;
    const target =
      to === 'previous'
        ? this.earlier.at(-1)
        : page.nextCursor
          ? { cursor: page.nextCursor, first: this.shown.first + page.items.length }
          : undefined;
    if (!target) return false;
    this.busy = true;
    try {
      this.page = await this.fetch(target.cursor);
      if (to === 'next') this.earlier.push(this.shown);
      else this.earlier.pop();
      this.shown = target;
    } finally {
      this.busy = false;
    }
    return true;
  }
}
