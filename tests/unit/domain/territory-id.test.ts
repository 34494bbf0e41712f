import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TerritoryIdSchema } from '../../../shared/domain/territory/territory.ts';
import { territoryIdOf } from '../../../shared/domain/territory/territory-id.ts';

const namesIn = (file: string, key: string): string[] =>
  Object.values(
    JSON.parse(readFileSync(`data/geography/${file}`, 'utf8'))[key] as Record<string, [string]>,
  ).map(([name]) => name);

describe('territoryIdOf', () => {
  it.each([
    ['Rennes Métropole', 'rennes-metropole'],
    ['CC du Sisteronais-Buëch', 'cc-du-sisteronais-buech'],
    ['Marcq-en-Barœul', 'marcq-en-baroeul'],
    ['Vandœuvre-lès-Nancy', 'vandoeuvre-les-nancy'],
    [
      "CA de la Presqu'île de Guérande Atlantique (Cap Atlantique)",
      'ca-de-la-presqu-ile-de-guerande-atlantique-cap-atlantique',
    ],
    ['Île-de-Bréhat', 'ile-de-brehat'],
  ])('%s → %s', (name, id) => {
    expect(territoryIdOf(name)).toBe(id);
  });

  it('gives every commune, EPCI and département of the bundled geography a valid id', () => {
    const names = [
      ...namesIn('france-communes.json', 'communes'),
      ...namesIn('france-epci.json', 'epci'),
      ...namesIn('france-areas.json', 'departements'),
    ];
    const invalid = names.filter((name) => !TerritoryIdSchema.safeParse(territoryIdOf(name)).success);
    expect(invalid).toEqual([]);
  });

  it('never gives an id the schema refuses, whatever the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const id = territoryIdOf(name);
        // A name with no Latin letter or digit (Greek, Cyrillic, punctuation) has none to give.
        expect(id === '' || TerritoryIdSchema.safeParse(id).success).toBe(true);
      }),
    );
  });

  it('keeps the Latin letters and digits of a name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]+( [a-z0-9]+)*$/), (name) => {
        expect(territoryIdOf(name)).toBe(name.replaceAll(' ', '-'));
      }),
    );
  });
});
