/**
 * Writes a SYNTHETIC national-size SIRENE stock, as INSEE publishes it for `ancrage registry fetch`:
 * a StockEtablissement of `rows` rows with INSEE's 54 columns, typed as INSEE's Parquet types them
 * (tests/fixtures/built/sirene-formats.ts), written row group by row group (ROW_GROUP_ROWS rows each)
 * so that the generator never holds more than one group; the same rows as CSV (all of them, or the
 * first `csvRows`), and a StockUniteLegale (Parquet) of the suppliers' units and one filler unit per
 * filler SIREN. The bench suppliers' establishments and head offices are spread evenly among the
 * filler rows; filler establishments lie mostly outside the Grenoble métropole (LOCAL_SHARE inside).
 *
 * Two folders under INSEE's names, since a folder's Parquet is preferred to its CSV:
 * `<folder>/parquet/` (both files in Parquet) and `<folder>/csv/` (the CSV establishments, the same
 * Parquet units). Run alone: `npx tsx bench/generate-stock.ts [--rows N] [--csv-rows N]`.
 */
import { linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import { csvLine, ETABLISSEMENT_COLUMNS, UNITE_LEGALE_COLUMNS } from '../tests/fixtures/built/sirene.ts';
import {
  type ParquetKind,
  parquetKindOf,
  stockParquetSchema,
  typedValue,
} from '../tests/fixtures/built/sirene-formats.ts';
import { DEFAULT_SEED, DEFAULT_SUPPLIERS } from './bench-constants.ts';
import { benchOut, isMain } from './bench-paths.ts';
import {
  type EstablishmentValues,
  FILLER_PLACES,
  fillerEstablishment,
  type Place,
  supplierEstablishments,
  supplierUnits,
  type UnitValues,
  unitValues,
} from './generate-registry.ts';
import { pick, seededRandom } from './seeded-random.ts';
import { fillerSiren } from './synthetic-ids.ts';
import { type SyntheticSupplier, syntheticSuppliers } from './synthetic-suppliers.ts';
import { createTextFileWriter } from './text-file-writer.ts';

/** Rows per Parquet row group: what the reader holds at once (INSEE's own group size is not published). */
export const ROW_GROUP_ROWS = 100_000;
/**
 * Share of filler establishments in the métropole's communes (the local rings the refresh counts):
 * pessimistic, since the real métropole holds well under 1 % of the national stock.
 */
const LOCAL_SHARE = 0.02;
/** The Grenoble métropole's filler places, then the others. */
const LOCAL_PLACES = FILLER_PLACES.slice(0, 3);
const ELSEWHERE = FILLER_PLACES.slice(3);
const nationalPlace = (random: () => number): Place =>
  random() < LOCAL_SHARE ? pick(random, LOCAL_PLACES) : pick(random, ELSEWHERE);

export const STOCK_NAMES = {
  etablissementParquet: 'StockEtablissement_utf8.parquet',
  etablissementCsv: 'StockEtablissement_utf8.csv',
  uniteLegaleParquet: 'StockUniteLegale_utf8.parquet',
} as const;

export interface GeneratedStock {
  /** StockEtablissement and StockUniteLegale in Parquet. */
  readonly parquetFolder: string;
  /** StockEtablissement in CSV, the same StockUniteLegale in Parquet. */
  readonly csvFolder: string;
  /** The Parquet establishment file: what `bytes` measures (the cache checks it). */
  readonly path: string;
  readonly rows: number;
  /** Rows of the CSV: the first `csvRows` of the Parquet's. */
  readonly csvRows: number;
  readonly rowGroupRows: number;
  readonly rowGroups: number;
  /** Establishment rows describing the suppliers (each one a fact the refresh keeps), and in the CSV. */
  readonly supplierRows: number;
  readonly csvSupplierRows: number;
  /** Filler rows whose SIRET fails its checksum. */
  readonly badRows: number;
  readonly unitRows: number;
  readonly supplierUnits: number;
  readonly bytes: number;
  readonly csvBytes: number;
  readonly unitBytes: number;
  readonly ms: number;
}

/** Typed column arrays of a group of rows; dates and times shared between equal cells. */
function columnsOf<Column extends string>(
  header: readonly Column[],
  rows: readonly Partial<Record<Column, string>>[],
) {
  return header.map((name) => {
    const kind: ParquetKind = parquetKindOf(name);
    const shared = new Map<string, unknown>();
    const data = rows.map((row) => {
      const text = row[name] ?? '';
      if (kind === 'STRING') return text === '' ? null : text;
      let value = shared.get(text);
      if (value === undefined) {
        value = typedValue(kind, text);
        shared.set(text, value);
      }
      return value;
    });
    return { name, data };
  });
}

/** A Parquet file written one row group at a time. */
function groupWriter<Column extends string>(path: string, header: readonly Column[]) {
  // No column statistics: the refresh reads every row group whole, and they cost an eighth of the time.
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: stockParquetSchema(header),
    statistics: false,
  });
  let groups = 0;
  return {
    write(rows: readonly Partial<Record<Column, string>>[]) {
      if (rows.length === 0) return;
      writer.write({ columnData: columnsOf(header, rows), rowGroupSize: rows.length });
      groups += 1;
    },
    finish(): { groups: number; bytes: number } {
      writer.finish();
      return { groups, bytes: statSync(path).size };
    },
  };
}

/** The establishment rows in order: supplier rows at evenly spaced places, filler rows between them. */
function* establishmentRows(
  rows: number,
  suppliers: readonly EstablishmentValues[],
  random: () => number,
): Generator<{ values: EstablishmentValues; bad: boolean; supplier: boolean }> {
  let nextSupplier = 0;
  let filler = 0;
  const placeOf = (n: number) => Math.floor(((n + 0.5) * rows) / suppliers.length);
  for (let index = 0; index < rows; index++) {
    const supplier = suppliers[nextSupplier];
    if (supplier && placeOf(nextSupplier) <= index) {
      nextSupplier += 1;
      yield { values: supplier, bad: false, supplier: true };
    } else {
      const made = fillerEstablishment(filler++, random, nationalPlace);
      yield { ...made, supplier: false };
    }
  }
}

export async function generateStock(spec: {
  readonly rows: number;
  readonly csvRows: number;
  readonly suppliers: readonly SyntheticSupplier[];
  readonly seed: number;
  readonly folder: string;
}): Promise<GeneratedStock> {
  const started = performance.now();
  const parquetFolder = join(spec.folder, 'parquet');
  const csvFolder = join(spec.folder, 'csv');
  rmSync(spec.folder, { recursive: true, force: true });
  mkdirSync(parquetFolder, { recursive: true });
  mkdirSync(csvFolder, { recursive: true });

  const suppliers = supplierEstablishments(spec.suppliers);
  const rows = Math.max(spec.rows, suppliers.length);
  const csvRows = Math.min(rows, spec.csvRows);
  const path = join(parquetFolder, STOCK_NAMES.etablissementParquet);
  const parquet = groupWriter(path, ETABLISSEMENT_COLUMNS);
  const csv = createTextFileWriter(join(csvFolder, STOCK_NAMES.etablissementCsv), 'utf-8');
  await csv.write(`${ETABLISSEMENT_COLUMNS.join(',')}\n`);
  const random = seededRandom(spec.seed + 3);
  let group: EstablishmentValues[] = [];
  let badRows = 0;
  let csvSupplierRows = 0;
  let index = 0;
  for (const row of establishmentRows(rows, suppliers, random)) {
    if (row.bad) badRows += 1;
    if (index < csvRows) {
      if (row.supplier) csvSupplierRows += 1;
      await csv.write(`${csvLine(ETABLISSEMENT_COLUMNS.map((column) => row.values[column] ?? ''))}\n`);
    }
    group.push(row.values);
    index += 1;
    if (group.length === ROW_GROUP_ROWS) {
      parquet.write(group);
      group = [];
    }
  }
  parquet.write(group);
  const written = parquet.finish();
  const csvBytes = await csv.close();

  // One unit per SIREN: the suppliers', then one per filler SIREN (three establishments each).
  const unitRandom = seededRandom(spec.seed + 4);
  const unitPath = join(parquetFolder, STOCK_NAMES.uniteLegaleParquet);
  const units = groupWriter(unitPath, UNITE_LEGALE_COLUMNS);
  const supplierUnitRows = supplierUnits(spec.suppliers, unitRandom);
  let unitGroup: UnitValues[] = [...supplierUnitRows];
  const fillerUnits = Math.ceil((rows - suppliers.length) / 3);
  for (let n = 0; n < fillerUnits; n++) {
    unitGroup.push(
      unitValues({ siren: fillerSiren(n), name: `UNITE SYNTHETIQUE ${n}`, activity: '43.32A' }, unitRandom),
    );
    if (unitGroup.length === ROW_GROUP_ROWS) {
      units.write(unitGroup);
      unitGroup = [];
    }
  }
  units.write(unitGroup);
  const unitBytes = units.finish().bytes;
  linkSync(unitPath, join(csvFolder, STOCK_NAMES.uniteLegaleParquet));

  return {
    parquetFolder,
    csvFolder,
    path,
    rows,
    csvRows,
    rowGroupRows: ROW_GROUP_ROWS,
    rowGroups: written.groups,
    supplierRows: suppliers.length,
    csvSupplierRows,
    badRows,
    unitRows: supplierUnitRows.length + fillerUnits,
    supplierUnits: supplierUnitRows.length,
    bytes: written.bytes,
    csvBytes,
    unitBytes,
    ms: performance.now() - started,
  };
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '10000000' },
      'csv-rows': { type: 'string' },
      suppliers: { type: 'string', default: String(DEFAULT_SUPPLIERS) },
    },
  });
  const rows = Number(values.rows);
  const stock = await generateStock({
    rows,
    csvRows: Number(values['csv-rows'] ?? rows),
    suppliers: syntheticSuppliers(Number(values.suppliers), DEFAULT_SEED),
    seed: DEFAULT_SEED,
    folder: benchOut(`stock-${rows}`),
  });
  console.log(JSON.stringify(stock));
}
