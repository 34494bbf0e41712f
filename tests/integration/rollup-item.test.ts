import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbDatasetStore } from '../../shared/adapters/dynamodb-dataset-store.ts';
import { ENTITY, keys } from '../../shared/adapters/dynamodb-keys.ts';
import type { SupplierRollup } from '../../shared/domain/ingest/supplier-rollup-record.ts';
import { type Harness, startHarness } from './helpers.ts';

/**
 * A rollup's months × categories and labels are stored as JSON texts (cheaper to marshal and check
 * than nested lists), read back as they were written, over the emulated table; rollups stored as
 * lists by earlier versions read as before.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

const store = () => createDynamoDbDatasetStore(harness.documents, harness.stack.tableName);
const rawItem = async (datasetId: string, rollup: SupplierRollup) =>
  (
    await harness.documents.send(
      new GetCommand({
        TableName: harness.stack.tableName,
        Key: keys.rollup(datasetId, rollup.anchorId, rollup.supplier.key, rollup.segment),
      }),
    )
  ).Item ?? {};

const rollupOf = (
  byMonthCategory: SupplierRollup['byMonthCategory'],
  categoryLabels: SupplierRollup['categoryLabels'],
): SupplierRollup => ({
  anchorId: 'anchor-rollup-item',
  supplier: { key: 'siret:SYNTHETIC', name: 'SYNTHETIC Régie' },
  amountCents: byMonthCategory.reduce((total, [, , cents]) => total + cents, 0),
  lines: byMonthCategory.length,
  byMonthCategory,
  largestLineCents: 0,
  categoryLabels,
});

let datasets = 0;
const nextDatasetId = () => `rollup-item-${++datasets}`;

describe('rollup items', () => {
  it('keep months × categories and labels as JSON texts', async () => {
    const rollup = rollupOf(
      [
        ['2025-01', '6042', 12_345],
        ['undated', '', -50],
      ],
      [['6042', 'Achats de prestations de services']],
    );
    const datasetId = nextDatasetId();
    await store().putRollups(datasetId, [rollup]);
    const item = await rawItem(datasetId, rollup);
    expect(item.byMonthCategory).toBe('[["2025-01","6042",12345],["undated","",-50]]');
    expect(item.categoryLabels).toBe('[["6042","Achats de prestations de services"]]');
    expect(await store().readRollups(datasetId)).toEqual([rollup]);
  });

  it('keep them as lists where the text would be larger than the list the size bound counted', async () => {
    // Quotes and control characters take two to six bytes each in JSON, one in a DynamoDB string.
    const category = `"\u0001\\`.repeat(50);
    const rollup = rollupOf([['2025-01', category, 100]], [[category, '\u0002'.repeat(100)]]);
    const datasetId = nextDatasetId();
    await store().putRollups(datasetId, [rollup]);
    const item = await rawItem(datasetId, rollup);
    expect(item.byMonthCategory).toEqual(rollup.byMonthCategory);
    expect(item.categoryLabels).toEqual(rollup.categoryLabels);
    expect(await store().readRollups(datasetId)).toEqual([rollup]);
  });

  it('read back as written, whatever their texts and amounts', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const bucket = fc.tuple(
      fc.oneof(fc.constant('undated'), fc.constantFrom('2025-01', '2025-12')),
      text,
      // 30 buckets of at most 2^40 cents each: the rollup's total stays a safe integer.
      fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(bucket, { maxLength: 30 }),
        fc.array(fc.tuple(text, text), { maxLength: 10 }),
        async (buckets, labels) => {
          const rollup = rollupOf(buckets, labels);
          const datasetId = nextDatasetId();
          await store().putRollups(datasetId, [rollup]);
          expect(await store().readRollups(datasetId)).toEqual([rollup]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stored as lists by an earlier version read as they did', async () => {
    const rollup = rollupOf([['2025-03', '611', 99_999]], [['611', 'Contrats de prestations']]);
    const datasetId = nextDatasetId();
    await harness.documents.send(
      new PutCommand({
        TableName: harness.stack.tableName,
        Item: {
          ...keys.rollup(datasetId, rollup.anchorId, rollup.supplier.key, rollup.segment),
          entityType: ENTITY.rollup,
          datasetId,
          ...rollup,
        },
      }),
    );
    expect(await store().readRollups(datasetId)).toEqual([rollup]);
  });
});
