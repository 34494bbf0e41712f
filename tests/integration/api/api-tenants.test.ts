import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../../shared/contracts/environment.ts';
import { CONSORTIUM_ADMINISTRATORS_GROUP } from '../../../shared/contracts/roles.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import type { Territory } from '../../../shared/domain/territory/territory.ts';
import { deliverToRules } from '../../../shared/local/event-rules.ts';
import { type LocalEventBus, startLocalEventBus } from '../../../shared/local/local-event-bus.ts';
import { type Harness, publishedReport, readBytes, startHarness } from '../helpers.ts';
import { call, expectProblem, uploadThroughApi } from './support.ts';

/**
 * The tenant rule through the API, on the embedded stack: which institution's figures a file may
 * write into. The territory is Grenoble's with one satellite declared for the city; the files are
 * synthetic, built here so that every amount is known.
 */

const CITY = '21380185500015';
/** Another establishment of the city's legal unit (same SIREN), as a town hall's annexe would be. */
const CITY_ANNEXE = '21380185500999';
const METROPOLE = '20004071500019';
/** Synthetic id of a satellite the territory declares for the city (its CCAS). */
const CITY_CCAS = '26380000000011';
const ADMINISTRATOR = `[${CONSORTIUM_ADMINISTRATORS_GROUP}]`;

const bundled = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!bundled) throw new Error('the Grenoble territory is bundled');
const territory: Territory = {
  ...bundled,
  anchors: bundled.anchors.map((anchor) =>
    anchor.id === CITY
      ? { ...anchor, satellites: [{ id: CITY_CCAS, name: 'CCAS de Grenoble (synthétique)' }] }
      : anchor,
  ),
};

/** A French payments file: one line per `[buyer, euros]`, each paying its own supplier. */
function paymentsFile(tag: string, lines: readonly (readonly [string, number])[]): string {
  const rows = lines.map(
    ([buyer, euros], index) =>
      `${buyer};${tag}-${index};Fournisseur ${tag} ${index};38000;01/03/2025;${euros.toFixed(2).replace('.', ',')}`,
  );
  return ['SIRET collectivité;N° mandat;Tiers;Code postal;Date mandat;Montant', ...rows, ''].join('\r\n');
}

let harness: Harness;
let bus: LocalEventBus;

beforeAll(async () => {
  harness = await startHarness();
  await harness.pipeline.putTerritory(territory);
  bus = await startLocalEventBus(deliverToRules);
  process.env[ENV.eventBusName] = bus.busName;
  process.env[ENV.eventsEndpoint] = bus.endpoint;
});

afterAll(async () => {
  await bus.idle();
  delete process.env[ENV.eventBusName];
  delete process.env[ENV.eventsEndpoint];
  await bus.stop();
  await harness.stop();
});

const upload = (
  anchor: string,
  fileName: string,
  text: string,
  options: { groups?: string; scope?: 'consortium' } = {},
) =>
  uploadThroughApi(
    harness,
    { anchor, ...(options.groups ? { groups: options.groups } : {}) },
    { fileName, text, ...(options.scope ? { scope: options.scope } : {}) },
  );

const anchorReport = async (anchorId: string) =>
  (await publishedReport({ kind: 'payments', anchorId })).report;

describe('a file counts for the institutions its uploader may upload for', () => {
  it('rejects a file whose lines all name another institution, and writes nothing into its report', async () => {
    const text = paymentsFile('hostile', [
      [METROPOLE, 10_000_000],
      [METROPOLE, 5_000_000],
      [METROPOLE, 5_000_000],
    ]);
    const dataset = await upload(CITY, 'metropole-au-nom-de-la-ville.csv', text);
    expect(dataset.status).toBe('REJECTED');
    expect(dataset.message).toContain('Grenoble-Alpes Métropole');
    expect(dataset.reconciliation).toBeUndefined();

    const report = await anchorReport(METROPOLE);
    expect(report.totals.gross).toBe(0);
    expect(report.datasets).toEqual([]);
  });

  it('counts the city’s own lines, its satellite’s and its other establishments’, and rejects the others with their amounts', async () => {
    // Hand-computed: counted 1 000 + 200 + 30 + 4 + 0,50 = 1 234,50 €; rejected 7 000 €, one line.
    const text = paymentsFile('mixte', [
      [CITY, 1_000],
      [CITY_CCAS, 200],
      [CITY_ANNEXE, 30],
      ['213 801 855 00015', 4],
      [CITY, 0.5],
      [METROPOLE, 7_000],
    ]);
    const dataset = await upload(CITY, 'mandats-ville.csv', text);
    expect(dataset.status).toBe('INGESTED');
    expect(dataset.amountCents).toBe(123_450);
    expect(dataset.reconciliation?.rejected).toEqual({ lines: 1, withAmount: 1, cents: 700_000 });

    const rejects = new TextDecoder().decode(
      await readBytes(harness, harness.stack.buckets.uploads, dataset.rejectsKey ?? ''),
    );
    const [, line] = rejects.trim().split(/\r?\n/);
    expect(line).toMatch(/^7;rejected;.*Grenoble-Alpes Métropole.*;7000[.,]00;/);

    const city = await anchorReport(CITY);
    expect(city.totals.gross).toBe(1_234.5);
    expect(city.datasets.map((entry) => entry.uploadedBy)).toEqual([{ id: CITY, name: 'Ville de Grenoble' }]);
    const metropole = await anchorReport(METROPOLE);
    expect(metropole.totals.gross).toBe(0);
    expect(metropole.datasets.map((entry) => entry.file)).not.toContain('mandats-ville.csv');
  });

  it('reads the same bytes from two institutions as two uploads, each counting its own lines', async () => {
    const text = paymentsFile('partage', [
      [CITY, 100],
      [CITY, 100],
      [METROPOLE, 300],
      [METROPOLE, 300],
    ]);
    const byCity = await upload(CITY, 'partage.csv', text);
    const byMetropole = await upload(METROPOLE, 'partage.csv', text);
    expect([byCity.status, byMetropole.status]).toEqual(['INGESTED', 'INGESTED']);
    expect(byCity.amountCents).toBe(20_000);
    expect(byMetropole.amountCents).toBe(60_000);
    expect(byMetropole.duplicateOf).toBeUndefined();
    expect(JSON.stringify(byMetropole)).not.toContain(byCity.id);
  });
});

describe('the consortium administrator', () => {
  it('is refused a consortium upload without the role, and a token bound to the consortium without it', async () => {
    expectProblem(
      await call('POST /uploads', { anchor: CITY, body: { fileName: 'x.csv', scope: 'consortium' } }),
      403,
    );
    expectProblem(await call('GET /me', { anchor: 'consortium' }), 403);
  });

  it('uploads a consortium-wide file whose lines count for each anchor they name', async () => {
    const text = paymentsFile('consortium', [
      [CITY, 50],
      [METROPOLE, 80],
      ['21380057000014', 9],
    ]);
    const dataset = await upload(CITY, 'departement.csv', text, {
      groups: ADMINISTRATOR,
      scope: 'consortium',
    });
    expect(dataset.source.key).toBe('uploads/consortium/departement.csv');
    expect(dataset.status).toBe('INGESTED');
    expect(dataset.amountCents).toBe(13_900);

    const metropole = await anchorReport(METROPOLE);
    expect(metropole.totals.gross).toBe(80 + 600);
    expect(metropole.datasets.find((entry) => entry.file === 'departement.csv')?.uploadedBy).toEqual({
      id: 'consortium',
      name: 'Administration du consortium',
    });

    const me = await call('GET /me', { anchor: CITY, groups: ADMINISTRATOR });
    expect(me.body.consortiumAdministrator).toBe(true);
    const listed = await call('GET /datasets', { anchor: CITY, groups: ADMINISTRATOR });
    expect(listed.body.datasets.map((entry: { id: string }) => entry.id)).toContain(dataset.id);
    expectProblem(await call('GET /datasets/{id}', { anchor: METROPOLE, path: { id: dataset.id } }), 404);
    expect((await call('GET /datasets/{id}', { anchor: CITY, path: { id: dataset.id } })).status).toBe(404);
  });
});
