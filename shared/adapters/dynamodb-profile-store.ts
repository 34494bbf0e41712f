import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type SupplierProfile, SupplierProfileSchema } from '../domain/supplier-profile.ts';
import type { ProfileStore } from '../ports/profile-store.ts';
import { backoffDelay, putAll } from './batch-write.ts';
import { ENTITY, keys } from './dynamodb-keys.ts';

/** DynamoDB's limit for one BatchGetItem call. */
const GET_BATCH = 100;
const MAX_ATTEMPTS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Profiles are `SUPPLIER#<key>` / `PROFILE` items: one read per 100 suppliers a report covers. */
export function createDynamoDbProfileStore(client: DynamoDBDocumentClient, tableName: string): ProfileStore {
  async function getBatch(batch: readonly string[], into: Map<string, SupplierProfile>): Promise<void> {
    let pending: Record<string, unknown>[] = batch.map((key) => keys.profile(key));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`DynamoDB left ${pending.length} profile reads unprocessed`);
      if (attempt > 0) await sleep(backoffDelay(attempt));
      const response = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of response.Responses?.[tableName] ?? []) {
        const profile = SupplierProfileSchema.parse(item);
        into.set(profile.key, profile);
      }
      pending = response.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }

  return {
    async getProfiles(supplierKeys) {
      const profiles = new Map<string, SupplierProfile>();
      const unique = [...new Set(supplierKeys)];
      for (let start = 0; start < unique.length; start += GET_BATCH) {
        await getBatch(unique.slice(start, start + GET_BATCH), profiles);
      }
      return profiles;
    },
    async putProfiles(profiles) {
      await putAll(
        client,
        tableName,
        profiles.map((profile) => ({ ...keys.profile(profile.key), entityType: ENTITY.profile, ...profile })),
      );
    },
  };
}
