/** The SYNTHETIC stock used by the stock source tests, in every form, with the rows a reader must give. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StockColumns } from '../../../shared/ports/registry-stock.ts';
import {
  type EstablishmentRecord,
  EXTRA_COLUMN,
  establishmentTable,
  gzip,
  syntheticSiren,
  syntheticSiret,
  toSireneCsv,
} from '../../fixtures/built/sirene.ts';
import {
  parquetRoundTrip,
  stockParquet,
  stockZip,
  type ZipOptions,
} from '../../fixtures/built/sirene-formats.ts';

export const CSV_NAME = 'StockEtablissement_utf8.csv';
export const GZ_NAME = 'StockEtablissement_utf8.csv.gz';
export const ZIP_NAME = 'StockEtablissement_utf8.zip';
export const PARQUET_NAME = 'StockEtablissement_utf8.parquet';

/** 25 establishments, some with values that need quoting (commas, quotes, a line break, accents). */
export const RECORDS: readonly EstablishmentRecord[] = Array.from({ length: 25 }, (_, index) => ({
  siret: syntheticSiret(syntheticSiren(index), 1 + (index % 3)),
  siege: index % 3 === 0,
  codeCommune: index % 2 === 0 ? '38185' : '69383',
  enseigne: [
    undefined,
    'BOULANGERIE, PATISSERIE',
    'LE "BON" COIN',
    'DEUX\nLIGNES',
    'CAFÉ DES ÉCOLES',
    'CRLF\r\nDEDANS',
  ][index % 6],
  dateDernierTraitement: index % 4 === 0 ? '2024-11-30T22:05:41' : undefined,
}));

export const COLUMNS: StockColumns = {
  required: ['siret', 'etablissementSiege', 'codeCommuneEtablissement'],
  optional: [
    'enseigne1Etablissement',
    'dateCreationEtablissement',
    'dateDernierTraitementEtablissement',
    'nombrePeriodesEtablissement',
    'colonneQueCeFichierNaPas',
  ],
};

/** INSEE's layout plus a column it might add one day (placed third), which readers must skip. */
export const TABLE = establishmentTable(RECORDS, { extraColumnAt: 2 });
export const CSV = toSireneCsv(TABLE);

/** The rows expected from the generated table, by column name ('' for a column the file lacks). */
export function expectedRows(form: 'csv' | 'parquet', table = TABLE): string[][] {
  const asked = [...COLUMNS.required, ...COLUMNS.optional];
  return table.rows.map((row) =>
    asked.map((column) => {
      const index = table.header.indexOf(column);
      const text = index < 0 ? '' : (row[index] ?? '');
      return form === 'parquet' ? parquetRoundTrip(column, text) : text;
    }),
  );
}

export const ROW_GROUP_SIZE = 10;
export const parquet = (table = TABLE) => stockParquet(table, { rowGroupSize: ROW_GROUP_SIZE });
export const zip = (options: ZipOptions = {}, csv: string | Uint8Array = CSV) =>
  stockZip(CSV_NAME, csv, options);

/** Every form of the same stock, under the name it is published as. */
export const FORMS: readonly {
  readonly label: string;
  readonly name: string;
  readonly bytes: () => Uint8Array;
}[] = [
  { label: 'plain CSV', name: CSV_NAME, bytes: () => Buffer.from(CSV, 'utf8') },
  { label: 'gzipped CSV', name: GZ_NAME, bytes: () => gzip(CSV) },
  { label: 'zip, deflate, sizes in the header', name: ZIP_NAME, bytes: () => zip() },
  { label: 'zip, deflate, data descriptor', name: ZIP_NAME, bytes: () => zip({ dataDescriptor: true }) },
  { label: 'zip, deflate, ZIP64', name: ZIP_NAME, bytes: () => zip({ zip64: true }) },
  {
    label: 'zip, ZIP64 and data descriptor',
    name: ZIP_NAME,
    bytes: () => zip({ zip64: true, dataDescriptor: true }),
  },
  { label: 'zip, stored', name: ZIP_NAME, bytes: () => zip({ method: 'stored' }) },
  { label: 'Parquet', name: PARQUET_NAME, bytes: () => parquet() },
];

export { EXTRA_COLUMN };

/** A temporary folder holding `files`; `remove` deletes it. */
export async function folderWith(files: Readonly<Record<string, Uint8Array>>) {
  const path = await mkdtemp(join(tmpdir(), 'sirene-stock-'));
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(path, name), bytes);
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
