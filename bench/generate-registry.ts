/**
 * Writes SYNTHETIC SIRENE stock extracts with INSEE's exact headers (comma, UTF-8, LF, as INSEE
 * publishes them): a StockEtablissement whose first rows are the bench suppliers' establishments
 * (and their head offices), then made-up establishments up to the size asked for, 1 in 200 of them
 * with a SIRET failing its checksum; and a StockUniteLegale of the suppliers' legal units.
 *
 * Run alone: `npx tsx bench/generate-registry.ts [--rows N]`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  csvLine,
  ETABLISSEMENT_COLUMNS,
  type EtablissementColumn,
  UNITE_LEGALE_COLUMNS,
  type UniteLegaleColumn,
} from '../tests/fixtures/built/sirene.ts';
import { DEFAULT_SEED, DEFAULT_SUPPLIERS } from './bench-constants.ts';
import { benchOut, isMain } from './bench-paths.ts';
import { pick, seededRandom } from './seeded-random.ts';
import { breakLuhn, fillerSiren, siretOf } from './synthetic-ids.ts';
import { type SyntheticSupplier, syntheticSuppliers } from './synthetic-suppliers.ts';
import { createTextFileWriter } from './text-file-writer.ts';

// The exact INSEE headers are kept once, with the test fixtures that check them.
const TREATED = '2025-01-15T03:21:09.000';
const BANDS = ['NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41'];
const ACTIVITIES = ['43.32A', '43.21A', '56.10A', '62.02A', '81.21Z', '47.11B', '70.22Z', '49.41A', '86.21Z'];
export type Place = readonly [commune: string, postcode: string, town: string];

/** Head offices of branch suppliers sit in one of these (Paris, Lyon, Rennes). */
const HEAD_OFFICE_PLACES: readonly (readonly [string, string, string])[] = [
  ['75115', '75015', 'PARIS 15'],
  ['69383', '69003', 'LYON 3EME'],
  ['35238', '35000', 'RENNES'],
];
/**
 * Filler establishments are spread over these communes: [code, postcode, name], the first three in
 * the Grenoble métropole, the fourth elsewhere in the Isère. The other SYNTHETIC stocks use them too.
 */
export const FILLER_PLACES: readonly Place[] = [
  ['38185', '38000', 'GRENOBLE'],
  ['38151', '38130', 'ECHIROLLES'],
  ['38421', '38400', 'SAINT-MARTIN-D HERES'],
  ['38563', '38500', 'VOIRON'],
  ['75112', '75012', 'PARIS 12'],
  ['69383', '69003', 'LYON 3EME'],
  ['35238', '35000', 'RENNES'],
  ['13201', '13001', 'MARSEILLE 1ER'],
  ['31555', '31000', 'TOULOUSE'],
  ['59350', '59000', 'LILLE'],
];

/** One StockEtablissement row: the columns it fills, the others left empty as INSEE leaves them. */
export type EstablishmentValues = Partial<Record<EtablissementColumn, string>>;

function establishmentLine(values: EstablishmentValues): string {
  return csvLine(ETABLISSEMENT_COLUMNS.map((column) => values[column] ?? ''));
}

function establishment(
  siret: string,
  siege: boolean,
  [commune, postcode, town]: Place,
  activity: string,
  extra: EstablishmentValues = {},
): EstablishmentValues {
  return {
    siren: siret.slice(0, 9),
    nic: siret.slice(9),
    siret,
    statutDiffusionEtablissement: 'O',
    dateCreationEtablissement: '2010-03-01',
    dateDernierTraitementEtablissement: TREATED,
    etablissementSiege: siege ? 'true' : 'false',
    nombrePeriodesEtablissement: '1',
    numeroVoieEtablissement: '12',
    typeVoieEtablissement: 'RUE',
    libelleVoieEtablissement: 'DES EXEMPLES',
    codePostalEtablissement: postcode,
    libelleCommuneEtablissement: town,
    codeCommuneEtablissement: commune,
    dateDebut: '2019-01-01',
    etatAdministratifEtablissement: 'A',
    activitePrincipaleEtablissement: activity,
    nomenclatureActivitePrincipaleEtablissement: 'NAFRev2',
    caractereEmployeurEtablissement: 'O',
    ...extra,
  };
}

/**
 * The `index`-th made-up establishment: three per filler SIREN (the first the head office), 1 in 17
 * closed, 1 in 200 with a SIRET failing its checksum; its commune drawn by `place`.
 */
export function fillerEstablishment(
  index: number,
  random: () => number,
  place: (random: () => number) => Place = (draw) => pick(draw, FILLER_PLACES),
): { readonly values: EstablishmentValues; readonly bad: boolean } {
  const valid = siretOf(fillerSiren(Math.floor(index / 3)), (index % 3) + 1);
  const bad = (index + 1) % 200 === 0;
  const values = establishment(
    bad ? breakLuhn(valid) : valid,
    index % 3 === 0,
    place(random),
    pick(random, ACTIVITIES),
    {
      trancheEffectifsEtablissement: pick(random, BANDS),
      anneeEffectifsEtablissement: '2022',
      numeroVoieEtablissement: String((index % 180) + 1),
      libelleVoieEtablissement: `DU SYNTHETIQUE ${index % 97}`,
      etatAdministratifEtablissement: index % 17 === 0 ? 'F' : 'A',
      // Some shop signs hold a comma: the field is quoted, as INSEE quotes it.
      enseigne1Etablissement: index % 5 === 0 ? `ENSEIGNE ${index}${index % 25 === 0 ? ', ANNEXE' : ''}` : '',
    },
  );
  return { values, bad };
}

export interface GeneratedRegistry {
  readonly path: string;
  readonly rows: number;
  /** Rows the loader must reject (a SIRET failing its checksum). */
  readonly badRows: number;
  /** Rows describing the bench suppliers (their establishments and head offices). */
  readonly supplierRows: number;
  readonly bytes: number;
}

/** Rows describing the suppliers: each establishment paid, and the head office of each branch. */
export function supplierEstablishments(suppliers: readonly SyntheticSupplier[]): EstablishmentValues[] {
  const rows: EstablishmentValues[] = [];
  for (const supplier of suppliers) {
    if (!supplier.siret) continue;
    const place = [supplier.communeCode, supplier.postcode, supplier.town.toUpperCase()] as const;
    rows.push(establishment(supplier.siret, supplier.headOffice, place, supplier.activity));
    if (!supplier.headOffice) {
      const headOffice = siretOf(supplier.siret.slice(0, 9), 1);
      const where = HEAD_OFFICE_PLACES[supplier.siret.charCodeAt(8) % HEAD_OFFICE_PLACES.length];
      if (where) rows.push(establishment(headOffice, true, where, supplier.activity));
    }
  }
  return rows;
}

/**
 * A StockEtablissement of the suppliers' rows then filler rows, `rows` in all (never fewer than the
 * suppliers need). Three establishments per filler SIREN, the first the head office; 1 in 17 closed.
 */
export async function generateEstablishments(spec: {
  readonly rows: number;
  readonly suppliers: readonly SyntheticSupplier[];
  readonly seed: number;
  readonly path: string;
}): Promise<GeneratedRegistry> {
  const random = seededRandom(spec.seed + 1);
  const writer = createTextFileWriter(spec.path, 'utf-8');
  await writer.write(`${ETABLISSEMENT_COLUMNS.join(',')}\n`);
  const supplierLines = supplierEstablishments(spec.suppliers).map(establishmentLine);
  for (const line of supplierLines) await writer.write(`${line}\n`);
  let badRows = 0;
  const fillerRows = Math.max(0, spec.rows - supplierLines.length);
  for (let index = 0; index < fillerRows; index++) {
    const filler = fillerEstablishment(index, random);
    if (filler.bad) badRows += 1;
    await writer.write(`${establishmentLine(filler.values)}\n`);
  }
  const bytes = await writer.close();
  return {
    path: spec.path,
    rows: supplierLines.length + fillerRows,
    badRows,
    supplierRows: supplierLines.length,
    bytes,
  };
}

/** Legal categories with their share of suppliers: SAS, SARL, SCOP, SCIC, associations, sole traders… */
const LEGAL_CATEGORIES = [
  '5710',
  '5710',
  '5499',
  '5499',
  '5499',
  '5458',
  '5560',
  '9220',
  '1000',
  '5599',
  '7210',
];

/** One StockUniteLegale row: the columns it fills. */
export type UnitValues = Partial<Record<UniteLegaleColumn, string>>;

/** A legal unit's row: its category, size and social-economy flag drawn from `random`. */
export function unitValues(
  unit: { readonly siren: string; readonly name: string; readonly activity: string },
  random: () => number,
): UnitValues {
  const category = pick(random, LEGAL_CATEGORIES);
  return {
    siren: unit.siren,
    statutDiffusionUniteLegale: 'O',
    dateCreationUniteLegale: '2004-06-01',
    trancheEffectifsUniteLegale: pick(random, BANDS),
    anneeEffectifsUniteLegale: '2022',
    dateDernierTraitementUniteLegale: TREATED,
    nombrePeriodesUniteLegale: '2',
    categorieEntreprise: pick(random, ['PME', 'PME', 'PME', 'ETI', 'GE', '']),
    anneeCategorieEntreprise: '2022',
    dateDebut: '2019-01-01',
    etatAdministratifUniteLegale: 'A',
    denominationUniteLegale: unit.name.toUpperCase(),
    categorieJuridiqueUniteLegale: category,
    activitePrincipaleUniteLegale: unit.activity,
    nomenclatureActivitePrincipaleUniteLegale: 'NAFRev2',
    nicSiegeUniteLegale: '00017',
    economieSocialeSolidaireUniteLegale: ['5458', '5560', '9220'].includes(category) ? 'O' : 'N',
    caractereEmployeurUniteLegale: 'O',
  };
}

/** The suppliers' legal units, one per SIREN. */
export const supplierUnits = (suppliers: readonly SyntheticSupplier[], random: () => number): UnitValues[] =>
  suppliers.flatMap((supplier) =>
    supplier.siret
      ? [
          unitValues(
            { siren: supplier.siret.slice(0, 9), name: supplier.name, activity: supplier.activity },
            random,
          ),
        ]
      : [],
  );

/** A StockUniteLegale of the suppliers' legal units (one per SIREN). */
export async function generateUnits(spec: {
  readonly suppliers: readonly SyntheticSupplier[];
  readonly seed: number;
  readonly path: string;
}): Promise<GeneratedRegistry> {
  const writer = createTextFileWriter(spec.path, 'utf-8');
  await writer.write(`${UNITE_LEGALE_COLUMNS.join(',')}\n`);
  const units = supplierUnits(spec.suppliers, seededRandom(spec.seed + 2));
  for (const values of units) {
    await writer.write(`${csvLine(UNITE_LEGALE_COLUMNS.map((column) => values[column] ?? ''))}\n`);
  }
  const bytes = await writer.close();
  return { path: spec.path, rows: units.length, badRows: 0, supplierRows: units.length, bytes };
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      suppliers: { type: 'string', default: String(DEFAULT_SUPPLIERS) },
    },
  });
  const suppliers = syntheticSuppliers(Number(values.suppliers), DEFAULT_SEED);
  const rows = Number(values.rows);
  const establishments = await generateEstablishments({
    rows,
    suppliers,
    seed: DEFAULT_SEED,
    path: join(benchOut(), `StockEtablissement-${rows}.csv`),
  });
  const units = await generateUnits({
    suppliers,
    seed: DEFAULT_SEED,
    path: join(benchOut(), 'StockUniteLegale-suppliers.csv'),
  });
  console.log(JSON.stringify({ establishments, units }));
}
