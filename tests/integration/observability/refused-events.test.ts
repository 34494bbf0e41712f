import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../../shared/contracts/metrics.ts';
import { localLambdaContext } from '../../../shared/local/lambda-context.ts';
import { metricSum, withPowertoolsOutput } from '../../support/powertools-output.ts';
import { type Harness, startHarness } from '../helpers.ts';

/**
 * An event a function cannot act on — not the shape it takes — is refused: one error line saying
 * why (its shape, never its content), one `EventsRefused`, and an answer rather than an error, so
 * that neither Lambda nor EventBridge retries it: it would fail the same way every time.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => harness?.stop());

const HOSTILE = { hello: 'world', body: 'x'.repeat(100_000), nested: { a: [1, 2, 3] } };

async function invoke(name: 'ingest' | 'report' | 'registry-refresh', event: unknown) {
  return withPowertoolsOutput(async () => {
    const { handler } = await import(`../../../functions/${name}/handler.ts`);
    return handler(event, localLambdaContext(name));
  });
}

describe.each([
  { name: 'ingest', answer: { outcomes: [] } },
  { name: 'report', answer: { published: false } },
  { name: 'registry-refresh', answer: { status: 'failed', again: false } },
] as const)('the $name function, sent what it does not take', ({ name, answer }) => {
  it('answers without throwing, logs one bounded error line and counts it', async () => {
    const { result, logs, emf } = await invoke(name, HOSTILE);
    expect(result).toMatchObject(answer);
    const refused = logs.filter((line) => line.message === 'event refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ level: 'ERROR', service: name });
    const reason = String(refused[0]?.reason);
    expect(reason).toContain('its fields are "hello", "body", "nested"');
    expect(reason).not.toContain('xxxx');
    expect(JSON.stringify(refused[0]).length).toBeLessThan(2_000);
    expect(metricSum(emf, METRICS.eventsRefused, { service: name })).toBe(1);
  });
});

it('refuses a report request naming a kind that does not exist', async () => {
  const { result, logs } = await invoke('report', { kind: 'invoices' });
  expect(result).toMatchObject({ published: false });
  expect(logs.some((line) => line.message === 'event refused')).toBe(true);
});

it('counts an API error answer under its route, and nothing for the others', async () => {
  const { result, emf } = await withPowertoolsOutput(async () => {
    const { handler } = await import('../../../functions/api/handler.ts');
    // No JWT claims: the caller is attached to no institution.
    return handler({ routeKey: 'GET /datasets' }, localLambdaContext('api'));
  });
  expect(result).toMatchObject({ statusCode: 403 });
  expect(metricSum(emf, METRICS.apiResponses4xx, { service: 'api', route: 'GET /datasets' })).toBe(1);
  expect(metricSum(emf, METRICS.apiResponses5xx)).toBe(0);
});
