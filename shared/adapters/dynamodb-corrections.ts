import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import {
  CORRECTIONS_READ,
  type Correction,
  CorrectionSchema,
  inForce,
} from '../domain/registry/correction.ts';
import {
  OverrideChangeSchema,
  type OverrideFacts,
  OverrideFactsSchema,
} from '../domain/registry/supplier-facts.ts';
import type { ProfileStore } from '../ports/profile-store.ts';
import { putAll } from './batch-write.ts';
import { putIf } from './conditional-put.ts';
import { ENTITY, keys } from './dynamodb-keys.ts';

/**
 * An override item written before each correction had an item of its own, the whole history inside
 * it. Read as it is; the first correction made since copies that history out, one item per entry,
 * before the override item is rewritten without it.
 */
const LegacyOverrideSchema = z.object({
  kind: z.literal('override'),
  supplierKey: z.string().min(1),
  current: OverrideChangeSchema,
  history: z.array(CorrectionSchema.omit({ sequence: true })).min(1),
});

const isLegacy = (item: Record<string, unknown>) => 'history' in item;

const legacyHistory = (item: Record<string, unknown>): Correction[] =>
  LegacyOverrideSchema.parse(item).history.map((entry, index) => ({ ...entry, sequence: index + 1 }));

/** An override item as reports read it, whichever shape it was written in. */
export function readOverrideItem(item: Record<string, unknown>): OverrideFacts {
  if (!isLegacy(item)) return OverrideFactsSchema.parse(item);
  const legacy = LegacyOverrideSchema.parse(item);
  return {
    kind: 'override',
    supplierKey: legacy.supplierKey,
    current: legacy.current,
    changes: legacy.history.length,
    changedAt: legacy.history.at(-1)?.at ?? '',
  };
}

type Corrections = Pick<ProfileStore, 'getOverride' | 'putCorrection'>;

/**
 * Corrections, one item each under the supplier's partition, and the override item reports read: a
 * read is the override item plus the latest `CORRECTIONS_READ` corrections by sort key, however many
 * there were. Two conditional PutItems, no transaction (dynalite has none, and the functions may
 * only PutItem): the correction's number is the lock, and the latest correction is the truth, so a
 * crash between the two puts leaves the override item behind until the next correction, never wrong
 * in what `getOverride` reads.
 */
export function createDynamoDbCorrections(client: DynamoDBDocumentClient, tableName: string): Corrections {
  const getItem = async (supplierKey: string) =>
    (
      await client.send(
        new GetCommand({ TableName: tableName, Key: keys.facts.override(supplierKey), ConsistentRead: true }),
      )
    ).Item;

  const latestCorrections = async (supplierKey: string) => {
    const response = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :corrections)',
        ExpressionAttributeValues: {
          ':pk': keys.facts.override(supplierKey).pk,
          ':corrections': keys.facts.correctionPrefix,
        },
        ScanIndexForward: false,
        Limit: CORRECTIONS_READ,
        ConsistentRead: true,
      }),
    );
    return (response.Items ?? []).map((item) => CorrectionSchema.parse(item));
  };

  /** A conditional put; false when the condition does not hold. */
  const putOn = (item: Record<string, unknown>, condition: string, values?: Record<string, unknown>) =>
    putIf(client, {
      TableName: tableName,
      Item: item,
      ConditionExpression: condition,
      ...(values ? { ExpressionAttributeValues: values } : {}),
    });

  const overrideItem = (facts: OverrideFacts) => ({
    ...keys.facts.override(facts.supplierKey),
    entityType: ENTITY.facts,
    ...facts,
  });

  /** Copies a legacy history out, one item per entry, then rewrites the override item without it. */
  const copyLegacyOut = async (supplierKey: string, item: Record<string, unknown>): Promise<void> => {
    await putAll(
      client,
      tableName,
      legacyHistory(item).map((entry) => ({
        ...keys.facts.correction(supplierKey, entry.sequence),
        entityType: ENTITY.correction,
        supplierKey,
        ...entry,
      })),
    );
    await putOn(overrideItem(readOverrideItem(item)), 'attribute_exists(history)');
  };

  /**
   * Puts the correction in force, unless a later one already is (it then stays in the history, as it
   * should). A legacy override item is rewritten once its history is copied out, then this is tried
   * again.
   */
  const putInForce = async (supplierKey: string, correction: Correction): Promise<void> => {
    const facts: OverrideFacts = {
      kind: 'override',
      supplierKey,
      current: inForce(correction),
      changes: correction.sequence,
      changedAt: correction.at,
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      const put = await putOn(
        overrideItem(facts),
        'attribute_not_exists(history) AND (attribute_not_exists(changes) OR changes < :sequence)',
        { ':sequence': correction.sequence },
      );
      if (put) return;
      const item = await getItem(supplierKey);
      if (!item || !isLegacy(item)) return;
      await copyLegacyOut(supplierKey, item);
    }
    throw new Error(`the correction ${correction.sequence} of ${supplierKey} could not be put in force`);
  };

  return {
    async getOverride(supplierKey) {
      const [item, latest] = await Promise.all([getItem(supplierKey), latestCorrections(supplierKey)]);
      // A legacy history and its copies, once made, are the same entries by number: read together.
      const legacy = item && isLegacy(item) ? legacyHistory(item) : [];
      const bySequence = new Map([...legacy, ...latest].map((entry) => [entry.sequence, entry]));
      const corrections = [...bySequence.values()]
        .sort((left, right) => left.sequence - right.sequence)
        .slice(-CORRECTIONS_READ);
      const facts = item ? readOverrideItem(item) : undefined;
      const last = corrections.at(-1);
      if (!facts && !last) return undefined;
      const changes = Math.max(last?.sequence ?? 0, facts?.changes ?? 0);
      const current = last && last.sequence === changes ? inForce(last) : (facts?.current ?? {});
      return { current, changes, corrections };
    },

    async putCorrection(supplierKey, correction) {
      const saved = await putOn(
        {
          ...keys.facts.correction(supplierKey, correction.sequence),
          entityType: ENTITY.correction,
          supplierKey,
          ...CorrectionSchema.parse(correction),
        },
        'attribute_not_exists(pk)',
      );
      if (saved) await putInForce(supplierKey, correction);
      return saved;
    },
  };
}
