/**
 * `work` over every item, at most `limit` at a time, the results in the items' order: independent
 * calls (conditional writes DynamoDB cannot batch, batches, queries, reads) without one round trip
 * after another, and without sending them all at once.
 */
export async function mapInFlight<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
