import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import { locateSupplier } from '../../../shared/domain/locality/locate-supplier.ts';
import { type FactsOfSupplier, mergeProfile } from '../../../shared/domain/registry/merge-profile.ts';
import type {
  DirectoryFacts,
  EstablishmentFacts,
  OverrideFacts,
  UnitFacts,
} from '../../../shared/domain/registry/supplier-facts.ts';
import { SupplierProfileSchema } from '../../../shared/domain/supplier-profile.ts';
import { classifySupplierType } from '../../../shared/domain/typing/classify-supplier-type.ts';
import { syntheticSiren, syntheticSiret } from '../../fixtures/built/sirene.ts';

const SIREN = syntheticSiren(7);
const BRANCH = syntheticSiret(SIREN, 2);
const HEAD = syntheticSiret(SIREN, 1);
const KEY = `siret:${BRANCH}`;

const unit: UnitFacts = {
  kind: 'unit',
  siren: SIREN,
  name: 'MENUISERIE DES ALPES',
  legalCategory: '5710',
  ess: false,
  sizeCategory: 'PME',
  headcountBand: '11',
  activity: '43.32A',
  ceased: false,
  asOf: '2025-01-10',
};

const branch: EstablishmentFacts = {
  kind: 'establishment',
  siret: BRANCH,
  place: { communeCode: '38185', postcode: '38000', country: 'FR' },
  headOffice: false,
  closed: false,
  activity: '43.32B',
  asOf: '2025-01-11',
};

const headOffice: EstablishmentFacts = {
  kind: 'establishment',
  siret: HEAD,
  place: { communeCode: '69383', postcode: '69003', country: 'FR' },
  headOffice: true,
  closed: false,
  asOf: '2025-01-12',
};

const directory: DirectoryFacts = {
  kind: 'directory',
  supplierKey: KEY,
  anchorId: 'grenoble',
  name: 'Menuiserie Alpes (annuaire)',
  place: { postcode: '38400' },
  siret: BRANCH,
  supplierType: 'association',
  asOf: '2025-02-01',
};

const override: OverrideFacts = {
  kind: 'override',
  supplierKey: KEY,
  current: {
    supplierType: 'cooperative',
    place: { communeCode: '38151' },
    headOffice: { communeCode: '38185' },
  },
  // The second of two corrections is in force: its date is the override's.
  changes: 2,
  changedAt: '2025-04-02T10:30:00.000Z',
};

const ALL: FactsOfSupplier = { unit, establishment: branch, headOffice, directory, override };
const merge = (facts: FactsOfSupplier) => SupplierProfileSchema.parse(mergeProfile(KEY, facts));
const typeOf = (facts: FactsOfSupplier) =>
  classifySupplierType({ profile: merge(facts), name: 'Menuiserie des Alpes', country: 'FR' });

describe('mergeProfile: override > registry > directory, field by field', () => {
  it('establishment: the override, else the registry establishment, else the directory', () => {
    expect(merge(ALL).establishment).toEqual({
      value: { communeCode: '38151' },
      source: 'override',
      asOf: '2025-04-02',
    });
    expect(merge({ ...ALL, override: undefined }).establishment).toEqual({
      value: branch.place,
      source: 'registry',
      asOf: '2025-01-11',
    });
    expect(merge({ directory }).establishment).toEqual({
      value: { postcode: '38400' },
      source: 'directory',
      asOf: '2025-02-01',
    });
  });

  it('head office: the override, else the SIREN head office; a directory never gives one', () => {
    expect(merge(ALL).headOffice).toMatchObject({ value: { communeCode: '38185' }, source: 'override' });
    expect(merge({ ...ALL, override: undefined }).headOffice).toEqual({
      value: headOffice.place,
      source: 'registry',
      asOf: '2025-01-12',
    });
    expect(merge({ establishment: branch, directory }).headOffice).toBeUndefined();
  });

  it('never copies the establishment into the head office, nor the head office into the establishment', () => {
    expect(merge({ unit, establishment: branch }).headOffice).toBeUndefined();
    expect(merge({ unit, headOffice }).establishment).toBeUndefined();
  });

  it('type: the override wins over the registry, which wins over the directory', () => {
    expect(typeOf(ALL)).toEqual({ type: 'cooperative', source: 'override' });
    expect(typeOf({ ...ALL, override: undefined })).toMatchObject({ type: 'sme', source: 'registry' });
    expect(typeOf({ directory })).toMatchObject({ type: 'association', source: 'directory' });
  });

  it('stores only stated types: override first, then directory; the registry type is derived at report time', () => {
    expect(merge(ALL).supplierType).toEqual({ value: 'cooperative', source: 'override', asOf: '2025-04-02' });
    expect(merge({ ...ALL, override: undefined }).supplierType).toEqual({
      value: 'association',
      source: 'directory',
      asOf: '2025-02-01',
    });
    expect(merge({ unit, establishment: branch }).supplierType).toBeUndefined();
  });

  it('an override of the type alone leaves the registry places in place', () => {
    const typeOnly: OverrideFacts = {
      ...override,
      current: { supplierType: 'cooperative' },
      changes: 1,
      changedAt: '2025-03-01T09:00:00.000Z',
    };
    const profile = merge({ ...ALL, override: typeOnly });
    expect(profile.establishment?.source).toBe('registry');
    expect(profile.headOffice?.source).toBe('registry');
    expect(profile.supplierType).toEqual({ value: 'cooperative', source: 'override', asOf: '2025-03-01' });
  });

  it('name: the unit, else the establishment sign, else the directory', () => {
    expect(merge(ALL).name).toEqual({
      value: 'MENUISERIE DES ALPES',
      source: 'registry',
      asOf: '2025-01-10',
    });
    expect(merge({ establishment: { ...branch, name: 'ENSEIGNE' }, directory }).name).toMatchObject({
      value: 'ENSEIGNE',
      source: 'registry',
    });
    expect(merge({ directory }).name).toMatchObject({ value: directory.name, source: 'directory' });
  });

  it('registry facts of the unit, the establishment activity before the unit activity', () => {
    const profile = merge({ unit, establishment: branch });
    expect(profile).toMatchObject({
      legalCategory: { value: '5710', source: 'registry' },
      ess: { value: false, source: 'registry' },
      sizeCategory: { value: 'PME', source: 'registry' },
      headcountBand: { value: '11', source: 'registry' },
      activity: { value: '43.32B', source: 'registry' },
    });
    expect(merge({ unit }).activity?.value).toBe('43.32A');
  });

  it('keeps the facts of a closed establishment and a ceased unit, flagged', () => {
    const profile = merge({
      unit: { ...unit, ceased: true },
      establishment: { ...branch, closed: true },
    });
    expect(profile.unitCeased).toBe(true);
    expect(profile.establishmentClosed).toBe(true);
    expect(profile.establishment).toMatchObject({ value: branch.place, source: 'registry' });
    expect(profile.legalCategory?.value).toBe('5710');
    expect(
      typeOf({ unit: { ...unit, ceased: true }, establishment: { ...branch, closed: true } }),
    ).toMatchObject({
      type: 'sme',
      source: 'registry',
    });
  });

  it('says nothing of closure or cessation when the registry said nothing', () => {
    const profile = merge({ directory });
    expect(profile.unitCeased).toBeUndefined();
    expect(profile.establishmentClosed).toBeUndefined();
  });

  it('each field comes from the strongest source present, whatever the combination (property)', () => {
    const present = fc.record({
      unit: fc.boolean(),
      establishment: fc.boolean(),
      headOffice: fc.boolean(),
      directory: fc.boolean(),
      override: fc.boolean(),
    });
    fc.assert(
      fc.property(present, (has) => {
        const facts: FactsOfSupplier = {
          unit: has.unit ? unit : undefined,
          establishment: has.establishment ? branch : undefined,
          headOffice: has.headOffice ? headOffice : undefined,
          directory: has.directory ? directory : undefined,
          override: has.override ? override : undefined,
        };
        const profile = merge(facts);
        const strongest = (...sources: [boolean, string][]) => sources.find(([here]) => here)?.[1];
        expect(profile.establishment?.source).toBe(
          strongest(
            [has.override, 'override'],
            [has.establishment, 'registry'],
            [has.directory, 'directory'],
          ),
        );
        expect(profile.headOffice?.source).toBe(
          strongest([has.override, 'override'], [has.headOffice, 'registry']),
        );
        expect(profile.supplierType?.source).toBe(
          strongest([has.override, 'override'], [has.directory, 'directory']),
        );
        const typed = typeOf(facts);
        expect(typed.source).toBe(
          strongest([has.override, 'override'], [has.unit, 'registry'], [has.directory, 'directory']) ??
            'none',
        );
      }),
    );
  });
});

describe('a supplier the spending file knows by its SIREN alone', () => {
  const geography = loadFrenchGeography();
  const sirenKey = `siren:${SIREN}`;
  const profile = SupplierProfileSchema.parse(mergeProfile(sirenKey, { unit, headOffice }));
  const identity = {
    key: sirenKey,
    name: 'Menuiserie des Alpes',
    identifier: { scheme: 'siren' as const, value: SIREN },
  };

  it('is located in the head-office view by its siège', () => {
    expect(locateSupplier(identity, profile, geography).headOffice).toEqual({
      place: { kind: 'communes', codes: ['69383'], alternatives: false },
      source: 'registry',
    });
  });

  // BUG (DESIGN §5 step 2 and the doc comment of locateSupplier say: "registry: SIRENE establishment
  // for a SIRET; the head office (siège) for a SIREN alone"): for a SIREN-keyed supplier neither
  // mergeProfile (merge-profile.ts:30-36) nor locateSupplier (locate-supplier.ts:98-104) uses the siège
  // in the establishment view, so a SIREN-only payment line without a postcode is `unknown` although
  // the registry knows where the firm is. Fix: in locateSupplier's establishment chain, after
  // fromProfile(profile.establishment), add the registry head office when the identity is a SIREN.
  it('is located in the establishment view by its siège too, as DESIGN §5 says', () => {
    expect(locateSupplier(identity, profile, geography).establishment).toEqual({
      place: { kind: 'communes', codes: ['69383'], alternatives: false },
      source: 'registry',
    });
  });
});
