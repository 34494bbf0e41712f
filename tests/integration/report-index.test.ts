import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SYNTHETIC_PAYMENTS, startHarness } from './helpers.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.stop();
});

describe('the reports bucket as a static site', () => {
  it('keeps an index.html listing every published report, linked relatively', async () => {
    const location = await harness.pipeline.upload({ path: SYNTHETIC_PAYMENTS, anchorId: 'index-anchor' });
    await harness.pipeline.ingest(location);
    await harness.pipeline.report({ kind: 'payments' });
    await harness.pipeline.report({ kind: 'payments', language: 'en' });
    await harness.pipeline.report({ kind: 'payments', anchorId: 'index-anchor' });
    const index = await harness.pipeline.readObject(harness.stack.buckets.reports, 'reports/index.html');
    expect(index).toContain('<html lang="fr"');
    for (const prefix of [
      'grenoble-alpes-metropole/consortium/payments/fr/',
      'grenoble-alpes-metropole/consortium/payments/en/',
      'grenoble-alpes-metropole/anchor-index-anchor/payments/fr/',
    ]) {
      expect(index).toContain(`href="${prefix}report.html"`);
    }
    expect(index).not.toMatch(/href="(https?:|\/)/);
  });
});
