import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, call, expectProblem, FOREIGN, OWN, startApiWorld } from './support.ts';

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world.stop();
});

interface Entry {
  id: string;
  scope: { type: string; anchorId?: string };
  url: string;
  kind: string;
  publishedAt: string;
}

describe('GET /reports', () => {
  it('lists the consortium’s reports and the caller’s own, never another anchor’s, with a link to each', async () => {
    const answer = await call('GET /reports');
    expect(answer.status).toBe(200);
    const reports: Entry[] = answer.body.reports;
    const ids = reports.map((report) => report.id);
    expect(ids).toContain('grenoble-alpes-metropole/consortium/payments/fr/');
    expect(ids).toContain(`grenoble-alpes-metropole/anchor-${OWN}/payments/fr/`);
    expect(ids.some((id) => id.includes(FOREIGN))).toBe(false);
    const own = reports.find((report) => report.scope.type === 'anchor');
    expect(own).toMatchObject({ kind: 'payments', scope: { type: 'anchor', anchorId: OWN } });
    expect(own?.url).toBe(`/reports/grenoble-alpes-metropole/anchor-${OWN}/payments/fr/report.html`);
    expect(reports[0]?.scope.type).toBe('consortium');
  });
});

describe('POST /reports/rebuild', () => {
  it('accepts a rebuild of one kind, and the reports are rebuilt', async () => {
    const before = (await call('GET /reports')).body.reports as Entry[];
    const answer = await call('POST /reports/rebuild', { body: { kind: 'payments' } });
    expect(answer.status).toBe(202);
    expect(answer.body.requested).toEqual([
      { kind: 'payments', scope: 'anchor' },
      { kind: 'payments', scope: 'consortium' },
    ]);
    await world.bus.idle();
    const after = (await call('GET /reports')).body.reports as Entry[];
    for (const report of before) {
      const rebuilt = after.find((candidate) => candidate.id === report.id);
      expect(rebuilt && rebuilt.publishedAt > report.publishedAt).toBe(true);
    }
  });

  it('rebuilds both kinds without a body', async () => {
    const answer = await call('POST /reports/rebuild');
    expect(answer.status).toBe(202);
    expect(answer.body.requested).toHaveLength(4);
  });

  it.each([
    ['an unknown kind', { kind: 'invoices' }],
    ['an anchor of its own choosing', { anchorId: FOREIGN }],
  ])('refuses %s', async (_label, body) => {
    expectProblem(await call('POST /reports/rebuild', { body }), 400);
  });
});
