import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MappingProfile } from '../../../shared/domain/formats/mapping-profile.ts';
import { type ApiWorld, call, expectProblem, FOREIGN, startApiWorld } from './support.ts';

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world.stop();
});

const PROFILE: MappingProfile = {
  version: 1,
  id: 'export-finances',
  label: 'Export du logiciel financier',
  kind: 'payments',
  currency: 'EUR',
  decimal: ',',
  dateFormat: 'dd/mm/yyyy',
  columns: { supplierName: 'Fournisseur', amount: 'Montant', date: 'Date de paiement' },
};

describe('GET /me', () => {
  it('gives the caller, with the institution’s name from the territory when it is one of its anchors', async () => {
    const answer = await call('GET /me', { anchor: '21380185500015' });
    expect(answer.body).toEqual({
      name: 'agent@ville.example',
      anchorId: '21380185500015',
      anchorName: 'Ville de Grenoble',
      consortiumAdministrator: false,
    });
  });

  it('gives a null name for an anchor nobody named', async () => {
    expect((await call('GET /me')).body).toMatchObject({ anchorId: 'anchor-a', anchorName: null });
  });

  it('refuses a user bound to no institution, or to a malformed one', async () => {
    expectProblem(await call('GET /me', { anchor: null }), 403);
    expectProblem(await call('GET /me', { anchor: '../other' }), 403);
  });
});

describe('POST /uploads', () => {
  it('signs a POST into the caller’s own folder, with a size limit, the anchor pinned and a short expiry', async () => {
    const answer = await call('POST /uploads', { body: { fileName: 'mandats 2025.csv', kind: 'payments' } });
    expect(answer.status).toBe(201);
    expect(answer.body.key).toBe('uploads/anchor-a/mandats 2025.csv');
    expect(answer.body.fields.key).toBe('uploads/anchor-a/mandats 2025.csv');
    const policy = JSON.parse(Buffer.from(answer.body.fields.Policy, 'base64').toString('utf8'));
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
    ['a malformed profile id', { fileName: 'x.csv', mappingProfileId: 'Bad Id' }],
    ['a profile the anchor does not have', { fileName: 'x.csv', mappingProfileId: 'nope' }],
  ])('refuses %s', async (_label, body) => {
    expectProblem(await call('POST /uploads', { body }), 400);
  });

  it('refuses a body that is not JSON, and a user bound to no institution', async () => {
    expectProblem(await call('POST /uploads', { rawBody: '{not json' }), 400);
    expectProblem(await call('POST /uploads', { body: { fileName: 'x.csv' }, anchor: null }), 403);
  });
});

describe('mapping profiles', () => {
  it('saves a profile under the caller’s anchor, lists it, and signs uploads with it', async () => {
    const saved = await call('PUT /mapping-profiles/{id}', { path: { id: PROFILE.id }, body: PROFILE });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(PROFILE);
    expect((await call('GET /mapping-profiles')).body.profiles).toEqual([PROFILE]);
    const signed = await call('POST /uploads', { body: { fileName: 'x.csv', mappingProfileId: PROFILE.id } });
    expect(signed.status).toBe(201);
    expect(signed.body.fields['x-amz-meta-mapping']).toBe(PROFILE.id);
  });

  it('keeps one anchor’s profiles from another', async () => {
    await call('PUT /mapping-profiles/{id}', { path: { id: PROFILE.id }, body: PROFILE });
    expect((await call('GET /mapping-profiles', { anchor: FOREIGN })).body.profiles).toEqual([]);
    expectProblem(
      await call('POST /uploads', {
        body: { fileName: 'x.csv', mappingProfileId: PROFILE.id },
        anchor: FOREIGN,
      }),
      400,
    );
  });

  it.each([
    ['no amount column', { ...PROFILE, columns: { supplierName: 'F', date: 'D' } }],
    ['an unknown decimal separator', { ...PROFILE, decimal: ';' }],
    ['an extra field', { ...PROFILE, owner: FOREIGN }],
    [
      'a column for a field Ancrage does not know',
      { ...PROFILE, columns: { ...PROFILE.columns, colour: 'Couleur' } },
    ],
  ])('refuses a profile with %s', async (_label, body) => {
    expectProblem(await call('PUT /mapping-profiles/{id}', { path: { id: PROFILE.id }, body }), 400);
  });

  it('refuses a profile whose id is not the address’s, and a malformed id', async () => {
    const other = await call('PUT /mapping-profiles/{id}', { path: { id: 'other' }, body: PROFILE });
    expectProblem(other, 400);
    expect(other.body.detail).toContain('export-finances');
    expectProblem(await call('PUT /mapping-profiles/{id}', { path: { id: 'A/B' }, body: PROFILE }), 400);
  });
});
