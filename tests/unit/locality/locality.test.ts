import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';

const frenchGeography = loadFrenchGeography();

import { locateSupplier } from '../../../shared/domain/locality/locate-supplier.ts';
import { ringOfPlace } from '../../../shared/domain/locality/ring-of-place.ts';
import type { SupplierIdentity } from '../../../shared/domain/spend-line.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';

const grenoble = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!grenoble) throw new Error('the Grenoble territory is bundled');

const supplier = (fields: Partial<SupplierIdentity>): SupplierIdentity => ({
  key: 'k',
  name: 'Test',
  ...fields,
});

describe('the supplier locality chain, on real geography and the Grenoble-Alpes Métropole territory', () => {
  it.each([
    ['Grenoble 38000', { postcode: '38000' }, 'commune', 'file-postcode', false],
    ['Grenoble 38100', { postcode: '38100' }, 'commune', 'file-postcode', false],
    ['Échirolles 38130', { postcode: '38130' }, 'metropole', 'file-postcode', false],
    ["Saint-Martin-d'Hères 38400", { postcode: '38400' }, 'metropole', 'file-postcode', false],
    [
      'Voiron 38500, Isère outside the Métropole',
      { postcode: '38500' },
      'departement',
      'file-postcode',
      false,
    ],
    ['38220 straddles the Métropole boundary', { postcode: '38220' }, 'departement', 'file-postcode', true],
    ['Lyon 69003, same région', { postcode: '69003' }, 'region', 'file-postcode', false],
    ['Paris 75015', { postcode: '75015' }, 'france', 'file-postcode', false],
    [
      'CEDEX 38044 without a commune name: its département, which holds the city, so ambiguous',
      { postcode: '38044' },
      'departement',
      'postcode-departement',
      true,
    ],
    ['Ajaccio 20000 (Corse-du-Sud)', { postcode: '20000' }, 'france', 'file-postcode', false],
    ['Porto-Vecchio 20137 (Corse-du-Sud)', { postcode: '20137' }, 'france', 'file-postcode', false],
    ['Saint-Denis de La Réunion 97400', { postcode: '97400' }, 'france', 'file-postcode', false],
    [
      'an INSEE commune code column wins',
      { communeCode: '38185', postcode: '75015' },
      'commune',
      'file-commune',
      false,
    ],
    [
      'a German VAT number',
      { identifier: { scheme: 'vat', value: 'DE292990164', country: 'DE' } },
      'abroad',
      'foreign-identifier',
      false,
    ],
    ['a country column (Allemagne)', { country: 'DE' }, 'abroad', 'file-country', false],
    [
      'a foreign postcode is not read as French',
      { country: 'DE', postcode: '80331' },
      'abroad',
      'file-country',
      false,
    ],
    [
      'a SIRET alone says nothing of the place',
      { identifier: { scheme: 'siret', value: '30923145400062' } },
      'unknown',
      'none',
      false,
    ],
    ['nothing at all', {}, 'unknown', 'none', false],
  ] as const)('%s → %s', (_label, fields, ring, source, ambiguous) => {
    const located = locateSupplier(
      supplier(fields as Partial<SupplierIdentity>),
      undefined,
      frenchGeography,
    ).establishment;
    expect(located.source).toBe(source);
    expect(ringOfPlace(located.place, grenoble, frenchGeography)).toEqual({ ring, ambiguous });
  });

  it('maps Corsican and overseas postcodes to their départements', () => {
    expect(frenchGeography.departementOfPostcode('20000')).toBe('2A');
    expect(frenchGeography.departementOfPostcode('20200')).toBe('2B');
    expect(frenchGeography.departementOfPostcode('97400')).toBe('974');
    expect(frenchGeography.departementOfPostcode('38044')).toBe('38');
    expect(frenchGeography.departementOfPostcode('99999')).toBeUndefined();
    expect(frenchGeography.regionOfDepartement('2A')).toBe('94');
  });

  it('knows a postcode shared by several communes', () => {
    expect(frenchGeography.communesOfPostcode('38220').length).toBeGreaterThan(5);
    expect(frenchGeography.communesOfPostcode('38000')).toEqual(['38185']);
  });
});
