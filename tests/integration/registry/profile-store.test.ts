/**
 * The DynamoDB profile store against the embedded emulators (dynalite over HTTP, real AWS SDK):
 * facts filed per source, merged into profiles on read; overrides with their audit history.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { ENTITY, keys } from '../../../shared/adapters/dynamodb-keys.ts';
import { createDynamoDbProfileStore } from '../../../shared/adapters/dynamodb-profile-store.ts';
import type { Correction } from '../../../shared/domain/registry/correction.ts';
import type {
  DirectoryFacts,
  EstablishmentFacts,
  SupplierFacts,
  UnitFacts,
} from '../../../shared/domain/registry/supplier-facts.ts';
import type { Clock } from '../../../shared/ports/clock.ts';
import type { ProfileStore } from '../../../shared/ports/profile-store.ts';
import { setOverride } from '../../../shared/use-cases/set-override.ts';
import { directoryCsv } from '../../fixtures/built/directory.ts';
import {
  breakLuhn,
  ETABLISSEMENT_COLUMNS,
  gzip,
  stockEtablissementCsv,
  stockUniteLegaleCsv,
  syntheticSiren,
  syntheticSiret,
} from '../../fixtures/built/sirene.ts';
import { startPartialBatchProxy } from '../../support/partial-batch-proxy.ts';
import { type Harness, readBytes, startHarness } from '../helpers.ts';

let harness: Harness;
let store: ProfileStore;

beforeAll(async () => {
  harness = await startHarness();
  store = createDynamoDbProfileStore(harness.documents, harness.stack.tableName);
});

afterAll(async () => {
  await harness?.stop();
});

const AS_OF = '2025-01-15';
const unitOf = (siren: string, extra: Partial<UnitFacts> = {}): UnitFacts => ({
  kind: 'unit',
  siren,
  name: `UNITE ${siren}`,
  legalCategory: '5710',
  ess: false,
  sizeCategory: 'PME',
  ceased: false,
  asOf: AS_OF,
  ...extra,
});
const establishmentOf = (
  siret: string,
  communeCode: string,
  extra: Partial<EstablishmentFacts> = {},
): EstablishmentFacts => ({
  kind: 'establishment',
  siret,
  place: { communeCode, country: 'FR' },
  headOffice: false,
  closed: false,
  asOf: AS_OF,
  ...extra,
});

/** A clock that moves one minute per reading, from a fixed start. */
function tickingClock(start = Date.UTC(2025, 3, 1, 8, 0)): Clock {
  let now = start;
  return {
    now: () => {
      const date = new Date(now);
      now += 60_000;
      return date;
    },
  };
}

describe('putFacts then getProfiles', () => {
  const siren = syntheticSiren(1001);
  const head = syntheticSiret(siren, 1);
  const branch = syntheticSiret(siren, 2);
  const closed = syntheticSiret(siren, 3);

  beforeAll(async () => {
    await store.putFacts([
      unitOf(siren, { name: 'MENUISERIE DES ALPES' }),
      establishmentOf(head, '69383', { headOffice: true }),
      establishmentOf(branch, '38185'),
      establishmentOf(closed, '38151', { closed: true }),
    ]);
  });

  it('a SIRET key gets its establishment, its unit and its SIREN head office', async () => {
    const profile = (await store.getProfiles([`siret:${branch}`])).get(`siret:${branch}`);
    expect(profile).toMatchObject({
      key: `siret:${branch}`,
      name: { value: 'MENUISERIE DES ALPES', source: 'registry' },
      establishment: { value: { communeCode: '38185', country: 'FR' }, source: 'registry', asOf: AS_OF },
      headOffice: { value: { communeCode: '69383', country: 'FR' }, source: 'registry' },
      legalCategory: { value: '5710', source: 'registry' },
      sizeCategory: { value: 'PME', source: 'registry' },
      establishmentClosed: false,
      unitCeased: false,
    });
  });

  it('a SIREN key gets its unit and head office, and no establishment', async () => {
    const profile = (await store.getProfiles([`siren:${siren}`])).get(`siren:${siren}`);
    expect(profile?.headOffice).toMatchObject({ value: { communeCode: '69383' }, source: 'registry' });
    expect(profile?.legalCategory?.value).toBe('5710');
    expect(profile?.establishment).toBeUndefined();
  });

  it('files a head-office establishment under its SIRET and under its SIREN', async () => {
    const get = (key: { pk: string; sk: string }) =>
      harness.documents.send(
        new GetCommand({ TableName: harness.stack.tableName, Key: key, ConsistentRead: true }),
      );
    expect((await get(keys.facts.establishment(head))).Item).toMatchObject({ siret: head, headOffice: true });
    expect((await get(keys.facts.headOffice(siren))).Item).toMatchObject({ siret: head, headOffice: true });
    expect((await get(keys.facts.headOffice(branch.slice(0, 9)))).Item?.siret).toBe(head);
  });

  it('keeps a closed establishment, flagged', async () => {
    const profile = (await store.getProfiles([`siret:${closed}`])).get(`siret:${closed}`);
    expect(profile?.establishmentClosed).toBe(true);
    expect(profile?.establishment?.value.communeCode).toBe('38151');
  });

  it('knows nothing of a key no source speaks of', async () => {
    const unknown = syntheticSiret(syntheticSiren(999_999), 1);
    const profiles = await store.getProfiles([
      `siret:${unknown}`,
      'name:personne',
      `siren:${syntheticSiren(4)}`,
    ]);
    expect(profiles.size).toBe(0);
  });

  it('a name-keyed supplier: its directory facts', async () => {
    const directory: DirectoryFacts = {
      kind: 'directory',
      supplierKey: 'name:atelier velo solidaire',
      anchorId: 'grenoble',
      name: 'Atelier Vélo Solidaire',
      place: { postcode: '38100' },
      supplierType: 'association',
      asOf: '2025-02-01',
    };
    await store.putFacts([directory]);
    const profile = (await store.getProfiles([directory.supplierKey])).get(directory.supplierKey);
    expect(profile).toMatchObject({
      name: { value: 'Atelier Vélo Solidaire', source: 'directory' },
      establishment: { value: { postcode: '38100' }, source: 'directory' },
      supplierType: { value: 'association', source: 'directory' },
    });
  });

  it('a directory giving a SIRET to a name-keyed supplier leads to its registry facts', async () => {
    const key = 'name:menuiserie alpes@38000';
    await store.putFacts([
      {
        kind: 'directory',
        supplierKey: key,
        anchorId: 'grenoble',
        name: 'Menuiserie Alpes',
        place: { postcode: '38400' },
        siret: branch,
        asOf: '2025-02-01',
      },
    ]);
    const profile = (await store.getProfiles([key])).get(key);
    expect(profile).toMatchObject({
      key,
      name: { value: 'MENUISERIE DES ALPES', source: 'registry' },
      establishment: { value: { communeCode: '38185' }, source: 'registry' },
      headOffice: { value: { communeCode: '69383' }, source: 'registry' },
      legalCategory: { value: '5710', source: 'registry' },
    });
  });

  it('a directory giving only a SIREN leads to the unit and its head office', async () => {
    const key = 'name:menuiserie alpes';
    await store.putFacts([
      {
        kind: 'directory',
        supplierKey: key,
        anchorId: 'grenoble',
        name: 'Menuiserie Alpes',
        siren,
        asOf: '2025-02-01',
      },
    ]);
    const profile = (await store.getProfiles([key])).get(key);
    expect(profile?.headOffice?.value.communeCode).toBe('69383');
    expect(profile?.legalCategory?.source).toBe('registry');
    expect(profile?.establishment).toBeUndefined();
  });

  it('loading the same facts twice leaves the same profiles (deterministic keys)', async () => {
    const before = await store.getProfiles([`siret:${branch}`, `siren:${siren}`]);
    await store.putFacts([unitOf(siren, { name: 'MENUISERIE DES ALPES' }), establishmentOf(branch, '38185')]);
    expect(await store.getProfiles([`siret:${branch}`, `siren:${siren}`])).toEqual(before);
  });
});

describe('getProfiles with more than 100 keys (BatchGet pages of 100)', () => {
  const COUNT = 140;
  const sirets = Array.from({ length: COUNT }, (_, i) => syntheticSiret(syntheticSiren(20_000 + i), 1));
  const commune = (i: number) => (i % 2 === 0 ? '38185' : '75112');

  beforeAll(async () => {
    const facts: SupplierFacts[] = sirets.flatMap((siret, i) => [
      unitOf(siret.slice(0, 9), { name: `FOURNISSEUR ${i}` }),
      establishmentOf(siret, commune(i), { headOffice: true }),
    ]);
    await store.putFacts(facts);
  });

  it('returns every profile, each with its own facts, duplicates and unknown keys included', async () => {
    const unknown = Array.from({ length: 30 }, (_, i) => `name:inconnu ${i}`);
    const wanted = [
      ...sirets.map((siret) => `siret:${siret}`),
      ...sirets.slice(0, 20).map((s) => `siret:${s}`),
      ...unknown,
    ];
    expect(wanted.length).toBeGreaterThan(100);
    const profiles = await store.getProfiles(wanted);
    expect(profiles.size).toBe(COUNT);
    sirets.forEach((siret, i) => {
      const profile = profiles.get(`siret:${siret}`);
      expect(profile?.name?.value, siret).toBe(`FOURNISSEUR ${i}`);
      expect(profile?.establishment?.value.communeCode).toBe(commune(i));
      expect(profile?.headOffice?.value.communeCode).toBe(commune(i));
    });
  });

  it('reads every profile when DynamoDB leaves keys of the batches in flight unprocessed', async () => {
    const proxy = await startPartialBatchProxy(harness.stack.dynamoDbEndpoint);
    const documents = createDocumentClient(proxy.endpoint);
    try {
      // The first six BatchGetItems (several of them sent at once) come back half done.
      proxy.setRule((operation, index) => operation === 'BatchGetItem' && index < 6);
      const profiles = await createDynamoDbProfileStore(documents, harness.stack.tableName).getProfiles(
        sirets.map((siret) => `siret:${siret}`),
      );
      expect(proxy.seen.filter((seen) => seen.cut)).toHaveLength(6);
      expect(profiles.size).toBe(COUNT);
      sirets.forEach((siret, i) => {
        expect(profiles.get(`siret:${siret}`)?.name?.value, siret).toBe(`FOURNISSEUR ${i}`);
      });
    } finally {
      documents.destroy();
      await proxy.close();
    }
  });
});

describe('overrides: setOverride with its audit history', () => {
  const siren = syntheticSiren(3003);
  const siret = syntheticSiret(siren, 1);
  const key = `siret:${siret}`;

  beforeAll(async () => {
    await store.putFacts([unitOf(siren), establishmentOf(siret, '38185', { headOffice: true })]);
  });

  it('keeps every change with by, at, reason and the value it replaced', async () => {
    const clock = tickingClock();
    const first = await setOverride(
      { profiles: store, clock },
      { supplierKey: key, change: { supplierType: 'mutual' }, by: 'a.martin', reason: ' statuts de 2019 ' },
    );
    expect(first.ok).toBe(true);
    const second = await setOverride(
      { profiles: store, clock },
      {
        supplierKey: key,
        change: { supplierType: 'cooperative', place: { communeCode: '38151' } },
        by: 'b.durand',
        reason: 'SCOP depuis 2024',
      },
    );
    if (!second.ok) throw new Error(second.reason);
    const stored = await store.getOverride(key);
    expect(stored).toEqual(second.value);
    expect(stored?.current).toEqual({ supplierType: 'cooperative', place: { communeCode: '38151' } });
    expect(stored?.changes).toBe(2);
    expect(stored?.corrections).toEqual([
      {
        sequence: 1,
        change: { supplierType: 'mutual' },
        previous: {},
        by: 'a.martin',
        at: '2025-04-01T08:00:00.000Z',
        reason: 'statuts de 2019',
      },
      {
        sequence: 2,
        change: { supplierType: 'cooperative', place: { communeCode: '38151' } },
        previous: { supplierType: 'mutual' },
        by: 'b.durand',
        at: '2025-04-01T08:01:00.000Z',
        reason: 'SCOP depuis 2024',
      },
    ]);
    const profile = (await store.getProfiles([key])).get(key);
    expect(profile?.supplierType).toEqual({ value: 'cooperative', source: 'override', asOf: '2025-04-01' });
    expect(profile?.establishment).toMatchObject({ value: { communeCode: '38151' }, source: 'override' });
    // The registry facts are still there, underneath.
    expect(profile?.headOffice?.source).toBe('registry');
    expect(profile?.legalCategory?.source).toBe('registry');
  });

  it('a registry reload leaves the override as it was', async () => {
    const before = await store.getOverride(key);
    await store.putFacts([
      unitOf(siren, { name: 'RECHARGE' }),
      establishmentOf(siret, '38185', { headOffice: true }),
    ]);
    expect(await store.getOverride(key)).toEqual(before);
    const profile = (await store.getProfiles([key])).get(key);
    expect(profile?.supplierType?.source).toBe('override');
    expect(profile?.name?.value).toBe('RECHARGE');
  });

  it.each([
    ['an empty reason', { supplierType: 'sme' }, '   ', 'reason'],
    ['an unknown type', { supplierType: 'scop' }, 'statuts', 'unknown supplier type "scop"'],
    ['no change at all', {}, 'statuts', 'nothing to change'],
  ])('refuses %s, and stores nothing', async (_, change, reason, message) => {
    const target = `siret:${syntheticSiret(syntheticSiren(4004), 1)}`;
    const result = await setOverride(
      { profiles: store, clock: tickingClock() },
      { supplierKey: target, change, by: 'a.martin', reason },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(message);
    expect(await store.getOverride(target)).toBeUndefined();
  });

  it('detects a concurrent change: a correction whose number is taken is refused', async () => {
    const current = await store.getOverride(key);
    if (!current) throw new Error('no override');
    const stale = (sequence: number): Correction => ({
      sequence,
      change: { supplierType: 'sme' },
      previous: current.current,
      by: 'c',
      at: '2025-05-01T00:00:00.000Z',
      reason: 'r',
    });
    expect(await store.putCorrection(key, stale(current.changes))).toBe(false);
    expect(await store.putCorrection(key, stale(1))).toBe(false);
    expect(await store.getOverride(key)).toEqual(current);
    expect(await store.putCorrection(key, stale(current.changes + 1))).toBe(true);
    const after = await store.getOverride(key);
    expect(after?.changes).toBe(current.changes + 1);
    expect(after?.current).toEqual({ ...current.current, supplierType: 'sme' });
    // The first correction of a new key is number 1.
    expect(await store.putCorrection('name:nouveau', stale(1))).toBe(true);
    expect(await store.putCorrection('name:nouveau', stale(1))).toBe(false);
  });

  it('retries after losing a race, keeping both officers’ changes in order', async () => {
    const target = `siren:${siren}`;
    let raced = false;
    const racing: ProfileStore = {
      ...store,
      async putCorrection(supplierKey, correction) {
        if (!raced) {
          raced = true;
          // Another officer saves first, between our read and our write.
          const other = await setOverride(
            { profiles: store, clock: tickingClock(Date.UTC(2025, 5, 1)) },
            { supplierKey: target, change: { supplierType: 'association' }, by: 'other', reason: 'loi 1901' },
          );
          if (!other.ok) throw new Error(other.reason);
        }
        return store.putCorrection(supplierKey, correction);
      },
    };
    const mine = await setOverride(
      { profiles: racing, clock: tickingClock(Date.UTC(2025, 5, 2)) },
      { supplierKey: target, change: { supplierType: 'cooperative' }, by: 'me', reason: 'SCIC' },
    );
    if (!mine.ok) throw new Error(mine.reason);
    const stored = await store.getOverride(target);
    expect(stored?.corrections.map((change) => change.by)).toEqual(['other', 'me']);
    expect(stored?.corrections[1]?.previous).toEqual({ supplierType: 'association' });
    expect(stored?.current).toEqual({ supplierType: 'cooperative' });
  });

  it('reads a history written in one item before each correction had its own, and carries it on', async () => {
    const target = `siret:${syntheticSiret(syntheticSiren(7007), 1)}`;
    const legacy = [
      {
        change: { supplierType: 'mutual' },
        previous: {},
        by: 'a',
        at: '2024-01-01T08:00:00.000Z',
        reason: 'r1',
      },
      {
        change: { supplierType: 'sme' },
        previous: { supplierType: 'mutual' },
        by: 'b',
        at: '2024-02-01T08:00:00.000Z',
        reason: 'r2',
      },
    ];
    await harness.documents.send(
      new PutCommand({
        TableName: harness.stack.tableName,
        Item: {
          ...keys.facts.override(target),
          entityType: ENTITY.facts,
          kind: 'override',
          supplierKey: target,
          current: { supplierType: 'sme' },
          history: legacy,
        },
      }),
    );
    expect(await store.getOverride(target)).toEqual({
      current: { supplierType: 'sme' },
      changes: 2,
      corrections: legacy.map((entry, index) => ({ ...entry, sequence: index + 1 })),
    });
    expect((await store.getProfiles([target])).get(target)?.supplierType).toEqual({
      value: 'sme',
      source: 'override',
      asOf: '2024-02-01',
    });

    const third = await setOverride(
      { profiles: store, clock: tickingClock() },
      { supplierKey: target, change: { supplierType: 'cooperative' }, by: 'c', reason: 'r3' },
    );
    if (!third.ok) throw new Error(third.reason);
    const after = await store.getOverride(target);
    expect(after?.corrections.map((entry) => [entry.sequence, entry.reason])).toEqual([
      [1, 'r1'],
      [2, 'r2'],
      [3, 'r3'],
    ]);
    expect(after?.current).toEqual({ supplierType: 'cooperative' });
    const item = await harness.documents.send(
      new GetCommand({ TableName: harness.stack.tableName, Key: keys.facts.override(target) }),
    );
    expect(item.Item?.history).toBeUndefined();
    expect(item.Item).toMatchObject({ changes: 3, current: { supplierType: 'cooperative' } });
  });

  it('reads a correction in force even when a crash kept its override item from being written', async () => {
    const target = `siret:${syntheticSiret(syntheticSiren(7008), 1)}`;
    const clock = tickingClock();
    const first = await setOverride(
      { profiles: store, clock },
      { supplierKey: target, change: { supplierType: 'mutual' }, by: 'a', reason: 'r1' },
    );
    if (!first.ok) throw new Error(first.reason);
    // Correction 2 alone, as a run that stopped between its two puts leaves it.
    await harness.documents.send(
      new PutCommand({
        TableName: harness.stack.tableName,
        Item: {
          ...keys.facts.correction(target, 2),
          entityType: ENTITY.correction,
          supplierKey: target,
          sequence: 2,
          change: { supplierType: 'sme' },
          previous: { supplierType: 'mutual' },
          by: 'b',
          at: '2025-04-02T08:00:00.000Z',
          reason: 'r2',
        },
      }),
    );
    expect(await store.getOverride(target)).toMatchObject({ current: { supplierType: 'sme' }, changes: 2 });

    const third = await setOverride(
      { profiles: store, clock },
      { supplierKey: target, change: { place: { communeCode: '38185' } }, by: 'c', reason: 'r3' },
    );
    if (!third.ok) throw new Error(third.reason);
    const after = await store.getOverride(target);
    expect(after?.corrections.map((entry) => entry.sequence)).toEqual([1, 2, 3]);
    expect(after?.corrections[2]?.previous).toEqual({ supplierType: 'sme' });
    expect(after?.current).toEqual({ supplierType: 'sme', place: { communeCode: '38185' } });
    expect((await store.getProfiles([target])).get(target)?.supplierType?.value).toBe('sme');
  });

  it('refuses a reason over 500 characters and a name over 320, saying so, and stores nothing', async () => {
    const target = `siret:${syntheticSiret(syntheticSiren(7009), 1)}`;
    const long = await setOverride(
      { profiles: store, clock: tickingClock() },
      { supplierKey: target, change: { supplierType: 'sme' }, by: 'a', reason: 'x'.repeat(501) },
    );
    expect(long).toEqual({
      ok: false,
      reason: 'the correction is not valid: reason: a reason is at most 500 characters',
    });
    const named = await setOverride(
      { profiles: store, clock: tickingClock() },
      { supplierKey: target, change: { supplierType: 'sme' }, by: 'b'.repeat(321), reason: 'ok' },
    );
    expect(named.ok).toBe(false);
    expect(await store.getOverride(target)).toBeUndefined();
  });

  it('refuses an empty "by", so that the stored override never breaks later reads', async () => {
    const target = `siret:${syntheticSiret(syntheticSiren(5005), 1)}`;
    const result = await setOverride(
      { profiles: store, clock: tickingClock() },
      { supplierKey: target, change: { supplierType: 'sme' }, by: '', reason: 'vérifié' },
    );
    const profiles = await store.getProfiles([target]).then(
      (found) => found.size,
      (error: unknown) => `getProfiles threw: ${String(error).slice(0, 80)}`,
    );
    expect({ refused: !result.ok, profiles }).toEqual({ refused: true, profiles: 0 });
  });

  // Same root cause: a place whose country is not an ISO code ("France") is stored, then unreadable.
  it('refuses a place the profile schema cannot read back (country "France")', async () => {
    const target = `siret:${syntheticSiret(syntheticSiren(5006), 1)}`;
    const result = await setOverride(
      { profiles: store, clock: tickingClock() },
      { supplierKey: target, change: { place: { country: 'France' } }, by: 'a.martin', reason: 'vérifié' },
    );
    const readable = await store.getOverride(target).then(
      () => true,
      () => false,
    );
    expect({ refused: !result.ok, readable }).toEqual({ refused: true, readable: true });
  });
});

describe('loading files through the registry-load handler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ancrage-registry-'));

  it('loads a gzipped StockEtablissement extract with reordered and extra columns; rejects bad rows', async () => {
    const siren = syntheticSiren(6006);
    const good = syntheticSiret(siren, 1);
    const bad = breakLuhn(syntheticSiret(siren, 2));
    const path = join(dir, 'StockEtablissement_extrait.csv.gz');
    const text = stockEtablissementCsv(
      [
        { siret: good, siege: true, codeCommune: '38185', codePostal: '38000' },
        { siret: bad, siege: false, codeCommune: '38185' },
      ],
      { columns: [...ETABLISSEMENT_COLUMNS].reverse(), extraColumnAt: 0 },
    );
    writeFileSync(path, gzip(text));
    const [outcome] = await harness.pipeline.loadFacts(path);
    expect(outcome).toMatchObject({ loaded: true, rows: 2, facts: 1, rejectedRows: 1 });
    if (!outcome?.loaded) throw new Error('not loaded');
    const rejects = new TextDecoder().decode(
      await readBytes(harness, harness.stack.buckets.reference, outcome.rejectsKey),
    );
    expect(rejects).toContain(bad);
    expect(rejects).toContain('checksum');
    const profile = (await store.getProfiles([`siren:${siren}`])).get(`siren:${siren}`);
    expect(profile?.headOffice?.value).toEqual({ communeCode: '38185', postcode: '38000', country: 'FR' });
  });

  it('loads a StockUniteLegale extract and refuses a file that is not SIRENE', async () => {
    const siren = syntheticSiren(6007);
    const path = join(dir, 'StockUniteLegale_extrait.csv');
    writeFileSync(
      path,
      stockUniteLegaleCsv([{ siren, denomination: 'SCIC ENERGIE', categorieJuridique: '5710', ess: 'O' }]),
    );
    const [outcome] = await harness.pipeline.loadFacts(path);
    expect(outcome).toMatchObject({ loaded: true, rows: 1, facts: 1, rejectedRows: 0 });
    const profile = (await store.getProfiles([`siren:${siren}`])).get(`siren:${siren}`);
    expect(profile?.ess).toMatchObject({ value: true, source: 'registry' });

    const notSirene = join(dir, 'mandats.csv');
    writeFileSync(notSirene, 'Fournisseur;SIRET;Montant\nACME;;12,00\n');
    const [refused] = await harness.pipeline.loadFacts(notSirene);
    expect(refused).toMatchObject({ loaded: false });
    if (refused && !refused.loaded) expect(refused.reason).toContain('not a SIRENE stock file');
  });

  it('loads a supplier directory under the anchor, each line under each of its keys', async () => {
    const path = join(dir, 'annuaire.csv');
    const siret = syntheticSiret(syntheticSiren(6008), 1);
    writeFileSync(
      path,
      directoryCsv(
        {
          header: ['Fournisseur', 'SIRET', 'Code postal', 'Type de fournisseur'],
          rows: [
            ['Régie de quartier Villeneuve', siret, '38100', 'Association'],
            ['Épicerie Mistral', '', '38000', 'PME'],
          ],
        },
        ';',
      ),
    );
    const [outcome] = await harness.pipeline.loadFacts(path, 'grenoble');
    expect(outcome).toMatchObject({ loaded: true, rows: 2, facts: 5, rejectedRows: 0 });
    const profiles = await store.getProfiles([
      `siret:${siret}`,
      'name:regie de quartier villeneuve@38100',
      'name:epicerie mistral',
    ]);
    expect(profiles.get(`siret:${siret}`)?.supplierType).toMatchObject({
      value: 'association',
      source: 'directory',
    });
    expect(profiles.get('name:regie de quartier villeneuve@38100')?.establishment?.value).toEqual({
      postcode: '38100',
    });
    expect(profiles.get('name:epicerie mistral')?.supplierType?.value).toBe('sme');
  });

  it('loads a directory with two suppliers of the same name in two towns', async () => {
    const path = join(dir, 'annuaire-homonymes.csv');
    writeFileSync(
      path,
      directoryCsv({
        header: ['Fournisseur', 'Code postal', 'Type de fournisseur'],
        rows: [
          ['Boulangerie Martin', '38000', 'PME'],
          ['Boulangerie Martin', '69003', 'PME'],
        ],
      }),
    );
    const [outcome] = await harness.pipeline.loadFacts(path, 'grenoble');
    expect(outcome).toMatchObject({ loaded: true, rows: 2 });
    const profiles = await store.getProfiles([
      'name:boulangerie martin@38000',
      'name:boulangerie martin@69003',
    ]);
    expect(profiles.get('name:boulangerie martin@69003')?.establishment?.value).toEqual({
      postcode: '69003',
    });
  });
});
