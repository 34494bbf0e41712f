/**
 * The lookups' own rules against the embedded table and a local API server: a service that answers
 * nothing is given up after three in a row, a run is bounded, and what an earlier run settled is not
 * asked again. SYNTHETIC identifiers; the recorded answers are the company-lookup fixtures'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRechercheEntreprisesLookup } from '../../../shared/adapters/company-lookup/recherche-entreprises-lookup.ts';
import { createDynamoDbProfileStore } from '../../../shared/adapters/dynamodb-profile-store.ts';
import { createDynamoDbRegistryState } from '../../../shared/adapters/dynamodb-registry-state.ts';
import { wantedIdentifiers } from '../../../shared/domain/registry/stock-selection.ts';
import { systemClock } from '../../../shared/ports/clock.ts';
import { lookUpUnknownSuppliers } from '../../../shared/use-cases/look-up-suppliers.ts';
import { syntheticSiren, syntheticSiret } from '../../fixtures/built/sirene.ts';
import { type LookupServer, type Reply, recorded, startLookupServer } from '../../support/lookup-server.ts';
import { type Harness, startHarness } from '../helpers.ts';

const sirets = Array.from({ length: 6 }, (_, n) => syntheticSiret(syntheticSiren(970 + n), 1));
const wanted = wantedIdentifiers(
  sirets.map((siret) => ({
    key: `siret:${siret}`,
    name: siret,
    identifier: { scheme: 'siret', value: siret },
  })),
);

describe('company-search lookups', () => {
  let harness: Harness;
  let server: LookupServer;
  let reply: () => Reply = () => ({ status: 200, body: recorded('recherche-entreprises', 'empty.json') });

  beforeAll(async () => {
    harness = await startHarness();
    server = await startLookupServer(() => reply());
  });
  afterAll(async () => {
    await server?.close();
    await harness?.stop();
  });

  const deps = (maxLookups?: number) => ({
    lookup: createRechercheEntreprisesLookup({
      baseUrl: server.url,
      sleep: async () => {},
      timeoutMs: 2_000,
    }),
    profiles: createDynamoDbProfileStore(harness.documents, harness.stack.tableName),
    state: createDynamoDbRegistryState(harness.documents, harness.stack.tableName),
    clock: systemClock,
    ...(maxLookups ? { maxLookups } : {}),
  });

  it('gives a service that answers nothing up after three identifiers in a row, and says so', async () => {
    reply = () => ({ status: 503 });
    const before = server.received.length;
    const run = await lookUpUnknownSuppliers(deps(), wanted);
    expect(run).toMatchObject({ asked: 3, found: 0, notFound: 0, unanswered: 3, offline: true });
    // Three attempts each (the client's retries), then the next identifier, three identifiers in all.
    expect(server.received.length - before).toBe(9);
    expect(await deps().state.readLookupRun()).toEqual(run);
  });

  it('stops when its time is up, and still says what it did', async () => {
    reply = () => ({ status: 200, body: recorded('recherche-entreprises', 'empty.json') });
    let checks = 0;
    const run = await lookUpUnknownSuppliers({ ...deps(), timeLeftMs: () => (checks++ < 2 ? 1 : 0) }, wanted);
    expect(run).toMatchObject({ asked: 2, notFound: 2 });
    expect(await deps().state.readLookupRun()).toEqual(run);
  });

  it('asks at most its bound per run, and never again what a run settled', async () => {
    reply = () => ({ status: 200, body: recorded('recherche-entreprises', 'empty.json') });
    const first = await lookUpUnknownSuppliers(deps(2), wanted);
    expect(first).toMatchObject({ asked: 2, notFound: 2, unanswered: 0, offline: false });
    // The rest: the two SIRETs left, then the SIRENs of all six (a SIRET unknown says nothing of its unit).
    const second = await lookUpUnknownSuppliers(deps(), wanted);
    expect(second).toMatchObject({ asked: 2 + 6, notFound: 8 });
    const third = await lookUpUnknownSuppliers(deps(), wanted);
    expect(third.asked).toBe(0);
  });
});
