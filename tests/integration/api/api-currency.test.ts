import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, publishedReport, startHarness, UK_PAYMENTS } from '../helpers.ts';
import { call, uploadThroughApi } from './support.ts';

/**
 * A report adds one currency only: a £ file uploaded into Grenoble's € territory is refused at
 * ingest, with both currencies named, and the city's report is still published afterwards.
 */

const CITY = '21380185500015';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.stop();
});

const upload = (fileName: string, text: string) =>
  uploadThroughApi(harness, { anchor: CITY }, { fileName, text });

describe('a dataset in another currency than the territory’s', () => {
  it('is refused at ingest, saying the file’s currency, the territory’s and what to do', async () => {
    const dataset = await upload('oxford-spend.csv', readFileSync(UK_PAYMENTS, 'utf-8'));
    expect(dataset.status).toBe('REJECTED');
    expect(dataset.currency).toBe('GBP');
    expect(dataset.message).toBe(
      "the file's amounts are in GBP but Grenoble-Alpes Métropole counts in EUR: a report adds one currency only; upload files in EUR, or analyse this file with a GBP territory",
    );
    const listed = await call('GET /datasets', { anchor: CITY });
    expect(listed.body.datasets.map((entry: { status: string }) => entry.status)).toEqual(['REJECTED']);
  });

  it('leaves the anchor’s payments report publishable', async () => {
    const outcome = await publishedReport({ kind: 'payments', anchorId: CITY });
    expect(outcome.report.currency).toBe('EUR');
    expect(outcome.report.datasets).toEqual([]);
  });
});
