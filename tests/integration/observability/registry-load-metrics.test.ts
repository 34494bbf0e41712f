import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { METRICS } from '../../../shared/contracts/metrics.ts';
import { readCsvObjects } from '../../support/independent-sums.ts';
import { metricSum, withPowertoolsOutput } from '../../support/powertools-output.ts';
import { type Harness, startHarness } from '../helpers.ts';

/**
 * The registry-load function counts what a file gave, and a file that gave nothing — the wrong file
 * dropped in the reference bucket — is counted apart, for the alarm that tells the operators.
 */

const SAMPLES = join(import.meta.dirname, '../../../data/samples');
const STOCK = join(SAMPLES, 'SYNTHETIC-sirene-StockEtablissement-regie-fictive-grenoble.csv');
let harness: Harness;
let dir: string;

beforeAll(async () => {
  harness = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'ancrage-registry-metrics-'));
});

afterAll(async () => {
  await harness?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('counts the rows read and the facts stored of a SIRENE extract', async () => {
  const { result, emf, logs } = await withPowertoolsOutput(() => harness.pipeline.loadFacts(STOCK));
  const [outcome] = result;
  expect(outcome?.loaded).toBe(true);
  expect(metricSum(emf, METRICS.registryRowsRead, { service: 'registry-load' })).toBe(
    readCsvObjects(STOCK).length,
  );
  expect(metricSum(emf, METRICS.registryFactsStored)).toBe(outcome?.loaded ? outcome.facts : -1);
  expect(metricSum(emf, METRICS.registryLoadsEmpty)).toBe(0);
  expect(logs.find((line) => line.message === 'file loaded')).toMatchObject({
    service: 'registry-load',
    objectKey: 'registry/SYNTHETIC-sirene-StockEtablissement-regie-fictive-grenoble.csv',
  });
});

it('counts a file that gave no facts, with an error line saying why', async () => {
  const payments = join(SAMPLES, 'uk-oxford-spend-over-500-2018q1.csv');
  const { result, emf, logs } = await withPowertoolsOutput(() => harness.pipeline.loadFacts(payments));
  expect(result[0]?.loaded).toBe(false);
  expect(metricSum(emf, METRICS.registryLoadsEmpty, { service: 'registry-load' })).toBe(1);
  const line = logs.find((one) => one.message === 'file gave no facts');
  expect(line).toMatchObject({ level: 'ERROR' });
  expect(String(line?.reason)).toContain('not a SIRENE stock file');
});
