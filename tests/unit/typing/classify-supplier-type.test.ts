import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeProfile } from '../../../shared/domain/registry/merge-profile.ts';
import { recogniseSireneHeader, unitFactsOf } from '../../../shared/domain/registry/sirene-rows.ts';
import type { FactSource, SupplierProfile } from '../../../shared/domain/supplier-profile.ts';
import { SUPPLIER_TYPE_IDS } from '../../../shared/domain/supplier-type.ts';
import {
  classifySupplierType,
  type SupplierTypeClassification,
} from '../../../shared/domain/typing/classify-supplier-type.ts';

const AS_OF = '2025-03-01';
const fact = <T>(value: T, source: FactSource = 'registry') => ({ value, source, asOf: AS_OF });

interface Registry {
  readonly cj?: string;
  readonly ess?: boolean;
  readonly size?: 'PME' | 'ETI' | 'GE';
  readonly band?: string;
}

/** A profile as a SIRENE unit load leaves it. */
const registryProfile = ({ cj, ess, size, band }: Registry): SupplierProfile => ({
  key: 'siren:123456789',
  ...(cj === undefined ? {} : { legalCategory: fact(cj) }),
  ...(ess === undefined ? {} : { ess: fact(ess) }),
  ...(size === undefined ? {} : { sizeCategory: fact(size) }),
  ...(band === undefined ? {} : { headcountBand: fact(band) }),
});

const classify = (registry: Registry, name = 'ACME') =>
  classifySupplierType({ profile: registryProfile(registry), name });

describe('classifySupplierType from the registry (real catégorie juridique codes)', () => {
  it.each<[string, Registry, SupplierTypeClassification]>([
    [
      'SAS, PME',
      { cj: '5710', size: 'PME' },
      { type: 'sme', source: 'registry', detail: 'categorieEntreprise PME' },
    ],
    ['SARL, no size', { cj: '5499' }, { type: 'company', source: 'registry', detail: 'societe' }],
    ['SCOP SARL', { cj: '5458', ess: true }, { type: 'cooperative', source: 'registry', detail: 'scop' }],
    ['SCOP SA à directoire', { cj: '5658' }, { type: 'cooperative', source: 'registry', detail: 'scop' }],
    [
      'SA coopérative de production de HLM',
      { cj: '5547', size: 'ETI' },
      { type: 'cooperative', source: 'registry', detail: 'cooperative_hlm' },
    ],
    [
      'société coopérative agricole',
      { cj: '6317' },
      { type: 'cooperative', source: 'registry', detail: 'cooperative_agricole' },
    ],
    ['CUMA', { cj: '6316' }, { type: 'cooperative', source: 'registry', detail: 'cooperative_agricole' }],
    [
      'association déclarée',
      { cj: '9220', ess: true, size: 'PME' },
      { type: 'association', source: 'registry', detail: 'association' },
    ],
    ['mutuelle', { cj: '8210', ess: true }, { type: 'mutual', source: 'registry', detail: 'mutuelle' }],
    [
      "société d'assurance à forme mutuelle",
      { cj: '6411', size: 'GE' },
      { type: 'mutual', source: 'registry', detail: 'mutuelle' },
    ],
    ['fondation', { cj: '9300' }, { type: 'foundation', source: 'registry', detail: 'fondation' }],
    [
      'entrepreneur individuel',
      { cj: '1000', band: 'NN' },
      { type: 'sole-trader', source: 'registry', detail: 'entrepreneur_individuel' },
    ],
    ['commune', { cj: '7210', size: 'GE' }, { type: 'public', source: 'registry', detail: 'commune' }],
    [
      'EPIC national',
      { cj: '4110', size: 'GE' },
      { type: 'public', source: 'registry', detail: 'epic_regie' },
    ],
    ['métropole', { cj: '7344' }, { type: 'public', source: 'registry', detail: 'epci_fiscalite_propre' }],
    [
      'SA d’économie mixte',
      { cj: '5515', size: 'PME' },
      { type: 'public-owned', source: 'registry', detail: 'sem_economie_mixte' },
    ],
    [
      'syndicat de salariés: a legal form with no type',
      { cj: '8410' },
      { type: 'unknown', source: 'registry', detail: 'organisme_prive_specialise' },
    ],
  ])('%s', (_, registry, expected) => {
    expect(classify(registry)).toEqual(expected);
  });

  it('reads a code as files write it', () => {
    expect(classify({ cj: ' 54.58 ' }).type).toBe('cooperative');
  });

  it('ignores a code it does not know and goes on to the name', () => {
    expect(classify({ cj: '1234' }, 'Dupont SARL')).toEqual({
      type: 'company',
      source: 'name',
      detail: 'sarl',
    });
  });
});

describe('the ESS flag', () => {
  it.each<[string, Registry, string, SupplierTypeClassification]>([
    [
      'SAS + ESS',
      { cj: '5710', ess: true, size: 'PME' },
      'ACME',
      { type: 'other-ess', source: 'registry', detail: 'ess' },
    ],
    [
      'SAS + ESS + SCIC',
      { cj: '5710', ess: true },
      'SCIC Énergies Citoyennes',
      { type: 'cooperative', source: 'registry', detail: 'scic' },
    ],
    [
      'SA + ESS + société coopérative d’intérêt collectif',
      { cj: '5599', ess: true },
      'Société Coopérative d’Intérêt Collectif du Vercors',
      { type: 'cooperative', source: 'registry', detail: 'scic' },
    ],
    [
      'SAS + ESS + coopérative',
      { cj: '5710', ess: true },
      'La Coopérative des Savoirs',
      { type: 'cooperative', source: 'registry', detail: 'scic' },
    ],
    [
      'SARL + ESS + CAE',
      { cj: '5499', ess: true },
      'CAE Grenoble',
      { type: 'cooperative', source: 'registry', detail: 'cae' },
    ],
    [
      'SAS + ESS + coopérative d’activité et d’emploi',
      { cj: '5710', ess: true },
      'Coopérative d’Activité et d’Emploi Alpes',
      { type: 'cooperative', source: 'registry', detail: 'cae' },
    ],
    [
      'SAS + ESS + SCOP (a SCOP SAS has no code of its own)',
      { cj: '5710', ess: true },
      'Atelier Bois SCOP SAS',
      { type: 'cooperative', source: 'registry', detail: 'scop' },
    ],
    [
      'ESS flag alone',
      { ess: true },
      'Les Jardins de Cocagne',
      { type: 'other-ess', source: 'registry', detail: 'ess' },
    ],
    [
      'ESS + a legal form with no type',
      { cj: '9900', ess: true },
      'Fonds de dotation Solidaire',
      { type: 'other-ess', source: 'registry', detail: 'ess' },
    ],
    [
      'SAS without the flag keeps its size, whatever the name',
      { cj: '5710', ess: false, size: 'PME' },
      'SCIC Énergies Citoyennes',
      { type: 'sme', source: 'registry', detail: 'categorieEntreprise PME' },
    ],
    [
      'an association stays an association',
      { cj: '9220', ess: true },
      'Coopérative de quartier',
      { type: 'association', source: 'registry', detail: 'association' },
    ],
    [
      'public stays public',
      { cj: '7210', ess: true },
      'Ville',
      { type: 'public', source: 'registry', detail: 'commune' },
    ],
  ])('%s', (_, registry, name, expected) => {
    expect(classify(registry, name)).toEqual(expected);
  });

  it('does not take "Cooper" or "CAE" inside a word for a cooperative', () => {
    expect(classify({ cj: '5710', ess: true }, 'Cooper Conseil').detail).toBe('ess');
    expect(classify({ cj: '5710', ess: true }, 'Caesar Services').detail).toBe('ess');
  });

  it('looks at the registry name as well as the file name', () => {
    const profile = { ...registryProfile({ cj: '5710', ess: true }), name: fact('SCIC ENERGIE PARTAGEE') };
    expect(classifySupplierType({ profile, name: 'Energie Partagée' })).toMatchObject({
      type: 'cooperative',
      detail: 'scic',
    });
  });
});

describe('company size', () => {
  it.each<[Registry, string]>([
    [{ cj: '5710', size: 'PME' }, 'sme'],
    [{ cj: '5710', size: 'ETI' }, 'mid-size'],
    [{ cj: '5710', size: 'GE' }, 'large'],
    [{ cj: '5710', size: 'PME', band: '53' }, 'sme'],
    [{ cj: '5710', band: 'NN' }, 'company'],
    [{ cj: '5710' }, 'company'],
    [{ cj: '5710', band: '00' }, 'sme'],
    [{ cj: '5710', band: '01' }, 'sme'],
    [{ cj: '5710', band: '12' }, 'sme'],
    [{ cj: '5710', band: '22' }, 'sme'],
    [{ cj: '5710', band: '31' }, 'sme'],
    [{ cj: '5710', band: '32' }, 'mid-size'],
    [{ cj: '5710', band: '41' }, 'mid-size'],
    [{ cj: '5710', band: '42' }, 'mid-size'],
    [{ cj: '5710', band: '51' }, 'mid-size'],
    [{ cj: '5710', band: '52' }, 'large'],
    [{ cj: '5710', band: '53' }, 'large'],
    [{ cj: '5710', band: '99' }, 'company'],
    [{ cj: '5710', band: '' }, 'company'],
  ])('%j → %s', (registry, type) => {
    expect(classify(registry).type).toBe(type);
  });

  it('says which fact sized the company', () => {
    expect(classify({ cj: '5710', band: '41' }).detail).toBe('trancheEffectifs 41');
  });

  it('does not size from facts that were themselves guessed from the name', () => {
    const profile: SupplierProfile = {
      key: 'k',
      legalCategory: fact('5710'),
      sizeCategory: fact('GE', 'name'),
    };
    expect(classifySupplierType({ profile, name: 'X' }).type).toBe('company');
  });

  it('sizes a company found by name from the registry’s size facts', () => {
    const profile: SupplierProfile = { key: 'k', sizeCategory: fact('ETI') };
    expect(classifySupplierType({ profile, name: 'Transports Rapides SAS' })).toEqual({
      type: 'mid-size',
      source: 'name',
      detail: 'categorieEntreprise ETI',
    });
  });
});

describe('precedence: override > registry > directory > name > unknown', () => {
  const scop = registryProfile({ cj: '5458', ess: true });

  it('an override beats the registry', () => {
    const profile = { ...scop, supplierType: fact('large', 'override') };
    expect(classifySupplierType({ profile, name: 'SCOP Alpes' })).toEqual({
      type: 'large',
      source: 'override',
    });
  });

  it('an override may be given by label', () => {
    const profile = { ...scop, supplierType: fact('Associations and charities', 'override') };
    expect(classifySupplierType({ profile, name: 'x' }).type).toBe('association');
  });

  it('an override that names no type is reported, not ignored', () => {
    const profile = { ...scop, supplierType: fact('blue', 'override') };
    expect(classifySupplierType({ profile, name: 'x' })).toEqual({
      type: 'unknown',
      source: 'override',
      detail: 'not a supplier type: blue',
    });
  });

  it('the registry beats the name', () => {
    expect(classify({ cj: '9220' }, 'Dupont SARL').type).toBe('association');
    expect(classify({ cj: '5710', size: 'GE' }, 'Association des Amis du Musée')).toMatchObject({
      type: 'large',
      source: 'registry',
    });
  });

  it('the registry beats a directory', () => {
    const profile = { ...registryProfile({ cj: '7210' }), supplierType: fact('Sole trader', 'directory') };
    expect(classifySupplierType({ profile, name: 'x' }).type).toBe('public');
  });

  it.each<[string, string]>([
    ['charity', 'association'],
    ['Sole Trader', 'sole-trader'],
    ['Local Authority', 'public'],
    ['CIC', 'other-ess'],
    ['cooperative', 'cooperative'],
    ['Ltd', 'company'],
    ['sme', 'sme'],
    ['Petites et moyennes entreprises (PME)', 'sme'],
  ])('without a registry, the directory’s %j gives %s', (value, type) => {
    const profile: SupplierProfile = { key: 'k', supplierType: fact(value, 'directory') };
    expect(classifySupplierType({ profile, name: 'Oxford Hub CIC', country: 'GB' })).toMatchObject({
      type,
      source: 'directory',
    });
  });

  it('a directory type fills the gap a legal form with no type leaves', () => {
    const profile = { ...registryProfile({ cj: '9900' }), supplierType: fact('charity', 'directory') };
    expect(classifySupplierType({ profile, name: 'x' })).toEqual({
      type: 'association',
      source: 'directory',
      detail: 'charity',
    });
  });

  it('a directory beats the name, and a directory word it cannot read leaves the name to decide', () => {
    const charity: SupplierProfile = { key: 'k', supplierType: fact('Charity', 'directory') };
    expect(classifySupplierType({ profile: charity, name: 'Helping Hands Ltd' }).type).toBe('association');
    const odd: SupplierProfile = { key: 'k', supplierType: fact('Tier 2', 'directory') };
    expect(classifySupplierType({ profile: odd, name: 'Helping Hands Ltd' })).toEqual({
      type: 'company',
      source: 'name',
      detail: 'ltd',
    });
  });

  it('a type a file states counts as the anchor’s directory', () => {
    const profile: SupplierProfile = { key: 'k', supplierType: fact('association', 'file') };
    expect(classifySupplierType({ profile, name: 'x' }).source).toBe('directory');
  });

  it('the name decides when nothing else does; else unknown, from nothing', () => {
    expect(classifySupplierType({ name: 'Mutuelle des Agents Territoriaux' })).toEqual({
      type: 'mutual',
      source: 'name',
      detail: 'mutuelle',
    });
    expect(classifySupplierType({ name: 'Boulangerie Martin' })).toEqual({ type: 'unknown', source: 'none' });
    expect(classifySupplierType({ profile: { key: 'k' }, name: '' })).toEqual({
      type: 'unknown',
      source: 'none',
    });
  });

  it('a legal category an officer corrected is reported as an override', () => {
    const profile: SupplierProfile = { key: 'k', legalCategory: fact('9300', 'override') };
    expect(classifySupplierType({ profile, name: 'x' })).toMatchObject({
      type: 'foundation',
      source: 'override',
    });
  });
});

describe('SIRENE-like inputs through the registry load', () => {
  const HEADER =
    'siren,statutDiffusionUniteLegale,trancheEffectifsUniteLegale,dateDernierTraitementUniteLegale,' +
    'categorieEntreprise,etatAdministratifUniteLegale,nomUniteLegale,prenomUsuelUniteLegale,' +
    'denominationUniteLegale,categorieJuridiqueUniteLegale,economieSocialeSolidaireUniteLegale';
  const header = recogniseSireneHeader(HEADER.split(','));
  if (!header.ok) throw new Error(header.reason);

  const typeOfRow = (row: string) => {
    const facts = unitFactsOf(row.split(','), header.value, '2025-03-01');
    if (!facts.ok) throw new Error(facts.reason);
    const profile = mergeProfile(`siren:${facts.value.siren}`, { unit: facts.value });
    return classifySupplierType({ profile, name: profile.name?.value ?? '' });
  };

  it.each<[string, string, string | undefined]>([
    [
      '100000001,O,12,2024-11-02T10:00:00,PME,A,,,SCOP LES CHARPENTIERS DU GRESIVAUDAN,5458,O',
      'cooperative',
      'scop',
    ],
    [
      '100000002,O,21,2024-11-02T10:00:00,PME,A,,,ENERGIES CITOYENNES ALPES SCIC,5710,O',
      'cooperative',
      'scic',
    ],
    ['100000003,O,03,2024-11-02T10:00:00,PME,A,,,CAE GRENOBLE,5499,O', 'cooperative', 'cae'],
    [
      '100000004,O,42,2024-11-02T10:00:00,ETI,A,,,TRANSPORTS DU DAUPHINE,5710,N',
      'mid-size',
      'categorieEntreprise ETI',
    ],
    ['100000005,O,53,2024-11-02T10:00:00,,A,,,BATIMENT NATIONAL,5599,N', 'large', 'trancheEffectifs 53'],
    [
      '100000006,O,NN,2024-11-02T10:00:00,PME,A,DUPONT,MARIE,,1000,N',
      'sole-trader',
      'entrepreneur_individuel',
    ],
    [
      '100000007,O,11,2024-11-02T10:00:00,PME,A,,,ASSOCIATION LES PETITS DEBROUILLARDS,9220,O',
      'association',
      'association',
    ],
    ['100000008,O,52,2024-11-02T10:00:00,GE,A,,,COMMUNE DE GRENOBLE,7210,N', 'public', 'commune'],
    ['100000009,O,22,2024-11-02T10:00:00,PME,A,,,SEM INNOVIA,5515,N', 'public-owned', 'sem_economie_mixte'],
  ])('%s → %s', (row, type, detail) => {
    expect(typeOfRow(row)).toEqual({ type, source: 'registry', detail });
  });
});

describe('never throws', () => {
  const band = fc.constantFrom('NN', '00', '12', '32', '53', '', 'zz');
  const source = fc.constantFrom<FactSource>('override', 'registry', 'directory', 'file', 'name');
  const profile = fc.record(
    {
      key: fc.constant('k'),
      legalCategory: fc.record({
        value: fc.oneof(fc.constantFrom('5710', '9220', '7210', '8410'), fc.string()),
        source,
        asOf: fc.constant(AS_OF),
      }),
      ess: fc.record({ value: fc.boolean(), source, asOf: fc.constant(AS_OF) }),
      headcountBand: fc.record({ value: band, source, asOf: fc.constant(AS_OF) }),
      supplierType: fc.record({
        value: fc.oneof(fc.constantFrom(...SUPPLIER_TYPE_IDS), fc.string()),
        source,
        asOf: fc.constant(AS_OF),
      }),
      name: fc.record({ value: fc.string(), source, asOf: fc.constant(AS_OF) }),
    },
    { requiredKeys: ['key'] },
  );

  it('returns a known type id for any name', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.option(fc.constantFrom('FR', 'GB', 'uk', 'DE', '')),
        (name, country) => {
          const result = classifySupplierType({ name, country: country ?? undefined });
          expect(SUPPLIER_TYPE_IDS).toContain(result.type);
          expect(['override', 'registry', 'directory', 'name', 'none']).toContain(result.source);
        },
      ),
    );
  });

  it('returns a known type id for any profile, and names made of markers', () => {
    const markerName = fc
      .array(
        fc.constantFrom('SCOP', 'Cooper', 'Ltd', 'SA', 'Ville de', 'NHS', 'trust', 'É.I.', '-', "l'", 'x'),
        {
          maxLength: 6,
        },
      )
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(profile, markerName, fc.option(fc.constantFrom('FR', 'GB')), (p, name, country) => {
        const result = classifySupplierType({ profile: p, name, country: country ?? undefined });
        expect(SUPPLIER_TYPE_IDS).toContain(result.type);
      }),
    );
  });
});
