import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import {
  LookupRunSchema,
  RegistryCheckpointSchema,
  RegistryStatusSchema,
} from '../domain/registry/registry-status.ts';
import type { RegistryState } from '../ports/registry-state.ts';
import { ENTITY, keys } from './dynamodb-keys.ts';

/** The register's status, checkpoint and last lookups: one item each, read consistently (a run follows the last). */
export function createDynamoDbRegistryState(
  client: DynamoDBDocumentClient,
  tableName: string,
): RegistryState {
  async function read<T>(key: { pk: string; sk: string }, schema: z.ZodType<T>): Promise<T | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, entityType: _type, ...value } = Item;
    return schema.parse(value);
  }
  const write = (key: { pk: string; sk: string }, value: object) =>
    client.send(
      new PutCommand({ TableName: tableName, Item: { ...key, entityType: ENTITY.registryState, ...value } }),
    );
  return {
    readStatus: () => read(keys.registryStatus, RegistryStatusSchema),
    async writeStatus(status) {
      await write(keys.registryStatus, status);
    },
    readCheckpoint: () => read(keys.registryCheckpoint, RegistryCheckpointSchema),
    async writeCheckpoint(checkpoint) {
      await write(keys.registryCheckpoint, checkpoint);
    },
    async clearCheckpoint() {
      await client.send(new DeleteCommand({ TableName: tableName, Key: keys.registryCheckpoint }));
    },
    readLookupRun: () => read(keys.registryLookupRun, LookupRunSchema),
    async writeLookupRun(run) {
      await write(keys.registryLookupRun, run);
    },
  };
}
