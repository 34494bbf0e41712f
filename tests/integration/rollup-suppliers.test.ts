import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDynamoDbDatasetStore } from '../../shared/adapters/dynamodb-dataset-store.ts';
import { DECP_CONTRACTS, type Harness, SYNTHETIC_PAYMENTS, startHarness } from './helpers.ts';

/**
 * The register's question — which suppliers do the counted datasets name? — reads only the supplier
 * of each rollup: the same suppliers, in the same order, as the whole rollups give.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

it.each([
  ['a French payments file', SYNTHETIC_PAYMENTS],
  ['a DECP contracts file', DECP_CONTRACTS],
])('gives the suppliers of %s as its rollups name them', async (_, path) => {
  const [outcome] = await harness.pipeline.ingest(
    await harness.pipeline.upload({ path, anchorId: 'consortium' }),
  );
  if (outcome?.outcome !== 'ingested') throw new Error(`not ingested: ${outcome?.outcome}`);
  const datasetId = outcome.dataset.id;
  const store = createDynamoDbDatasetStore(harness.documents, harness.stack.tableName);
  const rollups = await store.readRollups(datasetId);
  expect(rollups.length).toBeGreaterThan(10);
  expect(await store.readRollupSuppliers(datasetId)).toEqual(rollups.map((rollup) => rollup.supplier));
});
