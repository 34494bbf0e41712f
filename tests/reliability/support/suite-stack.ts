import { afterAll, beforeAll } from 'vitest';
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
export function suiteStack() {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness();
  });
  afterAll(async () => {
    await started?.stop();
  });
  const harness = (): Harness => {
    if (!started) throw new Error('the stack is not started yet');
    return started;
  };
  return {
    harness,
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
