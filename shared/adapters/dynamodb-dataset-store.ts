import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { type DatasetRecord, DatasetRecordSchema } from '../domain/dataset.ts';
import type { SupplierRollup } from '../domain/ingest/supplier-rollup-record.ts';
import { type SupplierIdentity, SupplierIdentitySchema } from '../domain/spend-line.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';
import { deleteAll, putAll } from './batch-write.ts';
import { putIf } from './conditional-put.ts';
import { ENTITY, GSI1, keys } from './dynamodb-keys.ts';
import { rollupAttributes, rollupOfItem } from './rollup-item.ts';

const datasetItem = (record: DatasetRecord) => ({
  ...keys.dataset(record.id),
  ...keys.datasetIndex(record.anchorId, record.id),
  entityType: ENTITY.dataset,
  ...record,
});

async function queryAll(
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client }, input)) items.push(...(page.Items ?? []));
  return items;
}

export function createDynamoDbDatasetStore(client: DynamoDBDocumentClient, tableName: string): DatasetStore {
  const getDataset = async (datasetId: string) => {
    const response = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.dataset(datasetId), ConsistentRead: true }),
    );
    return response.Item ? DatasetRecordSchema.parse(response.Item) : undefined;
  };

  /** A dataset's rollup items, read consistently: they were just written by the same ingest. */
  const rollupItems = (datasetId: string, projection?: string) =>
    queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rollup)',
      ExpressionAttributeValues: { ':pk': keys.dataset(datasetId).pk, ':rollup': keys.rollupPrefix },
      ...(projection ? { ProjectionExpression: projection } : {}),
      ConsistentRead: true,
    });

  /**
   * Rewrites an INGESTED dataset, on condition that nothing changed it since it was read; false when
   * it is not INGESTED or changed meanwhile (a concurrent run got there first). A conditional put of
   * the whole record, not an UpdateItem: the functions' IAM grants writes as PutItem and
   * BatchWriteItem only (infra/access.ts).
   */
  const amendCounted = (datasetId: string, amend: (current: DatasetRecord) => DatasetRecord) =>
    amendIf(datasetId, (current) => current.status === 'INGESTED', amend);

  /** The same, for any record `holds` accepts: the condition pins its status and its updatedAt. */
  const amendIf = async (
    datasetId: string,
    holds: (current: DatasetRecord) => boolean,
    amend: (current: DatasetRecord) => DatasetRecord,
  ) => {
    const current = await getDataset(datasetId);
    if (!current || !holds(current)) return false;
    return putIf(client, {
      TableName: tableName,
      Item: datasetItem(DatasetRecordSchema.parse(amend(current))),
      ConditionExpression: '#status = :status AND updatedAt = :seen',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': current.status, ':seen': current.updatedAt },
    });
  };

  return {
    async claimDataset(record, now) {
      try {
        const response = await client.send(
          new PutCommand({
            TableName: tableName,
            Item: datasetItem(record),
            ReturnValues: 'ALL_OLD',
            // New, or an earlier attempt that failed, or one that crashed and let its lease expire.
            ConditionExpression:
              'attribute_not_exists(pk) OR #status IN (:received, :failed) OR (#status = :ingesting AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':received': 'RECEIVED',
              ':failed': 'FAILED',
              ':ingesting': 'INGESTING',
              ':now': now.toISOString(),
            },
          }),
        );
        const previous = response.Attributes ? DatasetRecordSchema.parse(response.Attributes) : undefined;
        return { claimed: true, record, ...(previous ? { previous } : {}) };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const existing = await getDataset(record.id);
        if (!existing) throw new Error(`dataset ${record.id} could not be claimed nor read`);
        return { claimed: false, existing };
      }
    },

    async putRollups(datasetId, rollups) {
      const items = [...rollups].map((rollup) => ({
        ...keys.rollup(datasetId, rollup.anchorId, rollup.supplier.key, rollup.segment),
        entityType: ENTITY.rollup,
        datasetId,
        ...rollupAttributes(rollup),
      }));
      await putAll(client, tableName, items);
    },

    async claimContent(content, datasetId) {
      const claimed = await putIf(client, {
        TableName: tableName,
        Item: { ...keys.contentClaim(content), entityType: ENTITY.contentClaim, datasetId },
        ConditionExpression: 'attribute_not_exists(pk) OR datasetId = :datasetId',
        ExpressionAttributeValues: { ':datasetId': datasetId },
      });
      if (claimed) return datasetId;
      const response = await client.send(
        new GetCommand({ TableName: tableName, Key: keys.contentClaim(content), ConsistentRead: true }),
      );
      const owner = response.Item?.datasetId;
      if (typeof owner !== 'string') throw new Error(`content claim ${content.contentSha256} has no owner`);
      return owner;
    },

    async transferContent(content, from, to) {
      return putIf(client, {
        TableName: tableName,
        Item: { ...keys.contentClaim(content), entityType: ENTITY.contentClaim, datasetId: to },
        ConditionExpression: 'datasetId = :from',
        ExpressionAttributeValues: { ':from': from },
      });
    },

    async retire(datasetId, retirement, now) {
      // Counted no more, it shares spend with nothing, and has nothing left to settle: what it said
      // while counted goes, so the record does not depend on how long it was counted.
      return amendCounted(datasetId, ({ overlaps: _shared, overlapsPending: _pending, ...current }) => ({
        ...current,
        ...retirement,
        updatedAt: now.toISOString(),
      }));
    },

    async repoint(datasetId, from, retirement, now) {
      return amendIf(
        datasetId,
        (current) => current.status === 'SUPERSEDED' && current.supersededBy === from,
        (current) => ({ ...current, ...retirement, updatedAt: now.toISOString() }),
      );
    },

    async noteOverlaps(datasetId, overlaps, counted, now) {
      return amendCounted(datasetId, (current) => {
        const still = (current.overlaps ?? []).filter((overlap) => counted.has(overlap.datasetId));
        const noted = new Map(still.map((overlap) => [overlap.datasetId, overlap]));
        for (const overlap of overlaps) noted.set(overlap.datasetId, overlap);
        const sorted = [...noted.values()].sort((a, b) => (a.datasetId < b.datasetId ? -1 : 1));
        return { ...current, overlaps: sorted, updatedAt: now.toISOString() };
      });
    },

    async markOverlapsSettled(datasetId, now) {
      return amendCounted(datasetId, ({ overlapsPending: _settled, ...current }) => ({
        ...current,
        updatedAt: now.toISOString(),
      }));
    },

    async saveDataset(record) {
      await client.send(
        new PutCommand({ TableName: tableName, Item: datasetItem(DatasetRecordSchema.parse(record)) }),
      );
    },

    getDataset,

    async listDatasets(filter) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: GSI1,
        KeyConditionExpression: filter.anchorId
          ? 'gsi1pk = :datasets AND begins_with(gsi1sk, :anchor)'
          : 'gsi1pk = :datasets',
        ExpressionAttributeValues: {
          ':datasets': keys.datasetIndex('', '').gsi1pk,
          ...(filter.anchorId ? { ':anchor': keys.datasetsOfAnchorPrefix(filter.anchorId) } : {}),
        },
      });
      return items
        .map((item) => DatasetRecordSchema.parse(item))
        .filter((record) => !filter.kind || record.kind === filter.kind);
    },

    async deleteRollups(datasetId) {
      const items = await rollupItems(datasetId, 'pk, sk');
      await deleteAll(
        client,
        tableName,
        items.map((item) => ({ pk: String(item.pk), sk: String(item.sk) })),
      );
    },

    async readRollups(datasetId): Promise<SupplierRollup[]> {
      const items = await rollupItems(datasetId);
      return items.map(rollupOfItem);
    },

    async readRollupSuppliers(datasetId): Promise<SupplierIdentity[]> {
      // A rollup's months and categories are most of its bytes: read, unmarshalled and checked for nothing here.
      const items = await rollupItems(datasetId, 'supplier');
      return items.map((item) => SupplierIdentitySchema.parse(item.supplier));
    },
  };
}
