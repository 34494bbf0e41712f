import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import { ringsNotNested } from '../../../shared/domain/territory/ring-nesting.ts';
import { type Ring, TerritorySchema } from '../../../shared/domain/territory/territory.ts';
import {
  type GeneratedTerritory,
  territoryForCommune,
  territoryForDepartement,
  territoryForEpci,
} from '../../../shared/domain/territory/territory-from-geography.ts';

const geography = loadFrenchGeography();
const table = (file: string) => JSON.parse(readFileSync(`data/geography/${file}`, 'utf8'));
const EPCI_SIRENS: string[] = Object.keys(table('france-epci.json').epci);
const COMMUNE_CODES: string[] = Object.keys(table('france-communes.json').communes);
const DEPARTEMENT_CODES: string[] = Object.keys(table('france-areas.json').departements);

function built(result: ReturnType<typeof territoryForEpci>): GeneratedTerritory {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

const ring = (generated: GeneratedTerritory, id: string): Ring | undefined =>
  generated.territory.rings.find((candidate) => candidate.id === id);

/** Every generated territory: a valid file whose rings each hold the one inside. */
function expectSound(generated: GeneratedTerritory): void {
  expect(TerritorySchema.safeParse(generated.territory).success).toBe(true);
  expect(ringsNotNested(generated.territory, geography)).toBeUndefined();
}

describe('territory init on places whose rings are not obvious (real geography)', () => {
  it('Paris: the département ring holds every département of the Métropole du Grand Paris', () => {
    const paris = built(territoryForCommune('75056', geography));
    expectSound(paris);
    expect(paris.territory.rings.map((r) => r.id)).toEqual([
      'commune',
      'epci',
      'departement',
      'region',
      'france',
    ]);
    expect(ring(paris, 'epci')?.communes).toHaveLength(130);
    expect(ring(paris, 'departement')?.departements).toEqual(['75', '91', '92', '93', '94', '95']);
    expect(ring(paris, 'region')?.regions).toEqual(['11']);
    expect(paris.notes).toEqual([
      expect.stringContaining(
        'the département ring holds the 6 départements Métropole du Grand Paris reaches',
      ),
    ]);
  });

  it.each<[string, string, string[], string[]]>([
    [
      'CC du Sisteronais-Buëch: three départements, two régions',
      '200068765',
      ['04', '05', '26'],
      ['84', '93'],
    ],
    [
      'CA Redon Agglomération: three départements, two régions',
      '243500741',
      ['35', '44', '56'],
      ['52', '53'],
    ],
    ['CA du Grand Avignon: two départements, two régions', '248400251', ['30', '84'], ['76', '93']],
    ['Rennes Métropole: one of each', '243500139', ['35'], ['53']],
  ])('%s', (_label, siren, departements, regions) => {
    const epci = built(territoryForEpci(siren, geography));
    expectSound(epci);
    expect(ring(epci, 'departement')?.departements).toEqual(departements);
    expect(ring(epci, 'region')?.regions).toEqual(regions);
    expect(epci.notes).toHaveLength((departements.length > 1 ? 1 : 0) + (regions.length > 1 ? 1 : 0));
  });

  it('a commune of an EPCI over two régions gets both régions, not only its own', () => {
    // Avignon (84, Provence-Alpes-Côte d'Azur) is in the Grand Avignon, which reaches the Gard (Occitanie).
    const avignon = built(territoryForCommune('84007', geography));
    expectSound(avignon);
    expect(ring(avignon, 'region')?.regions).toEqual(['76', '93']);
  });

  it('Lyon: the Métropole de Lyon, in the Rhône only', () => {
    const lyon = built(territoryForCommune('69123', geography));
    expectSound(lyon);
    expect(lyon.territory.localRing).toBe('epci');
    expect(ring(lyon, 'epci')?.epci).toBe('200046977');
    expect(ring(lyon, 'departement')?.departements).toEqual(['69']);
    expect(lyon.notes).toEqual([]);
  });

  it.each<[string, string, string[], RegExp]>([
    ['a commune in no EPCI (Île-de-Bréhat)', '22016', ['commune', 'departement', 'region', 'france'], /^$/],
    [
      'a collectivité d’outre-mer with a département code but no région (Saint-Pierre)',
      '97502',
      ['commune', 'departement', 'france'],
      /^no région ring: Saint-Pierre-et-Miquelon \(975\) is in no région$/,
    ],
    [
      'a collectivité d’outre-mer with neither (Arue, Polynésie française)',
      '98712',
      ['commune', 'france'],
      /^no département or région ring: Arue \(98712\) is in no département/,
    ],
  ])('%s', (_label, code, rings, note) => {
    const commune = built(territoryForCommune(code, geography));
    expectSound(commune);
    expect(commune.territory.rings.map((r) => r.id)).toEqual(rings);
    expect(commune.territory.localRing).toBe('commune');
    expect(commune.notes.join('\n')).toMatch(note);
  });

  it.each<[string, () => ReturnType<typeof territoryForEpci>, string]>([
    [
      'a municipal arrondissement',
      () => territoryForCommune('75101', geography),
      'no commune has the INSEE code 75101: 75101 is a municipal arrondissement of Paris, pass --commune 75056',
    ],
    [
      'an EPCI’s SIREN as a commune',
      () => territoryForCommune('243500139', geography),
      'no commune has the INSEE code 243500139: 243500139 is the SIREN of Rennes Métropole, pass --epci 243500139',
    ],
    [
      'a commune’s code as an EPCI',
      () => territoryForEpci('35238', geography),
      'no EPCI has the SIREN 35238: 35238 is the INSEE code of Rennes, pass --commune 35238',
    ],
    [
      'a commune’s code as a département',
      () => territoryForDepartement('38185', geography),
      'no département has the code 38185: 38185 is the INSEE code of Grenoble, pass --commune 38185',
    ],
    ['a code of nothing', () => territoryForEpci('999999999', geography), 'no EPCI has the SIREN 999999999'],
  ])('refuses %s, saying what to pass instead', (_label, build, reason) => {
    expect(build()).toEqual({ ok: false, reason });
  });
});

describe('every place of the bundled geography gets rings that nest', () => {
  it('every EPCI', () => {
    for (const siren of EPCI_SIRENS) expectSound(built(territoryForEpci(siren, geography)));
  });

  it('every département', () => {
    for (const code of DEPARTEMENT_CODES) {
      const departement = built(territoryForDepartement(code, geography));
      expectSound(departement);
      expect(departement.territory.rings[0]).toMatchObject({ id: 'departement', departements: [code] });
    }
  });

  it('every commune, its EPCI inside its outer rings', () => {
    for (const code of COMMUNE_CODES) {
      const commune = built(territoryForCommune(code, geography));
      expectSound(commune);
      expect(commune.territory.rings[0]?.communes).toEqual([code]);
    }
  });
});
