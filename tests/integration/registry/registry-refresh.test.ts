/**
 * The registry refresh end to end against the embedded stack: payments ingested, INSEE-named stock
 * files served over HTTP by a local server (Parquet in row groups, gzipped CSV), the refresh handler
 * run as the state machine runs it, then the report. Every expected figure is computed here from the
 * built records. SYNTHETIC identifiers throughout.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbProfileStore } from '../../../shared/adapters/dynamodb-profile-store.ts';
import { METRICS } from '../../../shared/contracts/metrics.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { localRingsOf } from '../../../shared/domain/territory/territory.ts';
import { systemClock } from '../../../shared/ports/clock.ts';
import { registryRefreshDependencies } from '../../../shared/runtime/registry-refresh-dependencies.ts';
import { refreshRegistry } from '../../../shared/use-cases/refresh-registry.ts';
import { setOverride } from '../../../shared/use-cases/set-override.ts';
import {
  type EstablishmentRecord,
  establishmentTable,
  gzip,
  stockUniteLegaleCsv,
  syntheticSiren,
  syntheticSiret,
  type UnitRecord,
} from '../../fixtures/built/sirene.ts';
import { stockParquet } from '../../fixtures/built/sirene-formats.ts';
import { metricSum, withPowertoolsOutput } from '../../support/powertools-output.ts';
import { type StockServer, startStockServer } from '../../support/stock-server.ts';
import { type Harness, startHarness } from '../helpers.ts';

const territory = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!territory) throw new Error('the bundled territory grenoble-alpes-metropole is missing');
const GRENOBLE = '38185';
const ECHIROLLES = '38151';
const LYON_3 = '69383';
const localCommunes = new Set(localRingsOf(territory).flatMap((ring) => ring.communes ?? []));

const scop = syntheticSiren(901);
const chain = syntheticSiren(902);
const unknown = syntheticSiret(syntheticSiren(903), 1);
const scopSiret = syntheticSiret(scop, 1);
const chainBranch = syntheticSiret(chain, 2);

/** The payments: one line each, cents chosen apart so that a misplaced supplier shows. */
const PAYMENTS = [
  { payee: 'Imprimerie Coopérative', siret: scopSiret, postcode: '', cents: 1_250_000 },
  { payee: 'Chaîne Nationale', siret: chainBranch, postcode: '69003', cents: 730_025 },
  { payee: 'Inconnue SARL', siret: unknown, postcode: '', cents: 99_900 },
];

const NAMED: readonly EstablishmentRecord[] = [
  { siret: scopSiret, siege: true, codeCommune: GRENOBLE, codePostal: '38000', activite: '18.12Z' },
  {
    siret: syntheticSiret(chain, 1),
    siege: true,
    codeCommune: LYON_3,
    codePostal: '69003',
    activite: '47.11B',
  },
  { siret: chainBranch, siege: false, codeCommune: ECHIROLLES, codePostal: '38130', activite: '47.11B' },
  // Another establishment of the chain: not named, not its head office, local, so counted only.
  { siret: syntheticSiret(chain, 3), siege: false, codeCommune: GRENOBLE, activite: '47.11B' },
];
/** Strangers: local ones (some closed) are counted, the others only read. */
const STRANGERS: readonly EstablishmentRecord[] = Array.from({ length: 17 }, (_, n) => ({
  siret: syntheticSiret(syntheticSiren(1000 + n), 1),
  siege: true,
  codeCommune: [GRENOBLE, ECHIROLLES, LYON_3][n % 3],
  activite: ['56.10A', '43.21A', '62.02A'][n % 3 === 2 ? 0 : n % 2],
  etat: n % 5 === 4 ? ('F' as const) : ('A' as const),
}));
const ESTABLISHMENTS = [...STRANGERS.slice(0, 6), ...NAMED, ...STRANGERS.slice(6)];
const UNITS: readonly UnitRecord[] = [
  { siren: scop, categorieJuridique: '5458', denomination: 'IMPRIMERIE COOPERATIVE', ess: 'O' },
  { siren: chain, categorieJuridique: '5710', denomination: 'CHAINE NATIONALE', categorieEntreprise: 'GE' },
  { siren: syntheticSiren(1000), categorieJuridique: '5499', denomination: 'AUTRE' },
];
const ROW_GROUP = 5;

/** Active establishments per NAF division in the local rings, counted here from the records. */
function expectedLocalCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of ESTABLISHMENTS) {
    if (record.etat === 'F' || !localCommunes.has(record.codeCommune ?? '')) continue;
    const division = (record.activite ?? '43.32A').slice(0, 2);
    counts.set(division, (counts.get(division) ?? 0) + 1);
  }
  return counts;
}

const eurosOf = (cents: number) => cents / 100;

describe('registry refresh from a served SIRENE stock', () => {
  let harness: Harness;
  let server: StockServer;
  const dir = mkdtempSync(join(tmpdir(), 'ancrage-refresh-'));

  beforeAll(async () => {
    harness = await startHarness();
    const lines = PAYMENTS.map(
      (p) => `${p.payee};${p.siret};${p.postcode};${(p.cents / 100).toFixed(2).replace('.', ',')};15/03/2025`,
    );
    const path = join(dir, 'mandats-2025.csv');
    writeFileSync(path, `Fournisseur;SIRET;Code postal;Montant;Date\r\n${lines.join('\r\n')}\r\n`);
    const location = await harness.pipeline.upload({
      path,
      anchorId: territory.anchors[0]?.id ?? 'anchor',
      kind: 'payments',
    });
    const [ingested] = await harness.pipeline.ingest(location);
    expect(ingested?.dataset.status).toBe('INGESTED');
    server = await startStockServer({
      'StockEtablissement_utf8.parquet': stockParquet(establishmentTable(ESTABLISHMENTS), {
        rowGroupSize: ROW_GROUP,
      }),
      'StockUniteLegale_utf8.csv.gz': gzip(stockUniteLegaleCsv(UNITS)),
    });
  });

  afterAll(async () => {
    await server?.close();
    await harness?.stop();
  });

  it('keeps the named establishments, their head offices and units, and says what it read', async () => {
    const { result: outcome, emf } = await withPowertoolsOutput(() =>
      harness.pipeline.refreshRegistry({ base: server.url }),
    );
    expect(outcome.status).toBe('refreshed');
    // The rows of both files, and the facts kept: the same figures as CloudWatch metrics.
    const service = { service: 'registry-refresh' };
    expect(metricSum(emf, METRICS.registryRowsRead, service)).toBe(ESTABLISHMENTS.length + UNITS.length);
    expect(metricSum(emf, METRICS.registryFactsStored, service)).toBe(3 + 2);
    if (outcome.status !== 'refreshed') return;
    expect(
      outcome.registry.files.map(({ name, format, rows, facts }) => ({ name, format, rows, facts })),
    ).toEqual([
      { name: 'StockEtablissement_utf8.parquet', format: 'parquet', rows: ESTABLISHMENTS.length, facts: 3 },
      { name: 'StockUniteLegale_utf8.csv.gz', format: 'csv.gz', rows: UNITS.length, facts: 2 },
    ]);
    expect(outcome.registry.wanted).toEqual({ sirets: 3, sirens: 3 });
    expect(outcome.registry.files[0]?.publishedAt?.slice(0, 10)).toBe('2025-02-01');
  });

  it('locates and types the suppliers in the next report, and states the register’s dates', async () => {
    const built = await harness.pipeline.report({ kind: 'payments' });
    if (!built.published) throw new Error(built.reason);
    const { report } = built;
    const local = report.byRing.filter((band) =>
      localRingsOf(territory).some((ring) => ring.id === band.ring),
    );
    const localEuros = local.reduce((sum, band) => sum + band.amount, 0);
    // The SCOP (Grenoble) and the chain's branch (Échirolles) deliver locally; the unknown SIRET is unknown.
    expect(localEuros).toBeCloseTo(eurosOf(1_250_000 + 730_025), 2);
    expect(report.headline.unknownAmount).toBeCloseTo(eurosOf(99_900), 2);
    expect(report.coverage.register?.stock).toEqual({
      refreshedOn: new Date().toISOString().slice(0, 10),
      publishedOn: '2025-02-01',
      files: ['StockEtablissement_utf8.parquet', 'StockUniteLegale_utf8.csv.gz'],
    });
    expect(report.coverage.register?.lookedUp).toEqual([]);
    const profiles = createDynamoDbProfileStore(harness.documents, harness.stack.tableName);
    expect(await profiles.countEstablishments([...localCommunes])).toEqual(expectedLocalCounts());
  });

  it('never erases a correction: a refresh after it leaves it in force', async () => {
    const profiles = createDynamoDbProfileStore(harness.documents, harness.stack.tableName);
    const corrected = await setOverride(
      { profiles, clock: systemClock },
      {
        supplierKey: `siret:${chainBranch}`,
        change: { place: { communeCode: LYON_3, country: 'FR' } },
        by: 'test',
        reason: 'the branch moved to Lyon',
      },
    );
    expect(corrected.ok).toBe(true);
    expect((await harness.pipeline.refreshRegistry({ base: server.url, force: true })).status).toBe(
      'refreshed',
    );
    const profile = (await profiles.getProfiles([`siret:${chainBranch}`])).get(`siret:${chainBranch}`);
    expect(profile?.establishment).toMatchObject({ value: { communeCode: LYON_3 }, source: 'override' });
    expect(profile?.headOffice).toMatchObject({ value: { communeCode: LYON_3 }, source: 'registry' });
  });

  it('does not read unchanged files again, unless forced', async () => {
    expect((await harness.pipeline.refreshRegistry({ base: server.url })).status).toBe('up-to-date');
    expect((await harness.pipeline.refreshRegistry({ base: server.url, force: true })).status).toBe(
      'refreshed',
    );
  });

  it('stops at a checkpoint when time runs short and goes on from it to the same result', async () => {
    const deps = registryRefreshDependencies();
    const request = { base: server.url, territoryIds: [territory.id], force: true };
    let batches = 0;
    const paused = await refreshRegistry({ ...deps, timeLeftMs: () => (batches++ < 1 ? 1 : 0) }, request);
    expect(paused).toEqual({ status: 'paused', file: 'etablissement', rows: 2 * ROW_GROUP });
    expect(await deps.state.readCheckpoint()).toMatchObject({ file: 'etablissement', resumeAt: 2 });
    const resumed = await refreshRegistry(deps, request);
    expect(resumed.status).toBe('refreshed');
    if (resumed.status !== 'refreshed') return;
    expect(resumed.registry.files.map(({ rows, facts }) => ({ rows, facts }))).toEqual([
      { rows: ESTABLISHMENTS.length, facts: 3 },
      { rows: UNITS.length, facts: 2 },
    ]);
    expect(await deps.state.readCheckpoint()).toBeUndefined();
  });

  it('starts over when the stock changed since the checkpoint', async () => {
    const deps = registryRefreshDependencies();
    const request = { base: server.url, territoryIds: [territory.id], force: true };
    let batches = 0;
    await refreshRegistry({ ...deps, timeLeftMs: () => (batches++ < 1 ? 1 : 0) }, request);
    const fewer = ESTABLISHMENTS.slice(0, 12);
    server.setFile(
      'StockEtablissement_utf8.parquet',
      stockParquet(establishmentTable(fewer), { rowGroupSize: ROW_GROUP }),
    );
    const outcome = await refreshRegistry(deps, request);
    expect(outcome.status === 'refreshed' && outcome.registry.files[0]?.rows).toBe(fewer.length);
  });

  it('fails with a reason, leaving the last refresh as it was, when a file is cut short', async () => {
    const deps = registryRefreshDependencies();
    const before = await deps.state.readStatus();
    server.setFile('StockUniteLegale_utf8.csv.gz', gzip(stockUniteLegaleCsv(UNITS)), { cutAfterBytes: 40 });
    const outcome = await harness.pipeline.refreshRegistry({ base: server.url, force: true });
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.reason).toMatch(/StockUniteLegale_utf8\.csv\.gz/);
    expect(await deps.state.readStatus()).toEqual(before);
    expect(await deps.state.readCheckpoint()).toBeUndefined();
  });

  it('names what is missing when the base holds no stock', async () => {
    const outcome = await harness.pipeline.refreshRegistry({ base: `${server.url}/nothing-here` });
    expect(outcome).toEqual({
      status: 'failed',
      reason: `no StockEtablissement file under ${server.url}/nothing-here`,
    });
  });
});
