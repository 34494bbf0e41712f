/**
 * The API Sirene against a local server replaying SYNTHETIC recorded answers in INSEE's shapes:
 * the facts each becomes (written out), the head office fetched on its own, and INSEE's refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiSireneLookup } from '../../../shared/adapters/company-lookup/api-sirene-lookup.ts';
import type { LookupAnswer } from '../../../shared/ports/company-lookup.ts';
import { syntheticSiren, syntheticSiret } from '../../fixtures/built/sirene.ts';
import { fakeTime } from '../../support/fake-time.ts';
import { type LookupServer, type Reply, recorded, startLookupServer } from '../../support/lookup-server.ts';

const DAY = '2026-03-15';
const KEY = 'synthetic-test-key';
const VIA = { via: 'api-sirene', retrievedOn: DAY } as const;

const RECORDED = new Set([
  'siret-80000701500020.json',
  'siret-80000701500012.json',
  'siren-800007023.json',
  'siret-80000702300016.json',
  'siret-80000703100019.json',
  'siret-80000704900011.json',
  'siret-80000705600024.json',
  'siret-80000705600016.json',
]);
/** Identifiers the server answers with one of INSEE's refusals or a broken answer. */
const SPECIAL: Record<string, Reply> = {
  [syntheticSiren(706)]: { status: 200, body: recorded('api-sirene', 'malformed.json') },
  [syntheticSiret(syntheticSiren(706), 2)]: { status: 200, body: recorded('api-sirene', 'malformed.json') },
  [syntheticSiret(syntheticSiren(707), 1)]: {
    status: 403,
    body: recorded('api-sirene', 'non-diffusible-403.json'),
  },
  [syntheticSiret(syntheticSiren(708), 1)]: { status: 403, body: '{"message":"Forbidden"}' },
};

let server: LookupServer;
beforeAll(async () => {
  server = await startLookupServer(({ path, headers }) => {
    if (headers['x-insee-api-key-integration'] !== KEY)
      return { status: 401, body: '{"message":"Unauthorized"}' };
    const match = /^\/(siret|siren)\/(\d+)$/.exec(path);
    const special = SPECIAL[match?.[2] ?? ''];
    if (special) return special;
    const file = `${match?.[1]}-${match?.[2]}.json`;
    return RECORDED.has(file)
      ? { status: 200, body: recorded('api-sirene', file) }
      : { status: 404, body: recorded('api-sirene', 'not-found-404.json') };
  });
});
afterAll(() => server.close());

const lookupOf = (apiKey = KEY) => {
  const time = fakeTime(`${DAY}T09:00:00Z`);
  return createApiSireneLookup({ apiKey, baseUrl: server.url, clock: time.clock, sleep: time.sleep });
};

const companyUnit = {
  kind: 'unit',
  siren: '800007015',
  name: 'ATELIERS SYNTHETIQUES DU PORT',
  legalCategory: '5710',
  ess: false,
  sizeCategory: 'PME',
  headcountBand: '21',
  activity: '25.62B',
  ceased: false,
  asOf: '2025-10-02',
  ...VIA,
} as const;
const companyBranch = {
  kind: 'establishment',
  siret: '80000701500020',
  place: { communeCode: '44184', postcode: '44600', country: 'FR' },
  headOffice: false,
  closed: false,
  name: 'ASP CHANTIER',
  activity: '33.15Z',
  headcountBand: '11',
  asOf: '2025-09-12',
  ...VIA,
} as const;

const CASES: readonly {
  readonly who: string;
  readonly identifier: string;
  readonly expected: LookupAnswer;
}[] = [
  {
    who: "a company's branch: the branch, then its head office fetched on its own",
    identifier: syntheticSiret(syntheticSiren(701), 2),
    expected: {
      status: 'found',
      unit: companyUnit,
      establishments: [
        companyBranch,
        {
          kind: 'establishment',
          siret: '80000701500012',
          place: { communeCode: '44109', postcode: '44000', country: 'FR' },
          headOffice: true,
          closed: false,
          activity: '25.62B',
          headcountBand: '12',
          asOf: '2025-10-02',
          ...VIA,
        },
      ],
    },
  },
  {
    who: "an ESS cooperative asked by SIREN: the current period's values, then the head office",
    identifier: syntheticSiren(702),
    expected: {
      status: 'found',
      unit: {
        kind: 'unit',
        siren: '800007023',
        name: 'COOPERATIVE SYNTHETIQUE DES VERGERS',
        legalCategory: '5485',
        ess: true,
        sizeCategory: 'PME',
        headcountBand: '12',
        activity: '01.24Z',
        ceased: false,
        asOf: '2025-06-11',
        ...VIA,
      },
      establishments: [
        {
          kind: 'establishment',
          siret: '80000702300016',
          place: { communeCode: '35238', postcode: '35000', country: 'FR' },
          headOffice: true,
          closed: false,
          activity: '01.24Z',
          headcountBand: '03',
          asOf: '2025-06-11',
          ...VIA,
        },
      ],
    },
  },
  {
    who: 'an entrepreneur individuel: a natural person, named by first name and usual name',
    identifier: syntheticSiret(syntheticSiren(703), 1),
    expected: {
      status: 'found',
      unit: {
        kind: 'unit',
        siren: '800007031',
        name: 'CAMILLE EXEMPLE-TEST',
        legalCategory: '1000',
        ess: false,
        sizeCategory: 'PME',
        activity: '10.71C',
        naturalPerson: true,
        ceased: false,
        asOf: '2024-12-01',
        ...VIA,
      },
      establishments: [
        {
          kind: 'establishment',
          siret: '80000703100019',
          place: { communeCode: '69383', postcode: '69003', country: 'FR' },
          headOffice: true,
          closed: false,
          name: 'FOURNIL DE CAMILLE',
          activity: '10.71C',
          asOf: '2024-12-01',
          ...VIA,
        },
      ],
    },
  },
  {
    who: 'a ceased unit and its closed head office (ESS not stated: no ess)',
    identifier: syntheticSiret(syntheticSiren(704), 1),
    expected: {
      status: 'found',
      unit: {
        kind: 'unit',
        siren: '800007049',
        name: 'ANCIENNE MENUISERIE SYNTHETIQUE',
        legalCategory: '5499',
        activity: '16.23Z',
        ceased: true,
        asOf: '2023-02-14',
        ...VIA,
      },
      establishments: [
        {
          kind: 'establishment',
          siret: '80000704900011',
          place: { communeCode: '21231', postcode: '21000', country: 'FR' },
          headOffice: true,
          closed: true,
          activity: '16.23Z',
          asOf: '2023-02-14',
          ...VIA,
        },
      ],
    },
  },
  {
    who: "a foreign company's French branch and its head office abroad",
    identifier: syntheticSiret(syntheticSiren(705), 2),
    expected: {
      status: 'found',
      unit: {
        kind: 'unit',
        siren: '800007056',
        name: 'SYNTHETIK MASCHINENBAU GMBH',
        legalCategory: '3120',
        ess: false,
        sizeCategory: 'ETI',
        headcountBand: '02',
        activity: '28.41Z',
        ceased: false,
        asOf: '2025-01-20',
        ...VIA,
      },
      establishments: [
        {
          kind: 'establishment',
          siret: '80000705600024',
          place: { communeCode: '67482', postcode: '67000', country: 'FR' },
          headOffice: false,
          closed: false,
          activity: '46.69B',
          headcountBand: '02',
          asOf: '2025-01-20',
          ...VIA,
        },
        {
          kind: 'establishment',
          siret: '80000705600016',
          place: { country: 'DE' },
          headOffice: true,
          closed: false,
          activity: '28.41Z',
          asOf: '2025-01-20',
          ...VIA,
        },
      ],
    },
  },
  {
    who: 'a SIRET INSEE does not know (404)',
    identifier: syntheticSiret(syntheticSiren(709), 1),
    expected: { status: 'not-found' },
  },
  {
    who: 'a SIREN INSEE does not know (404)',
    identifier: syntheticSiren(709),
    expected: { status: 'not-found' },
  },
  {
    who: "a non-diffusible establishment (INSEE's 403)",
    identifier: syntheticSiret(syntheticSiren(707), 1),
    expected: { status: 'not-found' },
  },
];

describe('createApiSireneLookup', () => {
  it.each(CASES)('$who', async ({ identifier, expected }) => {
    expect(await lookupOf().lookup(identifier)).toEqual(expected);
  });

  it("sends the key in INSEE's header, and asks for the head office only when needed", async () => {
    const before = server.received.length;
    await lookupOf().lookup('80000703100019');
    const asked = server.received.slice(before);
    expect(asked.map((request) => request.path)).toEqual(['/siret/80000703100019']);
    expect(asked[0]?.headers['x-insee-api-key-integration']).toBe(KEY);
  });

  it('keeps the unit and the branch when the head office is not served', async () => {
    const branchOnly = await startLookupServer(({ path }) =>
      path === '/siret/80000701500020'
        ? { status: 200, body: recorded('api-sirene', 'siret-80000701500020.json') }
        : { status: 404, body: recorded('api-sirene', 'not-found-404.json') },
    );
    try {
      const time = fakeTime(`${DAY}T09:00:00Z`);
      const lookup = createApiSireneLookup({
        apiKey: KEY,
        baseUrl: branchOnly.url,
        clock: time.clock,
        sleep: time.sleep,
      });
      expect(await lookup.lookup('80000701500020')).toEqual({
        status: 'found',
        unit: companyUnit,
        establishments: [companyBranch],
      });
    } finally {
      await branchOnly.close();
    }
  });

  it.each([
    ['a refused key (401)', 'wrong-key', '80000701500020', /^api-sirene: HTTP 401: the API key was refused$/],
    [
      "a gateway 403 without INSEE's header",
      KEY,
      syntheticSiret(syntheticSiren(708), 1),
      /^api-sirene: HTTP 403: /,
    ],
    [
      'a malformed SIRET answer',
      KEY,
      syntheticSiret(syntheticSiren(706), 2),
      /^api-sirene: malformed answer at etablissement\./,
    ],
    ['a malformed SIREN answer', KEY, syntheticSiren(706), /^api-sirene: malformed answer at uniteLegale/],
  ])('reports %s as unavailable, never not-found', async (_what, apiKey, identifier, reason) => {
    const answer = await lookupOf(apiKey).lookup(identifier);
    expect(answer).toEqual({ status: 'unavailable', reason: expect.stringMatching(reason) });
  });

  it('refuses to be built without a key', () => {
    expect(() => createApiSireneLookup({ apiKey: ' ' })).toThrow(/API key/);
  });
});
