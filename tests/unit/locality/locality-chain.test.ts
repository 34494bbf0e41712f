import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import { normaliseCommuneName } from '../../../shared/domain/locality/commune-name.ts';
import { locateSupplier } from '../../../shared/domain/locality/locate-supplier.ts';
import { ringOfPlace } from '../../../shared/domain/locality/ring-of-place.ts';
import type { SupplierIdentity } from '../../../shared/domain/spend-line.ts';
import type { SupplierProfile } from '../../../shared/domain/supplier-profile.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import type { Territory } from '../../../shared/domain/territory/territory.ts';

const geography = loadFrenchGeography();
const territory = (id: string): Territory => {
  const found = BUNDLED_TERRITORIES.get(id);
  if (!found) throw new Error(`${id} is bundled`);
  return found;
};
const grenoble = territory('grenoble-alpes-metropole');
const oxford = territory('oxford');

const identity = (fields: Partial<SupplierIdentity>): SupplierIdentity => ({
  key: 'k',
  name: 'Test',
  ...fields,
});
const asOf = '2026-01-01';

function rings(fields: Partial<SupplierIdentity>, profile?: Omit<SupplierProfile, 'key'>, where = grenoble) {
  const location = locateSupplier(
    identity(fields),
    profile ? { key: 'k', ...profile } : undefined,
    geography,
  );
  return {
    establishment: {
      ...ringOfPlace(location.establishment.place, where, geography),
      source: location.establishment.source,
    },
    headOffice: {
      ...ringOfPlace(location.headOffice.place, where, geography),
      source: location.headOffice.source,
    },
  };
}

describe('the locality chain, step by step', () => {
  it('an override wins over every other source, in its own view only', () => {
    const result = rings(
      { postcode: '75015' },
      { establishment: { value: { communeCode: '38185' }, source: 'override', asOf } },
    );
    expect(result.establishment).toEqual({ ring: 'commune', ambiguous: false, source: 'override' });
    expect(result.headOffice).toEqual({ ring: 'unknown', ambiguous: false, source: 'none' });
  });

  it('the registry gives the establishment (SIRET) and the head office (SIREN) apart: a national firm’s Grenoble branch', () => {
    const result = rings(
      { identifier: { scheme: 'siret', value: '30923145400062' }, postcode: '38000' },
      {
        establishment: { value: { communeCode: '38151' }, source: 'registry', asOf },
        headOffice: { value: { communeCode: '75056' }, source: 'registry', asOf },
      },
    );
    expect(result.establishment).toEqual({ ring: 'metropole', ambiguous: false, source: 'registry' });
    expect(result.headOffice).toEqual({ ring: 'france', ambiguous: false, source: 'registry' });
  });

  it('a file postcode says where the establishment is, never where the head office is', () => {
    expect(rings({ postcode: '38000' }).headOffice).toEqual({
      ring: 'unknown',
      ambiguous: false,
      source: 'none',
    });
  });

  it.each([
    ['Vizille', 'metropole'],
    ['Laffrey', 'departement'],
    ['SAINT PIERRE DE MESAGE', 'metropole'],
    ['St-Pierre-de-Mésage CEDEX 9', 'metropole'],
    ['Ville inconnue', 'departement'],
  ])(
    'a commune name (%s) picks among the communes of 38220, which straddles the Métropole',
    (commune, ring) => {
      const result = rings({ postcode: '38220', commune });
      expect(result.establishment.ring).toBe(ring);
      expect(result.establishment.ambiguous).toBe(commune === 'Ville inconnue');
    },
  );

  it('reads commune names the way files write them', () => {
    expect(normaliseCommuneName("ST MARTIN D'HERES CEDEX 9")).toBe(
      normaliseCommuneName("Saint-Martin-d'Hères"),
    );
    expect(normaliseCommuneName('Ste-Agnès')).toBe('sainte agnes');
  });

  it('a commune is located by its own SIREN, in both views', () => {
    const result = rings({ identifier: { scheme: 'siret', value: '21380185500015' } });
    expect(result.establishment).toEqual({ ring: 'commune', ambiguous: false, source: 'public-body' });
    expect(result.headOffice).toEqual({ ring: 'commune', ambiguous: false, source: 'public-body' });
  });

  it('an EPCI is located by its SIREN as the whole of its area, not as an ambiguous place', () => {
    expect(rings({ identifier: { scheme: 'siren', value: '200040715' } }).establishment).toEqual({
      ring: 'metropole',
      ambiguous: false,
      source: 'public-body',
    });
  });

  it('an arrondissement of Lyon (as SIRENE writes it) counts as Lyon', () => {
    expect(rings({ communeCode: '69383' }).establishment.ring).toBe('region');
    const lyon = rings({ communeCode: '69383' }, undefined, {
      ...grenoble,
      rings: [
        { id: 'lyon', label: { fr: 'Lyon', en: 'Lyon' }, communes: ['69123'] },
        ...grenoble.rings.slice(2),
      ],
      localRing: 'lyon',
    });
    expect(lyon.establishment.ring).toBe('lyon');
  });

  it('a foreign VAT number is abroad in both views', () => {
    const result = rings({ identifier: { scheme: 'vat', value: 'DE292990164', country: 'DE' } });
    expect(result.establishment.ring).toBe('abroad');
    expect(result.headOffice).toEqual({ ring: 'abroad', ambiguous: false, source: 'foreign-identifier' });
  });

  it.each([
    ['OX4 2HN', 'city'],
    ['OX1 1AA', 'city'],
    ['OX12 9AB', 'oxfordshire'],
    ['SW1A 1AA', 'uk'],
  ])('a UK postcode district (%s) with the Oxford territory → %s', (postcode, ring) => {
    expect(rings({ postcode }, undefined, oxford).establishment.ring).toBe(ring);
  });

  it('a French supplier seen from Oxford is abroad', () => {
    expect(rings({ postcode: '38000' }, undefined, oxford).establishment.ring).toBe('abroad');
  });

  it('a directory postcode (UK supplier directory) locates the establishment', () => {
    const result = rings(
      {},
      { establishment: { value: { postcode: 'OX4 2HN', country: 'GB' }, source: 'directory', asOf } },
      oxford,
    );
    expect(result.establishment).toEqual({ ring: 'city', ambiguous: false, source: 'directory' });
  });

  it('a local-authority code from the council’s directory places a supplier in a ring of local authorities', () => {
    const byAuthority: Territory = {
      ...oxford,
      rings: [
        { id: 'city', label: { fr: 'Oxford', en: 'Oxford' }, localAuthorities: ['E07000178'] },
        ...oxford.rings.slice(1),
      ],
    };
    const inCity = rings(
      {},
      {
        establishment: {
          value: { localAuthority: 'E07000178', postcode: 'OX12 9AB' },
          source: 'directory',
          asOf,
        },
      },
      byAuthority,
    );
    expect(inCity.establishment).toEqual({ ring: 'city', ambiguous: false, source: 'directory' });
    const elsewhere = rings(
      {},
      {
        establishment: {
          value: { localAuthority: 'E07000179', postcode: 'OX12 9AB' },
          source: 'directory',
          asOf,
        },
      },
      byAuthority,
    );
    expect(elsewhere.establishment.ring).toBe('oxfordshire');
  });
});
