import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../../shared/contracts/metrics.ts';
import { metricSum, withPowertoolsOutput } from '../../support/powertools-output.ts';
import { dataset, putMeta, readBytes } from '../helpers.ts';
import { type ApiWorld, call, datasetIds, FOREIGN, OWN, startApiWorld } from './support.ts';

/**
 * A rebuild that cannot build a report says so in the list: here the counted files are in two
 * currencies (a £ file counted before ingest refused them), which `publishReport` refuses to add.
 */

const TERRITORY = 'grenoble-alpes-metropole';
/** An institution that signs in but has never had a report built. */
const NEWCOMER = 'anchor-c';
const folder = (scope: string) => `${TERRITORY}/${scope}/payments/fr/`;

interface Entry {
  id: string;
  url: string | null;
  publishedAt: string | null;
  localShare: number | null;
  lastBuild: { ok: boolean; at: string; failure: string | null; reason: string | null } | null;
}

let world: ApiWorld;
let ownDataset: string;

const listed = async (anchor = OWN) => (await call('GET /reports', { anchor })).body.reports as Entry[];
const entry = (reports: readonly Entry[], id: string) => reports.find((report) => report.id === id);

async function setCurrency(currency: 'EUR' | 'GBP') {
  await putMeta(world.harness, { ...(await dataset(world.harness, ownDataset)), currency });
}

async function rebuild(anchor = OWN): Promise<string> {
  const answer = await call('POST /reports/rebuild', { anchor, body: { kind: 'payments' } });
  expect(answer.status).toBe(202);
  await world.bus.idle();
  return answer.body.requestedAt;
}

beforeAll(async () => {
  world = await startApiWorld();
  ownDataset = (await datasetIds()).own;
});

afterAll(async () => {
  await world.stop();
});

describe('a rebuild that fails', () => {
  it('is listed as failed, with its reason, beside the report published before it', async () => {
    const before = await listed();
    const published = entry(before, folder(`anchor-${OWN}`));
    expect(published?.lastBuild).toMatchObject({ ok: true, failure: null, reason: null });

    await setCurrency('GBP');
    const requestedAt = await rebuild();

    const after = await listed();
    for (const scope of [`anchor-${OWN}`, 'consortium']) {
      const report = entry(after, folder(scope));
      expect(report, scope).toMatchObject({
        publishedAt: entry(before, folder(scope))?.publishedAt,
        url: expect.stringContaining('report.html'),
        lastBuild: {
          ok: false,
          failure: 'several-currencies',
          reason: 'the datasets are in several currencies (EUR, GBP)',
        },
      });
      expect(report?.lastBuild && report.lastBuild.at >= requestedAt).toBe(true);
    }
  });

  it('keeps the public status to an outcome, a generic reason, a time and the method', async () => {
    const key = `reports/${folder(`anchor-${OWN}`)}status.json`;
    const status = JSON.parse(
      new TextDecoder().decode(await readBytes(world.harness, world.harness.stack.buckets.reports, key)),
    );
    expect(Object.keys(status).sort()).toEqual(['at', 'code', 'methodVersion', 'ok', 'reason']);
  });

  it('tells the operators: a count the stack’s alarm watches and an error line per report not built', async () => {
    const { logs, emf } = await withPowertoolsOutput(() => rebuild());
    const notBuilt = logs.filter((line) => line.message === 'report not built');
    expect(notBuilt.map((line) => line.report).sort()).toEqual(
      [`reports/${folder('consortium')}`, `reports/${folder(`anchor-${OWN}`)}`].sort(),
    );
    expect(notBuilt[0]).toMatchObject({ level: 'ERROR', service: 'report', code: 'several-currencies' });
    expect(metricSum(emf, METRICS.reportsNotBuilt, { service: 'report' })).toBe(2);
    expect(metricSum(emf, METRICS.reportsBuilt)).toBe(0);
  });

  it('lists a report that never published, with its failure and nothing to open', async () => {
    await rebuild(NEWCOMER);
    const own = entry(await listed(NEWCOMER), folder(`anchor-${NEWCOMER}`));
    expect(own).toMatchObject({
      scope: { type: 'anchor', anchorId: NEWCOMER },
      publishedAt: null,
      url: null,
      localShare: null,
      lastBuild: { ok: false, failure: 'several-currencies' },
    });
    for (const other of [OWN, FOREIGN]) {
      expect((await listed(other)).some((report) => report.id.includes(NEWCOMER))).toBe(false);
    }
  });

  it('is cleared by the next rebuild that succeeds', async () => {
    await setCurrency('EUR');
    const requestedAt = await rebuild();
    const report = entry(await listed(), folder(`anchor-${OWN}`));
    expect(report?.lastBuild).toMatchObject({ ok: true, failure: null, reason: null });
    expect(report?.publishedAt && report.publishedAt >= requestedAt).toBe(true);
  });
});
