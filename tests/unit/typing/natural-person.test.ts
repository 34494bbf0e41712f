import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  directoryFactsOf,
  recogniseDirectoryHeader,
} from '../../../shared/domain/registry/directory-rows.ts';
import { mergeProfile } from '../../../shared/domain/registry/merge-profile.ts';
import { recogniseSireneHeader, unitFactsOf } from '../../../shared/domain/registry/sirene-rows.ts';
import type { SupplierProfile } from '../../../shared/domain/supplier-profile.ts';
import { naturalPersonReason } from '../../../shared/domain/typing/natural-person.ts';

const asOf = '2026-01-01';
const byName = (name: string) => naturalPersonReason({ names: [name] });

describe('a natural person by name', () => {
  it.each([
    ['MR M LENTHALL', 'civil-title'],
    ['MR P & MRS DW DOWLEY', 'civil-title'],
    ['MR & MRS D BROWN', 'civil-title'],
    ['MR ARJ & MS SALLY ARUL', 'civil-title'],
    ['DR O ELAGAB', 'civil-title'],
    ['Miss Jane Doe', 'civil-title'],
    ['Mr. Smith', 'civil-title'],
    ['M. Jean Dupont', 'civil-title'],
    ['M.DUPONT JEAN', 'civil-title'],
    ['MME MARTIN CLAIRE', 'civil-title'],
    ['Mlle Léa Roux', 'civil-title'],
    ['Monsieur Éric Faure', 'civil-title'],
    ['Madame Dupont', 'civil-title'],
    ['M. ou Mme Dupont', 'civil-title'],
    ['M et Mme Dupont', 'civil-title'],
    ['Private individual', 'redaction'],
    ['PRIVATE INDIVIDUALS', 'redaction'],
    ['Individual', 'redaction'],
    ['Redacted - personal data', 'redaction'],
    ['Payee withheld (data protection)', 'redaction'],
    ['Particulier', 'redaction'],
    ['Remboursement personne physique', 'redaction'],
    ['DUPONT JEAN EI', 'sole-trader-name'],
    ['Jean Dupont entrepreneur individuel', 'sole-trader-name'],
  ])('%s → %s', (name, reason) => {
    expect(byName(name)).toBe(reason);
  });

  it.each([
    'WILLMOTT DIXON CONSTRUCTION LTD',
    'M BRICOLAGE',
    'M & M SKIP HIRE LTD',
    'M TECH COMUNICATIONS BRISTOL LTD',
    'DR MARTENS PLC',
    'MR JONES LTD',
    'MRS BROWNS BOYS LIMITED',
    'Mme Martin SARL',
    'Monsieur Bricolage SAS',
    'Oxfordshire County Council',
    'Madame Bovary Association',
    'MS Society Charity',
    'REDACTED',
    'Menuiserie Dupont',
    'Mairie de Mrs',
    'RENT REFUNDS',
  ])('%s is not one', (name) => {
    expect(byName(name)).toBeUndefined();
  });
});

const profile = (facts: Partial<SupplierProfile>): SupplierProfile => ({ key: 'k', ...facts });

describe('a natural person by what a source states', () => {
  it('SIRENE catégorie juridique 1000 (entrepreneur individuel), whatever the name', () => {
    const registry = profile({ legalCategory: { value: '1000', source: 'registry', asOf } });
    expect(naturalPersonReason({ names: ['PLOMBERIE DU LAC'], profile: registry })).toBe('registry-category');
  });

  it('a legal person in the registry rules out a title in the name', () => {
    const company = profile({ legalCategory: { value: '5710', source: 'registry', asOf } });
    expect(naturalPersonReason({ names: ['M. Bricolage'], profile: company })).toBeUndefined();
  });

  it('the unit’s own person-name fields in SIRENE', () => {
    const header = recogniseSireneHeader([
      'siren',
      'denominationUniteLegale',
      'nomUniteLegale',
      'prenom1UniteLegale',
      'categorieJuridiqueUniteLegale',
      'etatAdministratifUniteLegale',
    ]);
    if (!header.ok) throw new Error(header.reason);
    const person = unitFactsOf(['732829320', '', 'DUPONT', 'JEAN', '', 'A'], header.value, asOf);
    const company = unitFactsOf(['552100554', 'ACME', '', '', '5710', 'A'], header.value, asOf);
    if (!person.ok || !company.ok) throw new Error('the rows are valid');
    const merged = mergeProfile('siren:732829320', { unit: person.value });
    expect(merged.naturalPerson).toEqual({ value: true, source: 'registry', asOf });
    expect(naturalPersonReason({ names: ['PLOMBERIE DU LAC'], profile: merged })).toBe(
      'registry-person-name',
    );
    expect(mergeProfile('siren:552100554', { unit: company.value }).naturalPerson).toBeUndefined();
  });

  it.each([
    [
      ['Name', 'Type'],
      ['Jane Doe', 'Individual'],
    ],
    [
      ['Nom', 'Type'],
      ['Jean Dupont', 'Personne physique'],
    ],
    [
      ['Supplier Name', 'Individual'],
      ['Jane Doe', 'Y'],
    ],
  ])('a supplier directory’s type or flag column (%j)', (headerCells, row) => {
    const header = recogniseDirectoryHeader(headerCells);
    if (!header.ok) throw new Error(header.reason);
    const facts = directoryFactsOf(row, header.value, 'ville', asOf);
    if (!facts.ok) throw new Error(facts.reason);
    const [directory] = facts.value;
    const merged = mergeProfile('name:jane doe', { directory });
    expect(naturalPersonReason({ names: [row[0] ?? ''], profile: merged })).toBe('directory');
  });

  it('a correction says yes, or no over a name that looked like one', () => {
    const override = {
      kind: 'override' as const,
      supplierKey: 'k',
      changes: 1,
      changedAt: `${asOf}T00:00:00Z`,
    };
    const yes = mergeProfile('k', { override: { ...override, current: { naturalPerson: true } } });
    const no = mergeProfile('k', { override: { ...override, current: { naturalPerson: false } } });
    expect(naturalPersonReason({ names: ['GREEN TV MEDIA'], profile: yes })).toBe('override');
    expect(naturalPersonReason({ names: ['MS SOCIETY'] })).toBe('civil-title');
    expect(naturalPersonReason({ names: ['MS SOCIETY'], profile: no })).toBeUndefined();
  });
});

describe('a company is never masked', () => {
  const title = fc.constantFrom('MR', 'MRS', 'MS', 'MISS', 'DR', 'M.', 'Mme', 'Monsieur', 'Madame', '');
  const word = fc.stringMatching(/^[A-Z][a-z]{1,10}$/);
  const form = fc.constantFrom('LTD', 'Limited', 'PLC', 'LLP', 'SARL', 'SAS', 'SASU', 'EURL', 'SA');

  it('a name with a legal form is never taken for a person, whatever title opens it', () => {
    fc.assert(
      fc.property(title, fc.array(word, { minLength: 1, maxLength: 4 }), form, (opening, words, legal) => {
        expect(byName([opening, ...words, legal].filter(Boolean).join(' '))).toBeUndefined();
      }),
    );
  });
});
