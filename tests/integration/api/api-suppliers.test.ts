import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbProfileStore } from '../../../shared/adapters/dynamodb-profile-store.ts';
import { setOverride } from '../../../shared/use-cases/set-override.ts';
import { putUpload } from '../helpers.ts';
import { type ApiWorld, call, expectProblem, FOREIGN, startApiWorld } from './support.ts';

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
  // Payments of a third anchor, in the territory's currency (a file naming no buyer: its lines are
  // the uploader's): suppliers anchor-a never pays.
  const rows = Array.from(
    { length: 40 },
    (_, index) => `C-${index};Fournisseur de l'anchor-c ${index};38100;02/04/2025;${100 + index},50`,
  );
  const text = ['N° mandat;Tiers;Code postal;Date mandat;Montant', ...rows, ''].join('\r\n');
  const [outcome] = await world.harness.pipeline.ingest(
    await putUpload(world.harness, 'uploads/anchor-c/anchor-c-mandats.csv', text, {
      anchor: 'anchor-c',
      kind: 'payments',
    }),
  );
  expect(outcome?.dataset.status).toBe('INGESTED');
});

afterAll(async () => {
  await world.stop();
});

const BOULANGERIE = 'name:boulangerie du cours berriat@38000';
const encoded = encodeURIComponent(BOULANGERIE);

async function someForeignSupplier(): Promise<string> {
  const answer = await call('GET /suppliers', { anchor: 'anchor-c' });
  return answer.body.suppliers[0].key;
}

describe('GET /suppliers', () => {
  it('pages the anchor’s suppliers, largest spend first, with a cursor to the next page', async () => {
    const first = await call('GET /suppliers', { query: { limit: '10' } });
    expect(first.status).toBe(200);
    expect(first.body.suppliers).toHaveLength(10);
    expect(first.body.nextCursor).toBe('10');
    const second = await call('GET /suppliers', { query: { limit: '10', cursor: first.body.nextCursor } });
    const keys = [...first.body.suppliers, ...second.body.suppliers].map((s: { key: string }) => s.key);
    expect(new Set(keys).size).toBe(20);
    const amounts = [...first.body.suppliers, ...second.body.suppliers].map(
      (s: { amountCents: number }) => s.amountCents,
    );
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const dataset = (await call('GET /datasets')).body.datasets[0];
    expect(first.body.total).toBe(dataset.suppliers);
  });

  it('finds a supplier by its name whatever the accents and case, and by part of it', async () => {
    const answer = await call('GET /suppliers', { query: { q: 'BOULANGERIE du Cours' } });
    expect(answer.body.suppliers.map((s: { key: string }) => s.key)).toContain(BOULANGERIE);
    for (const supplier of answer.body.suppliers)
      expect(supplier.name.toLowerCase()).toContain('boulangerie');
    expect(answer.body.suppliers[0].byKind.payments).toBe(answer.body.suppliers[0].amountCents);
  });

  it('finds nothing of another anchor’s suppliers', async () => {
    const foreignSupplier = await someForeignSupplier();
    const answer = await call('GET /suppliers', { query: { q: foreignSupplier } });
    expect(answer.status).toBe(200);
    expect(answer.body.suppliers.map((s: { key: string }) => s.key)).not.toContain(foreignSupplier);
  });

  it.each([
    ['a limit over 100', { limit: '500' }],
    ['a limit of 0', { limit: '0' }],
    ['a cursor that is not one', { cursor: 'abc' }],
    ['a query of 101 characters', { q: 'x'.repeat(101) }],
  ])('refuses %s', async (_label, query) => {
    expectProblem(await call('GET /suppliers', { query }), 400);
  });
});

describe('GET /suppliers/{key}', () => {
  it('shows what the files say and the profile, each fact with its source', async () => {
    const answer = await call('GET /suppliers/{key}', { path: { key: encoded } });
    expect(answer.status).toBe(200);
    expect(answer.body.asInFiles).toMatchObject({ key: BOULANGERIE, postcode: '38000' });
    expect(answer.body.asInFiles.amountCents).toBeGreaterThan(0);
    expect(answer.body.supplierTypes).toContain('cooperative');
  });

  it('answers 404 for a supplier only another anchor pays, and for an unknown one', async () => {
    const foreignSupplier = encodeURIComponent(await someForeignSupplier());
    expectProblem(await call('GET /suppliers/{key}', { path: { key: foreignSupplier } }), 404);
    expectProblem(await call('GET /suppliers/{key}', { path: { key: 'siret%3A00000000000000' } }), 404);
  });

  it('answers the same for the key as API Gateway passes it (decoded) and as a client sends it (encoded)', async () => {
    const decoded = await call('GET /suppliers/{key}', { path: { key: BOULANGERIE } });
    const encodedAnswer = await call('GET /suppliers/{key}', { path: { key: encoded } });
    expect(decoded.status).toBe(200);
    expect(decoded.body.asInFiles).toEqual(encodedAnswer.body.asInFiles);
  });

  it('refuses a key that is not percent-encoded properly', async () => {
    expectProblem(await call('GET /suppliers/{key}', { path: { key: '%E0%A4%A' } }), 400);
  });
});

describe('PUT /suppliers/{key}/override', () => {
  it('saves a correction with who, when and why; the profile then shows the override as its source', async () => {
    const saved = await call('PUT /suppliers/{key}/override', {
      path: { key: encoded },
      body: { supplierType: 'cooperative', reason: 'SCOP since 2024' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.override).toEqual({ supplierType: 'cooperative' });
    expect(saved.body.corrections[0]).toMatchObject({ by: 'agent@ville.example', reason: 'SCOP since 2024' });
    const shown = await call('GET /suppliers/{key}', { path: { key: encoded } });
    expect(shown.body.corrections).toHaveLength(1);
    expect(shown.body.profile.supplierType).toMatchObject({ value: 'cooperative', source: 'override' });
    expect(shown.body.asInFiles.corrected).toBe(true);
  });

  it.each([
    ['no reason', { supplierType: 'sme' }],
    ['a blank reason', { supplierType: 'sme', reason: '   ' }],
    ['an unknown field', { supplierType: 'sme', reason: 'x', anchorId: FOREIGN }],
    ['a place with a wrong country', { place: { country: 'France' }, reason: 'moved' }],
    ['a reason of 501 characters', { supplierType: 'sme', reason: 'x'.repeat(501) }],
  ])('refuses a body with %s', async (_label, body) => {
    expectProblem(await call('PUT /suppliers/{key}/override', { path: { key: encoded }, body }), 400);
  });

  it('refuses a body that is not JSON, and an unknown type with the list to choose from', async () => {
    expectProblem(await call('PUT /suppliers/{key}/override', { path: { key: encoded }, rawBody: '{' }), 400);
    const unknown = await call('PUT /suppliers/{key}/override', {
      path: { key: encoded },
      body: { supplierType: 'unicorn', reason: 'test' },
    });
    expectProblem(unknown, 409);
    expect(unknown.body.detail).toContain('unknown supplier type');
  });

  it('refuses to correct a supplier only another anchor pays, and writes nothing', async () => {
    const key = await someForeignSupplier();
    const refused = await call('PUT /suppliers/{key}/override', {
      path: { key: encodeURIComponent(key) },
      body: { supplierType: 'cooperative', reason: 'not mine' },
    });
    expectProblem(refused, 404);
    const owner = await call('GET /suppliers/{key}', {
      path: { key: encodeURIComponent(key) },
      anchor: 'anchor-c',
    });
    expect(owner.body.corrections).toEqual([]);
  });
});

describe('a supplier corrected 700 times (the security review: a history in one item stopped at ~660)', () => {
  const CORRECTIONS = 700;
  const reasonOf = (sequence: number) =>
    `#${sequence} ${'vérifié auprès du greffe '.repeat(25)}`.slice(0, 500);

  it('takes every correction, keeps the latest in force and reads back the latest 50, in order', async () => {
    // A supplier of its own, the Boulangerie's corrections being counted by the tests above.
    const page = (await call('GET /suppliers', { query: { limit: '5' } })).body.suppliers as {
      key: string;
    }[];
    const key = page.map((supplier) => supplier.key).find((candidate) => candidate !== BOULANGERIE);
    if (!key) throw new Error('no supplier besides the Boulangerie');
    const profiles = createDynamoDbProfileStore(world.harness.documents, world.harness.stack.tableName);
    const types = ['sme', 'cooperative', 'association'] as const;
    let minute = 0;
    const clock = { now: () => new Date(Date.UTC(2025, 0, 1) + 60_000 * minute++) };
    for (let sequence = 1; sequence <= CORRECTIONS; sequence++) {
      const reason = reasonOf(sequence);
      expect(reason).toHaveLength(500);
      const saved = await setOverride(
        { profiles, clock },
        { supplierKey: key, change: { supplierType: types[sequence % 3] }, by: 'a.martin', reason },
      );
      if (!saved.ok) throw new Error(`correction ${sequence}: ${saved.reason}`);
    }

    const shown = await call('GET /suppliers/{key}', { path: { key: encodeURIComponent(key) } });
    expect(shown.status).toBe(200);
    expect(shown.body.correctionCount).toBe(CORRECTIONS);
    expect(shown.body.corrections).toHaveLength(50);
    expect(shown.body.corrections.map((c: { sequence: number }) => c.sequence)).toEqual(
      Array.from({ length: 50 }, (_, index) => CORRECTIONS - 49 + index),
    );
    expect(shown.body.corrections.at(-1).reason).toBe(reasonOf(CORRECTIONS));
    expect(shown.body.override).toEqual({ supplierType: types[CORRECTIONS % 3] });
    expect(shown.body.profile.supplierType).toMatchObject({
      value: types[CORRECTIONS % 3],
      source: 'override',
    });

    // The next one, through the API, is taken as the first was.
    const next = await call('PUT /suppliers/{key}/override', {
      path: { key: encodeURIComponent(key) },
      body: { supplierType: 'mutual', reason: reasonOf(CORRECTIONS + 1) },
    });
    expect(next.status).toBe(200);
    expect(next.body.correctionCount).toBe(CORRECTIONS + 1);
    expect(next.body.corrections).toHaveLength(50);
    expect(next.body.corrections.at(-1)).toMatchObject({
      sequence: CORRECTIONS + 1,
      previous: { supplierType: types[CORRECTIONS % 3] },
      by: 'agent@ville.example',
    });
  }, 180_000);

  it.each([
    [
      'a reason of 501 characters',
      { supplierType: 'sme', reason: 'x'.repeat(501) },
      'reason: a reason is at most 500 characters',
    ],
    [
      'a postcode of 17 characters',
      { place: { postcode: '3'.repeat(17) }, reason: 'moved' },
      'place.postcode: at most 16 characters',
    ],
    [
      'a type of 65 characters',
      { supplierType: 't'.repeat(65), reason: 'typed' },
      'supplierType: at most 64 characters',
    ],
  ])('refuses %s with a message saying the limit', async (_label, body, message) => {
    const refused = await call('PUT /suppliers/{key}/override', { path: { key: encoded }, body });
    expectProblem(refused, 400);
    expect(refused.body.detail).toContain(message);
  });
});
