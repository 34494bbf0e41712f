import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import { locateSupplier } from '../../../shared/domain/locality/locate-supplier.ts';
import { ringOfPlace } from '../../../shared/domain/locality/ring-of-place.ts';
import type { SupplierIdentity } from '../../../shared/domain/spend-line.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';

const geography = loadFrenchGeography();
const grenoble = (() => {
  const found = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
  if (!found) throw new Error('the Grenoble territory is bundled');
  return found;
})();

function locate(fields: Partial<SupplierIdentity>) {
  const { place, source } = locateSupplier(
    { key: 'k', name: 'Test', ...fields },
    undefined,
    geography,
  ).establishment;
  return { place, source, ...ringOfPlace(place, grenoble, geography) };
}

// A CEDEX postcode belongs to a sorting office, not to a commune: the postcode table does not know
// it, so only the commune column (with "CEDEX n" dropped) can say which commune the supplier is in.
describe('a CEDEX postcode with a commune column, for the Grenoble-Alpes Métropole territory', () => {
  it.each([
    ['Services Postaux, 38044 Grenoble Cedex 9', '38044', 'Grenoble Cedex 9', ['38185'], 'commune'],
    ['38044 GRENOBLE CEDEX, no number', '38044', 'GRENOBLE CEDEX', ['38185'], 'commune'],
    ["38402 St Martin d'Hères Cedex", '38402', "ST MARTIN D'HERES CEDEX", ['38421'], 'metropole'],
    // The geography knows arrondissements by code only, and a CEDEX number is a sorting office's
    // number, not an arrondissement: the supplier is placed in its city, as arrondissements count.
    ['75700 Paris Cedex 07', '75700', 'Paris Cedex 07', ['75056'], 'france'],
    ['69421 Lyon Cedex 03', '69421', 'Lyon Cedex 03', ['69123'], 'region'],
  ] as const)('%s → its commune', (_label, postcode, commune, codes, ring) => {
    expect(locate({ postcode, commune })).toEqual({
      place: { kind: 'communes', codes, alternatives: true },
      source: 'file-postcode',
      ring,
      ambiguous: false,
    });
  });

  it.each([
    ['no commune column', undefined],
    ['a commune name the département does not have', 'Lyon Cedex 03'],
    ['a commune column holding only CEDEX', 'CEDEX 9'],
  ])('38044 with %s: Isère, ambiguous, never a located leak', (_label, commune) => {
    expect(locate({ postcode: '38044', commune })).toEqual({
      place: { kind: 'departement', code: '38' },
      source: 'postcode-departement',
      ring: 'departement',
      ambiguous: true,
    });
  });

  it('a département that holds no more local ring stays a plain answer (Savoie, 73011 Chambéry Cedex unknown)', () => {
    expect(locate({ postcode: '73011' })).toMatchObject({ ring: 'region', ambiguous: false });
  });
});
