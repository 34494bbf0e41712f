import { normaliseCountry } from '../address.ts';
import { parseSupplierIdentifier } from '../identifiers.ts';
import { fail, ok, type Result } from '../result.ts';
import type { EstablishmentFacts, UnitFacts } from './supplier-facts.ts';

export type SireneFile = 'unite-legale' | 'etablissement';

/** The columns Ancrage reads; INSEE adds columns over time, so they are found by name. */
const UNIT_COLUMNS = [
  'siren',
  'denominationUniteLegale',
  'nomUniteLegale',
  'nomUsageUniteLegale',
  'prenom1UniteLegale',
  'prenomUsuelUniteLegale',
  'sigleUniteLegale',
  'categorieJuridiqueUniteLegale',
  'economieSocialeSolidaireUniteLegale',
  'categorieEntreprise',
  'trancheEffectifsUniteLegale',
  'activitePrincipaleUniteLegale',
  'etatAdministratifUniteLegale',
  'dateDernierTraitementUniteLegale',
] as const;

const ESTABLISHMENT_COLUMNS = [
  'siren',
  'siret',
  'etablissementSiege',
  'codeCommuneEtablissement',
  'codePostalEtablissement',
  'libellePaysEtrangerEtablissement',
  'codePaysEtrangerEtablissement',
  'etatAdministratifEtablissement',
  'enseigne1Etablissement',
  'denominationUsuelleEtablissement',
  'activitePrincipaleEtablissement',
  'trancheEffectifsEtablissement',
  'dateDernierTraitementEtablissement',
] as const;

const REQUIRED: Record<SireneFile, readonly string[]> = {
  'unite-legale': ['siren', 'categorieJuridiqueUniteLegale', 'etatAdministratifUniteLegale'],
  etablissement: [
    'siret',
    'codeCommuneEtablissement',
    'etablissementSiege',
    'etatAdministratifEtablissement',
  ],
};

/** The columns Ancrage reads from a stock file: those it cannot do without, then the others. */
export function sireneColumnsOf(file: SireneFile): { required: string[]; optional: string[] } {
  const wanted: readonly string[] = file === 'etablissement' ? ESTABLISHMENT_COLUMNS : UNIT_COLUMNS;
  return { required: [...REQUIRED[file]], optional: wanted.filter((name) => !REQUIRED[file].includes(name)) };
}

/** The header of rows that carry `sireneColumnsOf(file)`'s columns in that order. */
export function projectedSireneHeader(file: SireneFile): SireneHeader {
  const { required, optional } = sireneColumnsOf(file);
  return { file, columns: new Map([...required, ...optional].map((name, index) => [name, index])) };
}

export interface SireneHeader {
  readonly file: SireneFile;
  readonly columns: ReadonlyMap<string, number>;
}

/** Recognises a SIRENE stock file (whole or an extract with the same header) from its header. */
export function recogniseSireneHeader(cells: readonly string[]): Result<SireneHeader> {
  const names = cells.map((cell) => cell.trim().replace(/^\uFEFF/, ''));
  const file: SireneFile | undefined = names.includes('siret')
    ? 'etablissement'
    : names.includes('categorieJuridiqueUniteLegale')
      ? 'unite-legale'
      : undefined;
  if (!file) {
    return fail(
      'not a SIRENE stock file: the header has neither "siret" (StockEtablissement) nor "categorieJuridiqueUniteLegale" (StockUniteLegale)',
    );
  }
  const missing = REQUIRED[file].filter((name) => !names.includes(name));
  if (missing.length > 0) return fail(`the SIRENE ${file} header lacks the column(s) ${missing.join(', ')}`);
  const wanted: readonly string[] = file === 'etablissement' ? ESTABLISHMENT_COLUMNS : UNIT_COLUMNS;
  const columns = new Map<string, number>();
  for (const name of wanted) {
    const index = names.indexOf(name);
    if (index >= 0) columns.set(name, index);
  }
  return ok({ file, columns });
}

const cell = (cells: readonly string[], header: SireneHeader, name: string): string => {
  const index = header.columns.get(name);
  return index === undefined ? '' : (cells[index] ?? '').trim();
};

/** `dateDernierTraitement…` is an ISO datetime; the load date stands in when it is empty. */
const asOfDate = (value: string, loadDate: string) =>
  /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : loadDate;

const SIZE_CATEGORIES = new Set(['PME', 'ETI', 'GE']);

export function unitFactsOf(
  cells: readonly string[],
  header: SireneHeader,
  loadDate: string,
): Result<UnitFacts> {
  const get = (name: string) => cell(cells, header, name);
  const siren = get('siren');
  if (!/^\d{9}$/.test(siren)) return fail(`siren "${siren}" is not 9 digits`);
  const person = [
    get('prenomUsuelUniteLegale') || get('prenom1UniteLegale'),
    get('nomUsageUniteLegale') || get('nomUniteLegale'),
  ]
    .filter(Boolean)
    .join(' ');
  const size = get('categorieEntreprise');
  const ess = get('economieSocialeSolidaireUniteLegale');
  return ok({
    kind: 'unit',
    siren,
    name: get('denominationUniteLegale') || person || get('sigleUniteLegale'),
    ...(get('categorieJuridiqueUniteLegale') ? { legalCategory: get('categorieJuridiqueUniteLegale') } : {}),
    ...(ess === 'O' || ess === 'N' ? { ess: ess === 'O' } : {}),
    ...(SIZE_CATEGORIES.has(size) ? { sizeCategory: size as UnitFacts['sizeCategory'] } : {}),
    ...(get('trancheEffectifsUniteLegale') ? { headcountBand: get('trancheEffectifsUniteLegale') } : {}),
    ...(get('activitePrincipaleUniteLegale') ? { activity: get('activitePrincipaleUniteLegale') } : {}),
    ...(person ? { naturalPerson: true } : {}),
    ceased: get('etatAdministratifUniteLegale') === 'C',
    asOf: asOfDate(get('dateDernierTraitementUniteLegale'), loadDate),
  });
}

export function establishmentFactsOf(
  cells: readonly string[],
  header: SireneHeader,
  loadDate: string,
): Result<EstablishmentFacts> {
  const get = (name: string) => cell(cells, header, name);
  const siret = get('siret');
  if (!/^\d{14}$/.test(siret)) return fail(`siret "${siret}" is not 14 digits`);
  const checked = parseSupplierIdentifier(siret, 'SIRET');
  if (!checked.ok) return fail(checked.reason);
  const foreign = get('codePaysEtrangerEtablissement') || get('libellePaysEtrangerEtablissement');
  const commune = get('codeCommuneEtablissement');
  const postcode = get('codePostalEtablissement');
  // A foreign establishment whose country name is not recognised is still abroad ("ZZ": unknown country).
  const place = foreign
    ? { country: normaliseCountry(get('libellePaysEtrangerEtablissement')) ?? 'ZZ' }
    : { ...(commune ? { communeCode: commune } : {}), ...(postcode ? { postcode } : {}), country: 'FR' };
  const name = get('enseigne1Etablissement') || get('denominationUsuelleEtablissement');
  return ok({
    kind: 'establishment',
    siret,
    place,
    headOffice: get('etablissementSiege') === 'true',
    closed: get('etatAdministratifEtablissement') === 'F',
    ...(name ? { name } : {}),
    ...(get('activitePrincipaleEtablissement') ? { activity: get('activitePrincipaleEtablissement') } : {}),
    ...(get('trancheEffectifsEtablissement') ? { headcountBand: get('trancheEffectifsEtablissement') } : {}),
    asOf: asOfDate(get('dateDernierTraitementEtablissement'), loadDate),
  });
}
