/**
 * `ancrage registry fetch` and the company-search lookups through the real CLI, in a state folder:
 * payments analysed, the stock fetched from a folder under INSEE's names, the remaining unknown
 * SIRETs looked up through a local server replaying recorded answers, then offline. SYNTHETIC
 * identifiers; the expected figures are written from the records below.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../../shared/domain/report/report-schema.ts';
import {
  establishmentTable,
  gzip,
  stockUniteLegaleCsv,
  syntheticSiren,
  syntheticSiret,
  toSireneCsv,
} from '../../fixtures/built/sirene.ts';
import { type LookupServer, recorded, startLookupServer } from '../../support/lookup-server.ts';
import { runCli } from '../../support/run-cli.ts';

const inStock = syntheticSiret(syntheticSiren(950), 1);
/** Known to the recorded Recherche d'entreprises answers only (a branch in Saint-Nazaire). */
const onlineOnly = '80000701500020';
const nowhere = syntheticSiret(syntheticSiren(951), 1);

const dir = mkdtempSync(join(tmpdir(), 'ancrage-fetch-cli-'));
const today = new Date().toISOString().slice(0, 10);

function writeInputs() {
  const payments = join(dir, 'mandats-2025.csv');
  writeFileSync(
    payments,
    'Fournisseur;SIRET;Code postal;Montant;Date\r\n' +
      `Imprimerie du Stock;${inStock};;1 000,00;10/03/2025\r\n` +
      `Ateliers du Port;${onlineOnly};;2 000,00;11/03/2025\r\n` +
      `Nulle Part SARL;${nowhere};;3 000,00;12/03/2025\r\n`,
  );
  const stock = join(dir, 'sirene');
  mkdirSync(stock);
  writeFileSync(
    join(stock, 'StockEtablissement_utf8.csv'),
    toSireneCsv(
      establishmentTable([{ siret: inStock, siege: true, codeCommune: '38185', codePostal: '38000' }]),
    ),
  );
  writeFileSync(
    join(stock, 'StockUniteLegale_utf8.csv.gz'),
    gzip(
      stockUniteLegaleCsv([
        { siren: syntheticSiren(950), categorieJuridique: '5710', denomination: 'IMPRIMERIE' },
      ]),
    ),
  );
  return { payments, stock };
}

const reportOf = (out: string): Report =>
  ReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));

/** A port nothing listens on: connections are refused, as without a network. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('registry fetch and lookups from the command line', () => {
  const inputs = writeInputs();
  const state = join(dir, 'state');
  let server: LookupServer;

  beforeAll(async () => {
    server = await startLookupServer(({ query }) =>
      query.get('q') === onlineOnly
        ? { status: 200, body: recorded('recherche-entreprises', 'company-branch-siret.json') }
        : { status: 200, body: recorded('recherche-entreprises', 'empty.json') },
    );
  });
  afterAll(() => server?.close());

  it('fetches the stock a state folder’s datasets need, then says it is up to date', async () => {
    const first = await runCli(['analyze', inputs.payments, '--state', state, '--out', join(dir, 'out-0')]);
    expect(first.code, first.stderr).toBe(0);
    const fetch = await runCli(['registry', 'fetch', '--from', inputs.stock, '--state', state]);
    expect(fetch.code, fetch.stderr).toBe(0);
    expect(fetch.stdout).toContain('StockEtablissement_utf8.csv: 1 rows read, 1 facts kept');

    expect(fetch.stdout).toContain('StockUniteLegale_utf8.csv.gz: 1 rows read, 1 facts kept');
    expect(fetch.stdout).toContain('suppliers named in the datasets: 3 SIRET, 3 SIREN');
    const again = await runCli(['registry', 'fetch', '--from', inputs.stock, '--state', state]);
    expect(again.stdout).toContain('already up to date');
  });

  it('looks up what the stock lacks, once, and the report says which facts came from the API', async () => {
    const out = join(dir, 'out-1');
    const env = { COMPANY_LOOKUP: 'recherche-entreprises', COMPANY_LOOKUP_URL: server.url };
    const run = await runCli(['analyze', inputs.payments, '--state', state, '--out', out], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'looked up 3 unknown SIRET/SIREN through recherche-entreprises: 1 found, 2 unknown to it',
    );
    // The SIRET nobody knows, then its SIREN: perhaps a mistyped establishment of a known unit.
    expect(server.received.map((request) => request.query.get('q')).sort()).toEqual(
      [nowhere, nowhere.slice(0, 9), onlineOnly].sort(),
    );
    const register = reportOf(out).coverage.register;
    expect(register?.stock?.refreshedOn).toBe(today);
    expect(register?.lookedUp).toEqual([
      { provider: 'recherche-entreprises', suppliers: 1, firstOn: today, lastOn: today },
    ]);
    expect(register?.lookups).toEqual({
      provider: 'recherche-entreprises',
      lastRunOn: today,
      offline: false,
    });
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('par l’API recherche-entreprises');

    const asked = server.received.length;
    const rerun = await runCli(['analyze', inputs.payments, '--state', state, '--out', join(dir, 'out-2')], {
      env,
    });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(server.received.length).toBe(asked);
    expect(rerun.stdout).not.toContain('looked up');
  });

  it('offline, skips the lookups in one line and the report says so', async () => {
    const out = join(dir, 'out-offline');
    const env = {
      COMPANY_LOOKUP: 'recherche-entreprises',
      COMPANY_LOOKUP_URL: `http://127.0.0.1:${await closedPort()}`,
    };
    const run = await runCli(['analyze', inputs.payments, '--out', out], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('online lookups skipped: recherche-entreprises could not be reached');
    expect(reportOf(out).coverage.register?.lookups).toEqual({
      provider: 'recherche-entreprises',
      lastRunOn: today,
      offline: true,
    });
    expect(reportOf(out).coverage.register?.stock).toBeNull();
  });
});
