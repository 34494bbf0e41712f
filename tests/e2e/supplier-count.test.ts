import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { createDynamoDbDatasetStore } from '../../shared/adapters/dynamodb-dataset-store.ts';
import { supplierCount } from '../../shared/domain/supplier-count.ts';
import { CONSORTIUM_UPLOADER } from '../../shared/domain/territory/consortium.ts';
import { startEmbeddedStack } from '../../shared/local/embedded-stack.ts';
import { datasetSummary } from '../../shared/use-cases/portal-datasets.ts';
import { listedSuppliers, suppliersOf } from '../../shared/use-cases/portal-suppliers.ts';
import { repoRoot, runCli } from '../support/run-cli.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'ancrage-suppliers-'));

/** What the portal reads of the datasets a state folder holds: `ancrage serve --state` reads the same. */
async function portalView(state: string) {
  const stack = await startEmbeddedStack({ stateDirectory: state });
  try {
    const datasets = createDynamoDbDatasetStore(
      createDocumentClient(stack.dynamoDbEndpoint),
      stack.tableName,
    );
    const records = await datasets.listDatasets({ anchorId: CONSORTIUM_UPLOADER });
    return {
      // The "Suppliers" figure of the portal's dataset page (GET /datasets).
      datasetPage: records.map((record) => datasetSummary(record).suppliers),
      // The supplier list (GET /suppliers) and its total.
      listed: listedSuppliers((await suppliersOf({ datasets }, records)).values()).map(({ key }) => key),
    };
  } finally {
    await stack.stop();
  }
}

describe('the CLI and the portal count the suppliers of a file alike', () => {
  it.each([
    // 9 lines whose payee is withheld: their spend is not one more supplier.
    [
      'the Oxford spend file',
      'data/samples/uk-oxford-spend-over-500-2018q1.csv',
      ['--territory', 'oxford'],
      369,
    ],
    // Several buyers paying one supplier: one supplier.
    ['the Isère DECP extract', 'data/samples/decp-isere-2019-flattened.csv', [], 151],
  ])('%s', async (_label, file, options, expected) => {
    const state = folder();
    const run = await runCli([
      'analyze',
      join(repoRoot, file),
      ...options,
      '--state',
      state,
      '--out',
      folder(),
    ]);
    expect(run.code).toBe(0);
    const printed = Number(run.stdout.match(/, (\d+) suppliers\n/)?.[1]);
    const portal = await portalView(state);
    expect(printed).toBe(expected);
    expect(portal.datasetPage).toEqual([printed]);
    expect(portal.listed).toHaveLength(printed);
    expect(supplierCount(portal.listed.map((key) => ({ supplier: { key } })))).toBe(printed);
  });
});
