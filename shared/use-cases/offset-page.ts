import type { Page } from '../contracts/portal-api.ts';

/** Where a page starts in a list the use case holds whole, and how long it is (both already validated). */
export interface OffsetQuery {
  readonly offset: number;
  readonly limit: number;
}

/**
 * One page of a list already in memory and in its final order. The cursor is the next offset: the
 * lists paged this way are read whole on each call (a few hundred items), so an offset cannot skip
 * anything a DynamoDB page boundary would.
 */
export function pageOf<T>(items: readonly T[], query: OffsetQuery): { items: T[] } & Page {
  const page = items.slice(query.offset, query.offset + query.limit);
  const next = query.offset + page.length;
  return { items: page, total: items.length, nextCursor: next < items.length ? String(next) : null };
}
