import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { ringsNotNested } from '../../../shared/domain/territory/ring-nesting.ts';
import type { Ring, Territory } from '../../../shared/domain/territory/territory.ts';

const geography = loadFrenchGeography();
const label = { fr: 'x', en: 'x' };
const grandParis = [...(geography.epci('200054781')?.members ?? [])];

function territoryOf(...places: Omit<Ring, 'label'>[]): Territory {
  return {
    id: 'under-test',
    name: 'Under test',
    country: 'FR',
    language: 'fr',
    currency: 'EUR',
    rings: places.map((ring) => ({ ...ring, label })),
    localRing: places[0]?.id ?? '',
    anchors: [],
    targets: [],
  };
}

describe('ringsNotNested (real geography)', () => {
  it('finds the rings territory init once wrote for Paris: the Grand Paris inside the département of Paris', () => {
    const paris = territoryOf(
      { id: 'commune', communes: ['75056'] },
      { id: 'epci', communes: grandParis },
      { id: 'departement', departements: ['75'] },
      { id: 'region', regions: ['11'] },
      { id: 'france', countries: ['FR'] },
    );
    expect(ringsNotNested(paris, geography)).toMatch(
      /^ring "departement" does not contain ring "epci": .+ \(9[1-5]\d{3}\) is in "epci" but not in "departement"$/,
    );
  });

  it.each<[string, Omit<Ring, 'label'>[], boolean]>([
    [
      'communes inside their département',
      [
        { id: 'city', communes: ['38185'] },
        { id: 'dep', departements: ['38'] },
        { id: 'france', countries: ['FR'] },
      ],
      true,
    ],
    [
      'a département inside its région',
      [
        { id: 'dep', departements: ['38'] },
        { id: 'region', regions: ['84'] },
        { id: 'france', countries: ['FR'] },
      ],
      true,
    ],
    [
      'a commune inside its région, no département ring between',
      [
        { id: 'city', communes: ['38185'] },
        { id: 'region', regions: ['84'] },
        { id: 'france', countries: ['FR'] },
      ],
      true,
    ],
    [
      'a département inside a ring of each of its communes',
      [
        { id: 'dep', departements: ['975'] },
        { id: 'communes', communes: ['97501', '97502'] },
        { id: 'france', countries: ['FR'] },
      ],
      true,
    ],
    [
      'a commune outside the next ring’s département',
      [
        { id: 'city', communes: ['69123'] },
        { id: 'dep', departements: ['38'] },
        { id: 'france', countries: ['FR'] },
      ],
      false,
    ],
    [
      'a département outside the next ring’s région',
      [
        { id: 'dep', departements: ['38'] },
        { id: 'region', regions: ['93'] },
        { id: 'france', countries: ['FR'] },
      ],
      false,
    ],
    [
      'a région larger than the ring after it',
      [
        { id: 'region', regions: ['84'] },
        { id: 'dep', departements: ['38'] },
        { id: 'france', countries: ['FR'] },
      ],
      false,
    ],
    [
      'a département of which the next ring lists some communes only',
      [
        { id: 'dep', departements: ['975'] },
        { id: 'communes', communes: ['97501'] },
        { id: 'france', countries: ['FR'] },
      ],
      false,
    ],
    [
      'France inside another country',
      [
        { id: 'france', countries: ['FR'] },
        { id: 'uk', countries: ['GB'] },
      ],
      false,
    ],
  ])('%s', (_label, rings, nested) => {
    expect(ringsNotNested(territoryOf(...rings), geography) === undefined).toBe(nested);
  });

  it('passes the bundled French territories', () => {
    for (const territory of BUNDLED_TERRITORIES.values()) {
      if (territory.country === 'FR') expect(ringsNotNested(territory, geography)).toBeUndefined();
    }
  });
});
