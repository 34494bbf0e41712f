import {
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  ScanCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { fail, ok, type Result } from '../domain/result.ts';
import { existingKeys, keyProjection, keyString, type RawItem, writeItems } from './dynamodb-item-batches.ts';

export interface TableRestoreRequest {
  /** The table point-in-time recovery restored into (it never restores over the live table). */
  readonly from: string;
  /** The table the stacks own, to bring back to the restored items. */
  readonly to: string;
  /** Delete the items of `to` that `from` does not have; kept (and counted) otherwise. */
  readonly deleteExtra: boolean;
  /** Parallel scan segments of each table; each holds one page at a time. */
  readonly segments: number;
  /** Items per scan page; DynamoDB's own (up to 1 MB) when unset. */
  readonly pageSize?: number | undefined;
}

export interface TableRestore {
  readonly copied: number;
  /** Items of `to` that `from` does not have (written since the restore point, say). */
  readonly extra: number;
  readonly deleted: number;
}

/** Statuses in which a table can be scanned and written (a restore is CREATING for a while). */
const USABLE = new Set(['ACTIVE', 'UPDATING']);

async function describe(client: DynamoDBClient, tableName: string): Promise<Result<TableDescription>> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (!Table) return fail(`DynamoDB described no table ${tableName}`);
    if (!USABLE.has(Table.TableStatus ?? ''))
      return fail(
        `table ${tableName} is ${Table.TableStatus}: wait until it is ACTIVE (aws dynamodb wait table-exists --table-name ${tableName})`,
      );
    return ok(Table);
  } catch (error) {
    if (error instanceof ResourceNotFoundException)
      return fail(`no table ${tableName} in this account and region`);
    throw error;
  }
}

const keySchemaOf = (table: TableDescription) =>
  (table.KeySchema ?? []).map((key) => {
    const type = table.AttributeDefinitions?.find((a) => a.AttributeName === key.AttributeName);
    return `${key.AttributeName}:${key.KeyType}:${type?.AttributeType}`;
  });

/**
 * Visits every item of a table, one page at a time in each segment: never more than
 * `segments` pages in memory, whatever the table's size.
 */
async function eachPage(
  client: DynamoDBClient,
  tableName: string,
  request: Pick<TableRestoreRequest, 'segments' | 'pageSize'> & { readonly keysOnly?: readonly string[] },
  visit: (items: RawItem[]) => Promise<void>,
): Promise<void> {
  const { segments, pageSize, keysOnly } = request;
  const projection = keysOnly && keyProjection(keysOnly);
  const scanSegment = async (segment: number) => {
    let start: RawItem | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: tableName,
          ConsistentRead: true,
          ExclusiveStartKey: start,
          ...(segments > 1 ? { Segment: segment, TotalSegments: segments } : {}),
          ...(pageSize ? { Limit: pageSize } : {}),
          ...projection,
        }),
      );
      await visit(page.Items ?? []);
      start = page.LastEvaluatedKey;
    } while (start);
  };
  await Promise.all(Array.from({ length: segments }, (_, segment) => scanSegment(segment)));
}

/**
 * Copies every item of the restored table into the live one (a put replaces an item whole, so
 * running it again gives the same table), then looks for the live table's items the restored one
 * does not have: counted, and deleted only when asked.
 */
export async function restoreTable(
  client: DynamoDBClient,
  request: TableRestoreRequest,
): Promise<Result<TableRestore>> {
  const { from, to } = request;
  const [source, target] = await Promise.all([describe(client, from), describe(client, to)]);
  if (!source.ok) return source;
  if (!target.ok) return target;
  const sourceKeys = keySchemaOf(source.value);
  if (sourceKeys.join() !== keySchemaOf(target.value).join())
    return fail(
      `${from} and ${to} have different keys (${sourceKeys.join(', ')} against ${keySchemaOf(target.value).join(', ')})`,
    );
  const keyNames = (source.value.KeySchema ?? []).flatMap((key) => key.AttributeName ?? []);

  let copied = 0;
  await eachPage(client, from, request, async (items) => {
    await writeItems(
      client,
      to,
      items.map((item) => ({ PutRequest: { Item: item } })),
    );
    copied += items.length;
  });

  let extra = 0;
  let deleted = 0;
  await eachPage(client, to, { ...request, keysOnly: keyNames }, async (keys) => {
    const inSource = await existingKeys(client, from, keys, keyNames);
    const missing = keys.filter((key) => !inSource.has(keyString(key, keyNames)));
    extra += missing.length;
    if (!request.deleteExtra || missing.length === 0) return;
    await writeItems(
      client,
      to,
      missing.map((key) => ({ DeleteRequest: { Key: key } })),
    );
    deleted += missing.length;
  });
  return ok({ copied, extra, deleted });
}
