import { describe, expect, it } from 'vitest';
import { type ListPage, PagedList } from '../../../portal/src/pages/paged-list.ts';

/** An API's offset-cursor pages over a list held here, each request recorded. */
function pagedApi(items: readonly number[], limit: number) {
  const asked: (string | undefined)[] = [];
  const fetch = (cursor: string | undefined): Promise<ListPage<number>> => {
    asked.push(cursor);
    const offset = Number(cursor ?? 0);
    const next = offset + limit;
    return Promise.resolve({
      items: items.slice(offset, next),
      total: items.length,
      nextCursor: next < items.length ? String(next) : null,
    });
  };
  return { asked, fetch };
}

const ITEMS = Array.from({ length: 23 }, (_, index) => index + 1);

describe('a list the API gives a page at a time', () => {
  it('turns forwards to the last page and back to the first, saying which items it shows', async () => {
    const api = pagedApi(ITEMS, 10);
    const list = new PagedList(api.fetch);
    expect(list.loaded).toBe(false);
    await list.reload();
    expect([list.items, list.range, list.total]).toEqual([ITEMS.slice(0, 10), { from: 1, to: 10 }, 23]);
    expect([list.hasPrevious, list.hasNext]).toEqual([false, true]);

    expect(await list.turn('next')).toBe(true);
    expect(await list.turn('next')).toBe(true);
    expect([list.items, list.range]).toEqual([[21, 22, 23], { from: 21, to: 23 }]);
    expect([list.hasPrevious, list.hasNext]).toEqual([true, false]);
    expect(await list.turn('next')).toBe(false);

    expect(await list.turn('previous')).toBe(true);
    expect(list.range).toEqual({ from: 11, to: 20 });
    expect(await list.turn('previous')).toBe(true);
    expect([list.items, list.hasPrevious]).toEqual([ITEMS.slice(0, 10), false]);
    expect(await list.turn('previous')).toBe(false);
    // Back is asked with the cursor each page was first reached by.
    expect(api.asked).toEqual([undefined, '10', '20', '10', undefined]);
  });

  it('starts again from the first page on reload', async () => {
    const list = new PagedList(pagedApi(ITEMS, 10).fetch);
    await list.reload();
    await list.turn('next');
    await list.reload();
    expect([list.range, list.hasPrevious]).toEqual([{ from: 1, to: 10 }, false]);
  });

  it('stays on its page when a turn fails, and turns once for two clicks in a row', async () => {
    const api = pagedApi(ITEMS, 10);
    let failing = false;
    const list = new PagedList((cursor) =>
      failing ? Promise.reject(new Error('offline')) : api.fetch(cursor),
    );
    await list.reload();
    failing = true;
    await expect(list.turn('next')).rejects.toThrow('offline');
    expect([list.range, list.hasPrevious]).toEqual([{ from: 1, to: 10 }, false]);
    failing = false;
    const [first, second] = await Promise.all([list.turn('next'), list.turn('next')]);
    expect([first, second, list.range]).toEqual([true, false, { from: 11, to: 20 }]);
  });

  it('says an empty list is loaded, with nothing to turn to', async () => {
    const list = new PagedList(pagedApi([], 10).fetch);
    await list.reload();
    expect([list.loaded, list.items, list.total, list.hasNext, list.hasPrevious]).toEqual([
      true,
      [],
      0,
      false,
      false,
    ]);
  });
});
