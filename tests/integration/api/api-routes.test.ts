import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/api/handler.ts';
import { localLambdaContext } from '../../../shared/local/lambda-context.ts';
import { type Harness, SYNTHETIC_PAYMENTS, startHarness } from '../helpers.ts';

let harness: Harness;

function call(
  routeKey: string,
  options: { body?: unknown; rawBody?: string; path?: Record<string, string>; anchor?: string | null } = {},
) {
  const claims: Record<string, string> = { sub: 'user-1', email: 'agent@ville.example' };
  if (options.anchor !== null) claims['custom:anchor'] = options.anchor ?? 'anchor-a';
  const event = {
    routeKey,
    pathParameters: options.path ?? {},
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    isBase64Encoded: false,
    requestContext: { authorizer: { jwt: { claims } } },
  };
  return handler(event, localLambdaContext('api')).then((response) => ({
    status: response.statusCode,
    body: JSON.parse(response.body ?? '{}'),
    type: response.headers?.['content-type'],
  }));
}

beforeAll(async () => {
  harness = await startHarness();
  for (const anchorId of ['anchor-a', 'anchor-b']) {
    const location = await harness.pipeline.upload({ path: SYNTHETIC_PAYMENTS, anchorId });
    await harness.pipeline.ingest(location);
  }
  await harness.pipeline.report({ kind: 'payments' });
});

afterAll(async () => {
  await harness.stop();
});

describe('POST /uploads', () => {
  it('signs a POST into the caller’s own folder, with a size limit, the anchor pinned and a short expiry', async () => {
    const response = await call('POST /uploads', {
      body: { fileName: 'mandats 2025.csv', kind: 'payments' },
    });
    expect(response.status).toBe(201);
    expect(response.body.key).toBe('uploads/anchor-a/mandats 2025.csv');
    expect(response.body.fields.key).toBe('uploads/anchor-a/mandats 2025.csv');
    const policy = JSON.parse(Buffer.from(response.body.fields.Policy, 'base64').toString('utf8'));
    const expires = new Date(policy.expiration).getTime();
    expect(expires - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(expires - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 500 * 1024 * 1024]);
    expect(policy.conditions).toContainEqual(['eq', '$key', 'uploads/anchor-a/mandats 2025.csv']);
    expect(policy.conditions).toContainEqual(['eq', '$x-amz-meta-anchor', 'anchor-a']);
    expect(policy.conditions).toContainEqual(['eq', '$x-amz-meta-kind', 'payments']);
  });

  it.each([
    ['a folder in the name', { fileName: '../anchor-b/x.csv' }],
    ['an unknown field', { fileName: 'x.csv', anchor: 'anchor-b' }],
    ['a wrong kind', { fileName: 'x.csv', kind: 'invoices' }],
    ['no file name', {}],
  ])('refuses %s with a problem JSON', async (_label, body) => {
    const response = await call('POST /uploads', { body });
    expect(response.status).toBe(400);
    expect(response.type).toBe('application/problem+json');
    expect(response.body.title).toBeTruthy();
    expect(JSON.stringify(response.body)).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('refuses a body that is not JSON', async () => {
    expect((await call('POST /uploads', { rawBody: '{not json' })).status).toBe(400);
  });

  it('refuses a user bound to no institution', async () => {
    expect((await call('POST /uploads', { body: { fileName: 'x.csv' }, anchor: null })).status).toBe(403);
  });
});

describe('datasets', () => {
  it('lists the caller’s datasets only', async () => {
    const response = await call('GET /datasets');
    expect(response.status).toBe(200);
    expect(response.body.datasets.length).toBeGreaterThan(0);
    for (const dataset of response.body.datasets) expect(dataset.anchorId).toBe('anchor-a');
  });

  it('gives a dataset’s status with a rejects link, and hides another anchor’s dataset', async () => {
    const own = (await call('GET /datasets')).body.datasets[0];
    const response = await call('GET /datasets/{id}', { path: { id: own.id } });
    expect(response.status).toBe(200);
    expect(response.body.dataset).toMatchObject({ status: 'INGESTED', rejectedLines: 2 });
    expect(response.body.rejectsUrl).toContain('X-Amz-Signature');
    const foreign = (await call('GET /datasets', { anchor: 'anchor-b' })).body.datasets[0];
    expect((await call('GET /datasets/{id}', { path: { id: foreign.id } })).status).toBe(404);
  });
});

describe('supplier corrections', () => {
  const key = encodeURIComponent('name:boulangerie du cours berriat@38000');

  it('saves a correction with who, when and why, and shows it', async () => {
    const saved = await call('PUT /suppliers/{key}/override', {
      path: { key },
      body: { supplierType: 'cooperative', reason: 'SCOP since 2024' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.history[0]).toMatchObject({ by: 'agent@ville.example', reason: 'SCOP since 2024' });
    const shown = await call('GET /suppliers/{key}', { path: { key } });
    expect(shown.body.corrections).toHaveLength(1);
    expect(shown.body.profile.supplierType).toMatchObject({ value: 'cooperative', source: 'override' });
  });

  it('refuses a correction without a reason, or of an unknown type', async () => {
    expect(
      (await call('PUT /suppliers/{key}/override', { path: { key }, body: { supplierType: 'sme' } })).status,
    ).toBe(400);
    const unknown = await call('PUT /suppliers/{key}/override', {
      path: { key },
      body: { supplierType: 'unicorn', reason: 'test' },
    });
    expect(unknown.status).toBe(409);
    expect(unknown.body.detail).toContain('unknown supplier type');
  });
});

describe('reports and routing', () => {
  it('lists the published reports', async () => {
    const response = await call('GET /reports');
    expect(response.body.reports).toContain('reports/grenoble-alpes-metropole/consortium/payments/fr/');
  });

  it('answers an unknown route with 404', async () => {
    expect((await call('DELETE /everything')).status).toBe(404);
  });
});
