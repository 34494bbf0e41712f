import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mapInFlight } from '../domain/in-flight.ts';

/** DynamoDB's limit for one BatchWriteItem call. */
export const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 5_000;
const CONCURRENT_BATCHES = 4;

type Item = Record<string, unknown>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full-jitter exponential backoff. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}

/** The items in consecutive batches of at most `size`. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/**
 * Sends `first`, then what DynamoDB left unprocessed (a partition over its throughput), with
 * backoff, until nothing is left; fails loudly after a bound: a write that skipped items would look done.
 */
export async function untilProcessed<T>(
  first: readonly T[],
  what: string,
  send: (pending: T[]) => Promise<readonly T[]>,
): Promise<void> {
  let pending = [...first];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= MAX_ATTEMPTS) {
      throw new Error(`DynamoDB left ${pending.length} ${what} unprocessed after ${MAX_ATTEMPTS} attempts`);
    }
    if (attempt > 0) await sleep(backoffDelay(attempt));
    pending = [...(await send(pending))];
  }
}

function writeBatch(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  return untilProcessed(requests, 'items', async (pending) => {
    const response = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
    return (response.UnprocessedItems?.[tableName] ?? []).flatMap((request): WriteRequest[] => {
      if (request.PutRequest?.Item) return [{ PutRequest: { Item: request.PutRequest.Item } }];
      if (request.DeleteRequest?.Key) return [{ DeleteRequest: { Key: request.DeleteRequest.Key } }];
      return [];
    });
  });
}

/** Sends requests 25 at a time, a few batches in flight; one batch may not name a key twice. */
async function writeAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  await mapInFlight(inBatches(requests, BATCH_SIZE), CONCURRENT_BATCHES, (batch) =>
    writeBatch(client, tableName, batch),
  );
}

/**
 * Puts items 25 at a time, a few batches in flight, retrying what DynamoDB leaves unprocessed with
 * backoff; after that it fails loudly so the dataset is marked failed rather than half-written.
 */
export async function putAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Item[],
): Promise<void> {
  // One BatchWriteItem may not name a key twice: the last item for a key is the one that counts.
  const unique = [
    ...new Map(items.map((item) => [`${String(item.pk)}\u0000${String(item.sk)}`, item])).values(),
  ];
  await writeAll(
    client,
    tableName,
    unique.map((item) => ({ PutRequest: { Item: item } })),
  );
}

/** Deletes items by key (`pk`, `sk`), with the same batching and retries as `putAll`. */
export async function deleteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly { pk: string; sk: string }[],
): Promise<void> {
  await writeAll(
    client,
    tableName,
    keys.map((key) => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } })),
  );
}
