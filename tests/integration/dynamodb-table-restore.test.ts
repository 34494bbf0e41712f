import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  paginateScan,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDynamoDbClient } from '../../shared/adapters/aws-clients.ts';
import { restoreTable } from '../../shared/adapters/dynamodb-table-restore.ts';
import { tableDefinition } from '../../shared/local/table-definition.ts';
import { type PartialBatchProxy, startPartialBatchProxy } from '../support/partial-batch-proxy.ts';

type RawItem = Record<string, AttributeValue>;

const LIVE = 'ancrage-test';
const RESTORED = 'ancrage-test-restored';

let server: Server;
let endpoint: string;
let client: DynamoDBClient;
let proxy: PartialBatchProxy;
let proxied: DynamoDBClient;

beforeAll(async () => {
  server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createDynamoDbClient(endpoint);
  proxy = await startPartialBatchProxy(endpoint);
  proxied = createDynamoDbClient(proxy.endpoint);
});

afterAll(async () => {
  client?.destroy();
  proxied?.destroy();
  await proxy?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

/** Item `n`, with what a copy through JS values would change: a number past 2^53, a set, bytes. */
function item(n: number, version = 'restored'): RawItem {
  return {
    pk: { S: `DATASET#${n % 7}` },
    sk: { S: `ITEM#${String(n).padStart(4, '0')}` },
    version: { S: version },
    cents: { N: `123456789012345678901234567890${n}` },
    tags: { SS: ['a', `t${n}`] },
    bytes: { B: new Uint8Array([n % 256, 0, 255]) },
  };
}

async function putItems(table: string, items: readonly RawItem[]) {
  for (let start = 0; start < items.length; start += 25) {
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: { [table]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
}

/** Every item of a table, in key order, as DynamoDB returns it. */
async function scanAll(table: string): Promise<RawItem[]> {
  const items: RawItem[] = [];
  for await (const page of paginateScan({ client }, { TableName: table, ConsistentRead: true }))
    items.push(...(page.Items ?? []));
  const key = (i: RawItem) => `${i.pk?.S}\u0000${i.sk?.S}`;
  return items.sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * The emulator deletes and activates tables on a timer: under load, a table re-created at once could
 * still be deleting, or not yet active, when the first write arrives. Wait for the state, as AWS asks.
 */
async function tableStatus(table: string): Promise<string | undefined> {
  const described = await client.send(new DescribeTableCommand({ TableName: table })).catch(() => undefined);
  return described?.Table?.TableStatus;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
}

const RESTORED_ITEMS = Array.from({ length: 130 }, (_, n) => item(n));

beforeEach(async () => {
  for (const table of [LIVE, RESTORED]) {
    await client.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
    await until(async () => (await tableStatus(table)) === undefined);
    await client.send(new CreateTableCommand(tableDefinition(table)));
    await until(async () => (await tableStatus(table)) === 'ACTIVE');
  }
  await putItems(RESTORED, RESTORED_ITEMS);
  // The live table since the restore point: items lost, items changed, items written afterwards.
  await putItems(LIVE, [
    ...RESTORED_ITEMS.slice(40).map((restored, n) => (n % 3 === 0 ? item(n + 40, 'changed') : restored)),
    item(500, 'after'),
    item(501, 'after'),
  ]);
  proxy.seen.length = 0;
  proxy.setRule(() => false);
});

describe('restoreTable (DynamoDB emulator)', () => {
  it('copies every item as stored, over many pages and segments, and keeps the others unless asked', async () => {
    const request = { from: RESTORED, to: LIVE, deleteExtra: false, segments: 3, pageSize: 7 };

    expect(await restoreTable(client, request)).toEqual({
      ok: true,
      value: { copied: 130, extra: 2, deleted: 0 },
    });
    const kept = await scanAll(LIVE);
    expect(kept).toHaveLength(132);
    expect(kept.filter((i) => i.version?.S !== 'after')).toEqual(await scanAll(RESTORED));

    // Again, deleting: the table is the restored one; and once more, nothing changes.
    expect(await restoreTable(client, { ...request, deleteExtra: true })).toEqual({
      ok: true,
      value: { copied: 130, extra: 2, deleted: 2 },
    });
    expect(await scanAll(LIVE)).toEqual(await scanAll(RESTORED));
    expect(await restoreTable(client, { ...request, deleteExtra: true })).toEqual({
      ok: true,
      value: { copied: 130, extra: 0, deleted: 0 },
    });
    expect(await scanAll(LIVE)).toEqual(await scanAll(RESTORED));
  });

  it('writes page after page as it reads: the table is never held whole', async () => {
    await restoreTable(proxied, { from: RESTORED, to: LIVE, deleteExtra: false, segments: 1, pageSize: 10 });

    const operations = proxy.seen.map((seen) => seen.operation);
    const scans = operations.flatMap((operation, index) => (operation === 'Scan' ? [index] : []));
    // 130 items, 10 a page: the first page is written before the second is read.
    expect(scans.length).toBeGreaterThan(13);
    expect(operations.indexOf('BatchWriteItem')).toBeGreaterThan(-1);
    expect(operations.indexOf('BatchWriteItem')).toBeLessThan(scans[1] ?? -1);
  });

  it('retries the items and keys DynamoDB leaves unprocessed, until every one is done', async () => {
    // The first calls of each kind come back half done, as from a partition over its throughput.
    const calls = new Map<string, number>();
    proxy.setRule((operation) => {
      calls.set(operation, (calls.get(operation) ?? 0) + 1);
      return (calls.get(operation) ?? 0) <= 2;
    });

    const restored = await restoreTable(proxied, {
      from: RESTORED,
      to: LIVE,
      deleteExtra: true,
      segments: 1,
      pageSize: 50,
    });

    expect(restored).toEqual({ ok: true, value: { copied: 130, extra: 2, deleted: 2 } });
    expect(await scanAll(LIVE)).toEqual(await scanAll(RESTORED));
    const cut = proxy.seen.filter((seen) => seen.cut).map((seen) => seen.operation);
    expect(cut).toEqual(['BatchWriteItem', 'BatchWriteItem', 'BatchGetItem', 'BatchGetItem']);
  });

  it('refuses a missing table, and tables whose keys differ, before writing anything', async () => {
    expect(await restoreTable(client, { from: 'nope', to: LIVE, deleteExtra: false, segments: 1 })).toEqual({
      ok: false,
      reason: 'no table nope in this account and region',
    });
    await client.send(
      new CreateTableCommand({
        TableName: 'other-keys',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    // The emulator turns a table ACTIVE on a timer of its own: under load, after the next request.
    await until(async () => (await tableStatus('other-keys')) === 'ACTIVE');
    const different = await restoreTable(client, {
      from: 'other-keys',
      to: LIVE,
      deleteExtra: true,
      segments: 1,
    });
    await client.send(new DeleteTableCommand({ TableName: 'other-keys' }));
    expect(different).toEqual({
      ok: false,
      reason: `other-keys and ${LIVE} have different keys (id:HASH:S against pk:HASH:S, sk:RANGE:S)`,
    });
    expect(await scanAll(LIVE)).toHaveLength(92);
  });

  it('refuses a restored table still being created', async () => {
    const slow = dynalite({ createTableMs: 60_000 });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const slowClient = createDynamoDbClient(`http://127.0.0.1:${(slow.address() as AddressInfo).port}`);
    try {
      await slowClient.send(new CreateTableCommand(tableDefinition(RESTORED)));
      const refused = await restoreTable(slowClient, {
        from: RESTORED,
        to: LIVE,
        deleteExtra: false,
        segments: 1,
      });
      expect(refused).toEqual({
        ok: false,
        reason: `table ${RESTORED} is CREATING: wait until it is ACTIVE (aws dynamodb wait table-exists --table-name ${RESTORED})`,
      });
    } finally {
      slowClient.destroy();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
