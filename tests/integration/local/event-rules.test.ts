/**
 * `ancrage serve` plays the app stack's rules: after an ingest, the report is rebuilt and the
 * suppliers the register does not know are looked up, as the two rules' targets do in AWS.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../../shared/contracts/environment.ts';
import { deliverToRules } from '../../../shared/local/event-rules.ts';
import { DATASET_INGESTED } from '../../../shared/ports/dataset-events.ts';
import { type LookupServer, recorded, startLookupServer } from '../../support/lookup-server.ts';
import { type Harness, ingestOne, SYNTHETIC_PAYMENTS, startHarness } from '../helpers.ts';

let harness: Harness;
let lookups: LookupServer;
const saved = { provider: process.env[ENV.companyLookup], url: process.env[ENV.companyLookupUrl] };

beforeAll(async () => {
  harness = await startHarness();
  lookups = await startLookupServer(() => ({
    status: 200,
    body: recorded('recherche-entreprises', 'empty.json'),
  }));
  process.env[ENV.companyLookup] = 'recherche-entreprises';
  process.env[ENV.companyLookupUrl] = lookups.url;
});

afterAll(async () => {
  for (const [name, value] of [
    [ENV.companyLookup, saved.provider],
    [ENV.companyLookupUrl, saved.url],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await lookups.close();
  await harness.stop();
});

describe('the local rules after "dataset ingested"', () => {
  it('rebuild the report and look the unknown suppliers up', async () => {
    const location = await harness.pipeline.upload({
      path: SYNTHETIC_PAYMENTS,
      anchorId: 'anchor-1',
      order: 0,
    });
    const { dataset } = await ingestOne(location);
    expect(dataset.status).toBe('INGESTED');
    const reportKeys = async () =>
      (
        await harness.s3.send(new ListObjectsV2Command({ Bucket: harness.stack.buckets.reports }))
      ).Contents?.map((object) => object.Key) ?? [];
    const report = 'reports/grenoble-alpes-metropole/anchor-anchor-1/payments/fr/report.json';
    expect(await reportKeys()).not.toContain(report);
    await deliverToRules({
      source: DATASET_INGESTED.source,
      detailType: DATASET_INGESTED.detailType,
      detail: { anchorId: 'anchor-1', kind: 'payments' },
    });
    expect(await reportKeys()).toContain(report);
    expect(lookups.received.length).toBeGreaterThan(0);
  });
});
