import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { ENV } from '../../../shared/contracts/environment.ts';
import { METRICS } from '../../../shared/contracts/metrics.ts';
import type { LookupRun } from '../../../shared/domain/registry/registry-status.ts';
import { localLambdaContext } from '../../../shared/local/lambda-context.ts';
import { type LookupServer, recorded, startLookupServer } from '../../support/lookup-server.ts';
import { metricSum, withPowertoolsOutput } from '../../support/powertools-output.ts';
import { type Harness, SYNTHETIC_PAYMENTS, startHarness } from '../helpers.ts';

/**
 * The company-lookup function, after the bundled sample's ingest, asking a local server that knows
 * none of its suppliers: what it asked, found and left unanswered are its metrics, the very figures
 * of the run it stores.
 */

let harness: Harness;
let server: LookupServer;

beforeAll(async () => {
  harness = await startHarness();
  server = await startLookupServer(() => ({
    status: 200,
    body: recorded('recherche-entreprises', 'empty.json'),
  }));
  await harness.pipeline.ingest(
    await harness.pipeline.upload({ path: SYNTHETIC_PAYMENTS, anchorId: 'SYNTHETIC-regie-eaux-grenoble' }),
  );
});

afterAll(async () => {
  await server?.close();
  await harness?.stop();
});

it('counts the identifiers asked, found and unanswered, as the run it stores', async () => {
  const { result, emf, logs } = await withPowertoolsOutput(async () => {
    vi.stubEnv(ENV.companyLookup, 'recherche-entreprises');
    vi.stubEnv(ENV.companyLookupUrl, server.url);
    const { handler } = await import('../../../functions/company-lookup/handler.ts');
    return handler({}, localLambdaContext('company-lookup'));
  });
  const run = result as LookupRun;
  expect(run.asked).toBeGreaterThan(0);
  expect(run.asked).toBe(server.received.length);
  const service = { service: 'company-lookup' };
  expect(metricSum(emf, METRICS.companyLookupsAsked, service)).toBe(run.asked);
  expect(metricSum(emf, METRICS.companyLookupsFound, service)).toBe(0);
  expect(metricSum(emf, METRICS.companyLookupsUnanswered, service)).toBe(0);
  expect(logs.find((line) => line.message === 'company lookups')).toMatchObject({
    level: 'INFO',
    asked: run.asked,
    notFound: run.asked,
  });
});
