/**
 * Recherche d'entreprises against a local server replaying SYNTHETIC recorded answers: what each
 * answer becomes (expected facts written out), and what is never asked of the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rechercheEntreprisesFacts } from '../../../shared/adapters/company-lookup/recherche-entreprises-facts.ts';
import { createRechercheEntreprisesLookup } from '../../../shared/adapters/company-lookup/recherche-entreprises-lookup.ts';
import type { LookupAnswer } from '../../../shared/ports/company-lookup.ts';
import { syntheticSiren, syntheticSiret } from '../../fixtures/built/sirene.ts';
import { fakeTime } from '../../support/fake-time.ts';
import { type LookupServer, recorded, startLookupServer } from '../../support/lookup-server.ts';

const DAY = '2026-03-15';
const VIA = { via: 'recherche-entreprises', retrievedOn: DAY } as const;

/** Each SYNTHETIC SIREN's recorded answer, whatever SIREN or SIRET of it is asked. */
const ANSWERS: Record<string, string> = {
  [syntheticSiren(701)]: 'company-branch-siret.json',
  [syntheticSiren(702)]: 'ess-cooperative-siren.json',
  [syntheticSiren(703)]: 'entrepreneur-individuel-siret.json',
  [syntheticSiren(704)]: 'ceased-unit-siret.json',
  [syntheticSiren(705)]: 'foreign-company-branch-siret.json',
  [syntheticSiren(706)]: 'malformed.json',
};

let server: LookupServer;
beforeAll(async () => {
  server = await startLookupServer(({ path, query }) => {
    const file = ANSWERS[(query.get('q') ?? '').slice(0, 9)] ?? 'empty.json';
    return path === '/search'
      ? { status: 200, body: recorded('recherche-entreprises', file) }
      : { status: 404, body: '{"erreur":"not found"}' };
  });
});
afterAll(() => server.close());

const lookupOf = () => {
  const time = fakeTime(`${DAY}T09:00:00Z`);
  return {
    time,
    lookup: createRechercheEntreprisesLookup({ baseUrl: server.url, clock: time.clock, sleep: time.sleep }),
  };
};

const companyHeadOffice = {
  kind: 'establishment',
  siret: '80000701500012',
  place: { communeCode: '44109', postcode: '44000', country: 'FR' },
  headOffice: true,
  closed: false,
  activity: '25.62B',
  headcountBand: '12',
  asOf: '2025-10-02',
  ...VIA,
} as const;
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

const CASES: readonly {
  readonly who: string;
  readonly identifier: string;
  readonly expected: LookupAnswer;
}[] = [
  {
    who: "a company's branch: the branch, then the head office",
    identifier: syntheticSiret(syntheticSiren(701), 2),
    expected: {
      status: 'found',
      unit: companyUnit,
      establishments: [
        {
          kind: 'establishment',
          siret: '80000701500020',
          place: { communeCode: '44184', postcode: '44600', country: 'FR' },
          headOffice: false,
          closed: false,
          name: 'ASP CHANTIER',
          activity: '33.15Z',
          headcountBand: '11',
          // The matching establishments carry no update date: the day asked stands in.
          asOf: DAY,
          ...VIA,
        },
        companyHeadOffice,
      ],
    },
  },
  {
    who: 'a SIRET of a known SIREN missing from the answer: the unit and the head office only',
    identifier: syntheticSiret(syntheticSiren(701), 3),
    expected: { status: 'found', unit: companyUnit, establishments: [companyHeadOffice] },
  },
  {
    who: 'an ESS cooperative asked by SIREN',
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
    who: 'an entrepreneur individuel: a natural person, named without the brackets',
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
    who: 'a ceased unit and its closed establishment',
    identifier: syntheticSiret(syntheticSiren(704), 1),
    expected: {
      status: 'found',
      unit: {
        kind: 'unit',
        siren: '800007049',
        name: 'ANCIENNE MENUISERIE SYNTHETIQUE',
        legalCategory: '5499',
        ess: false,
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
    who: "a foreign company's French branch: the head office is abroad",
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
          asOf: DAY,
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
  { who: 'an empty result list', identifier: syntheticSiren(709), expected: { status: 'not-found' } },
];

describe('createRechercheEntreprisesLookup', () => {
  it.each(CASES)('$who', async ({ identifier, expected }) => {
    expect(await lookupOf().lookup.lookup(identifier)).toEqual(expected);
  });

  it('asks for the identifier exactly, with the minimal answer and its head office', async () => {
    await lookupOf().lookup.lookup('80000701500020');
    const query = server.received.at(-1)?.query;
    expect(query?.get('q')).toBe('80000701500020');
    expect(query?.get('minimal')).toBe('true');
    expect(query?.get('include')).toBe('siege,complements,matching_etablissements');
  });

  it('reports a malformed answer as unavailable, with where it broke', async () => {
    const answer = await lookupOf().lookup.lookup(syntheticSiren(706));
    expect(answer).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/^recherche-entreprises: malformed answer at results\.0\.siren: /),
    });
  });

  it.each(['', '80000701', '800 007 015', '80000701500020 ', 'FR800007015'])(
    'refuses %j without asking the server',
    async (identifier) => {
      const before = server.received.length;
      const answer = await lookupOf().lookup.lookup(identifier);
      expect(answer).toEqual({ status: 'unavailable', reason: expect.stringMatching(/invalid identifier/) });
      expect(server.received.length).toBe(before);
    },
  );
});

describe('rechercheEntreprisesFacts', () => {
  const branchAnswer = () => JSON.parse(recorded('recherche-entreprises', 'company-branch-siret.json'));
  const asked = { kind: 'siret', siren: '800007015', siret: '80000701500020' } as const;

  it('treats a unit under partial diffusion as not public', () => {
    const answer = branchAnswer();
    answer.results[0].statut_diffusion = 'P';
    expect(rechercheEntreprisesFacts(answer, asked, DAY)).toEqual({ status: 'not-found' });
  });

  it('places abroad, country unknown, a matching establishment with neither commune nor postcode', () => {
    const answer = branchAnswer();
    answer.results[0].matching_etablissements[0].commune = null;
    answer.results[0].matching_etablissements[0].code_postal = null;
    const facts = rechercheEntreprisesFacts(answer, asked, DAY);
    expect(facts.status === 'found' && facts.establishments[0]?.place).toEqual({ country: 'ZZ' });
  });

  it('answers not-found when the result is another SIREN', () => {
    const other = { kind: 'siren', siren: '800007023' } as const;
    expect(rechercheEntreprisesFacts(branchAnswer(), other, DAY)).toEqual({ status: 'not-found' });
  });

  it.each([
    undefined,
    'not json',
    { results: 'none' },
    { results: [{ siren: '800007015', siege: { siret: 1 } }] },
  ])('never throws on %j', (body) => {
    expect(rechercheEntreprisesFacts(body, asked, DAY).status).toBe('unavailable');
  });
});
