import { afterAll, beforeAll } from 'vitest';
import { ENV } from '../../../shared/contracts/environment.ts';
import type { DatasetRecord, ObjectLocation } from '../../../shared/domain/dataset.ts';
import {
  dataset,
  type Harness,
  ingestOne,
  publishedReport,
  putUpload,
  startHarness,
} from '../../integration/helpers.ts';

/**
 * One embedded stack for a test file (started before its tests, stopped after), with the steps the
 * superseding and overlap suites repeat: upload as an anchor, ingest, read a dataset back.
 */
export function suiteStack(options: { readonly territoryId?: string } = {}) {
  let started: Harness | undefined;
  let deployed: string | undefined;
  beforeAll(async () => {
    started = await startHarness();
    deployed = process.env[ENV.territoryId];
    if (options.territoryId) process.env[ENV.territoryId] = options.territoryId;
  });
  afterAll(async () => {
    process.env[ENV.territoryId] = deployed;
    await started?.stop();
  });
  const harness = (): Harness => {
    if (!started) throw new Error('the stack is not started yet');
    return started;
  };
  return {
    harness,
    /** Runs `steps` as a deployment of another territory would (its currency, its anchors). */
    async inTerritory<T>(territoryId: string, steps: () => Promise<T>): Promise<T> {
      const suite = process.env[ENV.territoryId];
      process.env[ENV.territoryId] = territoryId;
      try {
        return await steps();
      } finally {
        process.env[ENV.territoryId] = suite;
      }
    },
    upload: (key: string, body: string | Uint8Array, anchor: string) =>
      putUpload(harness(), key, body, { anchor }),
    ingested: async (location: ObjectLocation): Promise<DatasetRecord> => (await ingestOne(location)).dataset,
    dataset: (datasetId: string) => dataset(harness(), datasetId),
  };
}

/** The published report's gross total in cents, its lines, and the datasets it counts. */
export async function reportTotals(kind: 'payments' | 'contracts') {
  const { report } = await publishedReport({ kind });
  return {
    grossCents: Math.round(report.totals.gross * 100),
    lines: report.totals.lines,
    datasets: report.datasets.map((entry) => entry.id),
  };
}
