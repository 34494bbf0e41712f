import { describe, expect, it } from 'vitest';
import { classifySupplierType } from '../../../shared/domain/typing/classify-supplier-type.ts';
import { typeFromName } from '../../../shared/domain/typing/name-markers.ts';
import { nameWords } from '../../../shared/domain/typing/name-words.ts';

describe('nameWords', () => {
  it.each<[string, string[]]>([
    ['S.C.O.P. Les Tisserands', ['scop', 'les', 'tisserands']],
    ['Dupont S.A.R.L.', ['dupont', 'sarl']],
    ["Office Public de l'Habitat", ['office', 'public', 'de', 'l', 'habitat']],
    ['  CŒUR  d’Activité ', ['cœur', 'd', 'activite']],
    ['', []],
  ])('%j → %j', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

const guess = (name: string, country?: string) => typeFromName(name, country);

describe('French name markers', () => {
  it.each<[string, string, string]>([
    ['SCOP Les Charpentiers', 'cooperative', 'scop'],
    ['Atelier Bois Scop-SARL', 'cooperative', 'scop'],
    ['Enercoop Rhône-Alpes SCIC SA', 'cooperative', 'scic'],
    ['Coopérative d’Activité et d’Emploi Alpes', 'cooperative', 'cae'],
    ['La Coopérative Paysanne', 'cooperative', 'cooperative'],
    ['Coop Alpes', 'cooperative', 'cooperative'],
    ['Association Trajectoires', 'association', 'association'],
    ['ASSO. DES PARENTS', 'association', 'asso'],
    ['Mutuelle Générale', 'mutual', 'mutuelle'],
    ['Fondation Abbé Pierre', 'foundation', 'fondation'],
    ['Commune de Seyssinet', 'public', 'commune de'],
    ['VILLE DE GRENOBLE', 'public', 'ville de'],
    ['Mairie de Meylan', 'public', 'mairie'],
    ['CCAS de Grenoble', 'public', 'ccas'],
    ['C.I.A.S. du Grésivaudan', 'public', 'cias'],
    ['Département de l’Isère', 'public', 'departement'],
    ['Région Auvergne-Rhône-Alpes', 'public', 'region'],
    ['Grenoble-Alpes Métropole', 'public', 'metropole'],
    ['Métropole de Lyon', 'public', 'metropole de'],
    ['Métropole Européenne de Lille', 'public', 'metropole europeenne'],
    ['Communauté de communes du Grésivaudan', 'public', 'communaute de communes'],
    ['Communauté d’agglomération du Pays Voironnais', 'public', 'communaute d agglomeration'],
    ['Syndicat mixte des mobilités', 'public', 'syndicat mixte'],
    ['Syndicat Intercommunal des Eaux', 'public', 'syndicat intercommunal'],
    ['Centre Hospitalier Alpes-Isère', 'public', 'centre hospitalier'],
    ['CHU Grenoble Alpes', 'public', 'chu'],
    ['Université Grenoble Alpes', 'public', 'universite'],
    ['OPH de l’Isère', 'public', 'oph'],
    ['Office Public de l’Habitat de Savoie', 'public', 'office public de l habitat'],
    ['Trésor Public', 'public', 'tresor public'],
    ['DGFIP Isère', 'public', 'dgfip'],
    ['URSSAF Rhône-Alpes', 'public', 'urssaf'],
    ['Dupont SARL', 'company', 'sarl'],
    ['SAS Martin Frères', 'company', 'sas'],
    ['Nettoyage Express SASU', 'company', 'sasu'],
    ['Bâtiment Dauphinois SA', 'company', 'sa'],
    ['EURL Plomberie', 'company', 'eurl'],
    ['Garage Durand SNC', 'company', 'snc'],
    ['Jean Martin EI', 'sole-trader', 'ei'],
    ['Marie Curie Entreprise Individuelle', 'sole-trader', 'entreprise individuelle'],
    ['Paul Durand auto-entrepreneur', 'sole-trader', 'auto entrepreneur'],
  ])('%j → %s (%s)', (name, type, detail) => {
    expect(guess(name, 'FR')).toEqual({ type, detail });
  });

  it.each([
    'Cooper Conseil', // a surname, not a coop
    'Coopaname', // a word that merely starts like one
    'Associates Conseil', // not an association
    'Café de la Mairie', // a public word where businesses use it
    'Hôtel Ville de Paris', // idem
    'Sassenage Peinture', // "sas" inside a word
    'Métropole Taxis', // a business that borrows the word
    'Eiffel Constructions',
    'Sarlat Transports',
    'Restaurant Sa Majesté du Goût', // "sa" in the middle
    'Librairie de l’Université',
    'Boulangerie Martin',
    'CIC Lyonnaise de Banque', // in France CIC is a bank
  ])('%j has no French marker', (name) => {
    expect(guess(name, 'FR')).toBeUndefined();
  });

  it('lets a social-economy form beat the company form it travels with', () => {
    expect(guess('Scop SARL Les Bâtisseurs', 'FR')?.type).toBe('cooperative');
    expect(guess('Mutuelle des Agents de la Ville de Grenoble', 'FR')?.type).toBe('mutual');
    expect(guess('Fondation de l’Université Grenoble Alpes', 'FR')?.type).toBe('foundation');
  });

  it('lets a legal form beat words that also name businesses', () => {
    expect(guess('Transports de la Région SARL', 'FR')?.type).toBe('company');
    expect(guess('Métropole Nettoyage SAS', 'FR')?.type).toBe('company');
  });
});

describe('UK name markers', () => {
  it.each<[string, string, string]>([
    ['Acme Widgets Ltd', 'company', 'ltd'],
    ['Acme Widgets Limited', 'company', 'limited'],
    ['Big Bank PLC', 'company', 'plc'],
    ['Smith & Jones LLP', 'company', 'llp'],
    ['Oxford Hub CIC', 'other-ess', 'cic'],
    ['Fairshares Community Interest Company', 'other-ess', 'cic'],
    ['The Co-operative Group Limited', 'cooperative', 'cooperative'],
    ['Midcounties Co-op', 'cooperative', 'cooperative'],
    ['Oxford Cooperative Housing', 'cooperative', 'cooperative'],
    ['Age UK Oxfordshire Charity', 'association', 'charity'],
    ['The Smith Charitable Trust Ltd', 'association', 'charitable'],
    ['Oxford Preservation Trust', 'association', 'trust'],
    ['The Wolfson Foundation', 'foundation', 'foundation'],
    ['Oxford City Council', 'public', 'city council'],
    ['Oxfordshire County Council', 'public', 'county council'],
    ['London Borough of Camden', 'public', 'borough'],
    ['Cherwell Council', 'public', 'council'],
    ['Oxford University Hospitals NHS Foundation Trust', 'public', 'nhs'],
    ['Oxford Brookes University', 'public', 'university'],
    ['HMRC', 'public', 'hmrc'],
    ['Thames Valley Police', 'public', 'police'],
    ['Oxfordshire Fire and Rescue Service', 'public', 'fire and rescue'],
    ['Oxfordshire Fire & Rescue Service', 'public', 'fire rescue'],
    ['John Smith Sole Trader', 'sole-trader', 'sole trader'],
  ])('%j → %s (%s)', (name, type, detail) => {
    expect(guess(name, 'GB')).toEqual({ type, detail });
  });

  it.each([
    'Cooper & Sons', // a surname
    'Smith Associates', // not an association
    'Trustpilot', // not a trust
    'Policeman Cafe',
    'Councillor Expenses',
    'Limitless Events',
  ])('%j has no UK marker', (name) => {
    expect(guess(name, 'GB')).toBeUndefined();
  });

  it('knows "Associates Ltd" for a company and "Investment Trust plc" for one too', () => {
    expect(guess('Smith Associates Ltd', 'GB')?.type).toBe('company');
    expect(guess('Scottish Investment Trust plc', 'GB')?.type).toBe('company');
  });

  it('reads "CIC" as a community interest company only in the UK', () => {
    expect(guess('Oxford Hub CIC', 'UK')?.type).toBe('other-ess');
    expect(guess('Oxford Hub CIC')).toBeUndefined();
  });

  it('uses both languages when the country is not known', () => {
    expect(guess('Acme Ltd')?.type).toBe('company');
    expect(guess('Dupont SARL')?.type).toBe('company');
    expect(guess('Dupont SARL', 'GB')).toBeUndefined();
    expect(guess('Acme Ltd', 'FR')).toBeUndefined();
  });
});

describe('name heuristics in classifySupplierType', () => {
  it('marks the source as name', () => {
    expect(classifySupplierType({ name: 'Smith Associates Ltd', country: 'GB' })).toEqual({
      type: 'company',
      source: 'name',
      detail: 'ltd',
    });
  });

  it('does not use "CAE" alone without the registry’s ESS flag', () => {
    expect(classifySupplierType({ name: 'CAE Aviation Training' })).toEqual({
      type: 'unknown',
      source: 'none',
    });
  });
});
