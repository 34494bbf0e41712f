import { describe, expect, it } from 'vitest';
import { type AnchorType, classifyAnchor } from '../../../shared/domain/typing/classify-anchor.ts';
import { LEGAL_CATEGORIES } from '../../../shared/domain/typing/legal-categories.ts';

describe('classifyAnchor from the catégorie juridique', () => {
  it.each<[string, AnchorType]>([
    ['7210', 'commune'],
    ['7312', 'commune'],
    ['7341', 'commune'],
    ['7344', 'epci'],
    ['7346', 'epci'],
    ['7347', 'epci'],
    ['7348', 'epci'],
    ['7343', 'epci'],
    ['7345', 'epci'],
    ['7353', 'epci'],
    ['7220', 'departement'],
    ['7230', 'region'],
    ['7364', 'hospital'],
    ['7365', 'hospital'],
    ['7383', 'university'],
    ['7371', 'social-housing'],
    ['5546', 'social-housing'],
    ['5647', 'social-housing'],
    ['7361', 'ccas'],
    ['7367', 'ccas'],
    ['7354', 'other-public'],
    ['7389', 'other-public'],
    ['4140', 'other-public'],
    ['7113', 'other-public'],
    ['5710', 'unknown'],
    ['9220', 'unknown'],
  ])('%s → %s', (code, type) => {
    expect(classifyAnchor(code, 'Whatever its name')).toBe(type);
  });

  it('trusts the code over the name', () => {
    expect(classifyAnchor('7210', 'Centre Hospitalier Universitaire')).toBe('commune');
    expect(classifyAnchor('5710', 'Ville de Grenoble')).toBe('unknown');
  });

  it('reads a code as files write it', () => {
    expect(classifyAnchor(' 73.44 ', '')).toBe('epci');
  });

  it('types every public code, and no private one, as a public anchor', () => {
    for (const [code, category] of LEGAL_CATEGORIES) {
      const anchor = classifyAnchor(code, '');
      if (category.cwb === 'public') expect([code, anchor]).not.toEqual([code, 'unknown']);
      else if (!['5546', '5646', '5547', '5647'].includes(code))
        expect([code, anchor]).toEqual([code, 'unknown']);
    }
  });
});

describe('classifyAnchor from the name when the code is missing or unknown', () => {
  it.each<[string, AnchorType]>([
    ['Ville de Grenoble', 'commune'],
    ['Ville d’Échirolles', 'commune'],
    ['Commune de Seyssins', 'commune'],
    ['Mairie de Meylan', 'commune'],
    ['Oxford City Council', 'commune'],
    ['Grenoble-Alpes Métropole', 'epci'],
    ['Communauté de communes Le Grésivaudan', 'epci'],
    ['Communauté d’agglomération du Pays Voironnais', 'epci'],
    ['Département de l’Isère', 'departement'],
    ['Conseil départemental de la Savoie', 'departement'],
    ['Oxfordshire County Council', 'departement'],
    ['Région Auvergne-Rhône-Alpes', 'region'],
    ['Conseil régional d’Occitanie', 'region'],
    ['CHU Grenoble Alpes', 'hospital'],
    ['Centre Hospitalier Universitaire de Lyon', 'hospital'],
    ['Hospices Civils de Lyon', 'hospital'],
    ['Oxford University Hospitals NHS Foundation Trust', 'hospital'],
    ['Université Grenoble Alpes', 'university'],
    ['University of Oxford', 'university'],
    ['OPH de l’Isère', 'social-housing'],
    ['Office Public de l’Habitat Actis', 'social-housing'],
    ['CCAS de la Ville de Grenoble', 'ccas'],
    ['Centre communal d’action sociale de Meylan', 'ccas'],
    ['CIAS du Grésivaudan', 'ccas'],
    ['Syndicat mixte des mobilités de l’aire grenobloise', 'other-public'],
    ['Thames Valley Police', 'other-public'],
    ['Boulangerie Martin', 'unknown'],
    ['Café de la Mairie', 'unknown'],
    ['', 'unknown'],
  ])('%j → %s', (name, type) => {
    expect(classifyAnchor(undefined, name)).toBe(type);
  });

  it('falls back to the name for a code it does not know', () => {
    expect(classifyAnchor('9999', 'Ville de Grenoble')).toBe('commune');
    expect(classifyAnchor('', 'CHU Grenoble Alpes')).toBe('hospital');
  });
});
