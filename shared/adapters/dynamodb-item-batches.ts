import {
  type AttributeValue,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { BATCH_SIZE, inBatches, untilProcessed } from './batch-write.ts';

/**
 * An item as DynamoDB stores it. A table copy keeps attribute values as they are: through the
 * document client a number would pass through a JS number (and lose digits past 2^53), a set
 * could change type.
 */
export type RawItem = Record<string, AttributeValue>;

/** DynamoDB's limit for one BatchGetItem call. */
const GET_BATCH_SIZE = 100;

/** The key attributes of an item, as one string: two items with the same key give the same string. */
export const keyString = (item: RawItem, keyNames: readonly string[]): string =>
  JSON.stringify(keyNames.map((name) => item[name] ?? null));

/** Reads only an item's key: whether an item exists is all that is asked (and key names may be reserved words). */
export function keyProjection(keyNames: readonly string[]) {
  return {
    ProjectionExpression: keyNames.map((_, index) => `#k${index}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(keyNames.map((name, index) => [`#k${index}`, name])),
  };
}

/**
 * Sends the requests 25 at a time, retrying what DynamoDB leaves unprocessed (a partition over its
 * throughput) with backoff, then failing loudly: a restore that silently skipped items would look done.
 */
export async function writeItems(
  client: DynamoDBClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  for (const batch of inBatches(requests, BATCH_SIZE)) {
    await untilProcessed(batch, 'items', async (pending) => {
      const response = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }),
      );
      return response.UnprocessedItems?.[tableName] ?? [];
    });
  }
}

/** Which of the keys have an item in the table (strongly consistent reads), as `keyString`s. */
export async function existingKeys(
  client: DynamoDBClient,
  tableName: string,
  keys: readonly RawItem[],
  keyNames: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of inBatches(keys, GET_BATCH_SIZE)) {
    await untilProcessed(batch, 'keys', async (pending) => {
      const response = await client.send(
        new BatchGetItemCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ConsistentRead: true,
              ...keyProjection(keyNames),
            },
          },
        }),
      );
      for (const item of response.Responses?.[tableName] ?? []) found.add(keyString(item, keyNames));
      return response.UnprocessedKeys?.[tableName]?.Keys ?? [];
    });
  }
  return found;
}
