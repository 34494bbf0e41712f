import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRegistryStockSource } from '../../../shared/adapters/sirene-stock/open-stock-source.ts';
import type { StockReadingOptions } from '../../../shared/adapters/sirene-stock/stock-reading-options.ts';
import {
  type StockBatch,
  type StockRows,
  StockUnreadableError,
} from '../../../shared/ports/registry-stock.ts';
import { establishmentTable } from '../../fixtures/built/sirene.ts';
import { stockParquet } from '../../fixtures/built/sirene-formats.ts';
import { type StockServer, startStockServer } from '../../support/stock-server.ts';
import {
  COLUMNS,
  CSV_NAME,
  expectedRows,
  FORMS,
  folderWith,
  GZ_NAME,
  PARQUET_NAME,
  parquet,
  RECORDS,
  ROW_GROUP_SIZE,
  TABLE,
  ZIP_NAME,
  zip,
} from './stock-fixtures.ts';

const FAST: StockReadingOptions = { retryBaseDelayMs: 5, timeoutMs: 2_000, rowsPerBatch: 7 };

let server: StockServer;
const folders: { remove: () => Promise<void> }[] = [];

beforeAll(async () => {
  server = await startStockServer();
});
afterAll(() => server.close());
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => folder.remove()));
});

/** A base holding `files`: a fresh folder, or a fresh path on the test server. */
async function baseWith(
  where: 'folder' | 'http',
  files: Readonly<Record<string, Uint8Array>>,
): Promise<string> {
  if (where === 'folder') {
    const folder = await folderWith(files);
    folders.push(folder);
    return folder.path;
  }
  const prefix = `run-${Math.random().toString(36).slice(2)}`;
  for (const [name, bytes] of Object.entries(files)) server.setFile(`${prefix}/${name}`, bytes);
  return `${server.url}/${prefix}/`;
}

async function opened(base: string, options: StockReadingOptions = FAST): Promise<StockRows> {
  const rows = await openRegistryStockSource(base, options).open('etablissement', COLUMNS);
  if (rows === undefined) throw new Error(`nothing found under ${base}`);
  return rows;
}

async function collect(rows: StockRows, resumeAt?: number): Promise<StockBatch[]> {
  const batches: StockBatch[] = [];
  for await (const batch of rows.batches(resumeAt === undefined ? undefined : { resumeAt }))
    batches.push(batch);
  return batches;
}

/** The reason the read fails with, and the rows delivered before it failed. */
async function failure(rows: StockRows): Promise<{ reason: string; delivered: number }> {
  let delivered = 0;
  try {
    for await (const batch of rows.batches()) delivered += batch.rows.length;
  } catch (error) {
    expect(error).toBeInstanceOf(StockUnreadableError);
    return { reason: (error as Error).message, delivered };
  }
  throw new Error('the read did not fail');
}

describe.each(['folder', 'http'] as const)('a stock read from a %s', (where) => {
  it.each(FORMS)('gives the asked columns of every row from the $label form', async (form) => {
    const rows = await opened(await baseWith(where, { [form.name]: form.bytes() }));
    expect(rows.description).toMatchObject({
      file: 'etablissement',
      name: form.name,
      sizeBytes: form.bytes().length,
    });
    const batches = await collect(rows);
    const parquetForm = form.name === PARQUET_NAME;
    expect(batches.flatMap((batch) => batch.rows)).toEqual(expectedRows(parquetForm ? 'parquet' : 'csv'));
    let before = 0;
    for (const [index, batch] of batches.entries()) {
      expect(batch.rowsBefore).toBe(before);
      expect(batch.resumeAt).toBe(parquetForm ? index + 1 : undefined);
      before += batch.rows.length;
    }
    expect(batches.map((batch) => batch.rows.length)).toEqual(parquetForm ? [10, 10, 5] : [7, 7, 7, 4]);
  });

  it('prefers Parquet, then zip, then gzip, then plain CSV', async () => {
    const all = Object.fromEntries(FORMS.map((form) => [form.name, form.bytes()]));
    const order = [PARQUET_NAME, ZIP_NAME, GZ_NAME, CSV_NAME];
    for (const [index, name] of order.entries()) {
      const files = Object.fromEntries(
        order.slice(index).map((kept) => [kept, all[kept] ?? new Uint8Array()]),
      );
      expect((await opened(await baseWith(where, files))).description.name).toBe(name);
    }
  });

  it('finds nothing where none of the names is', async () => {
    const base = await baseWith(where, { 'StockUniteLegale_utf8.csv': Buffer.from('siren\n') });
    expect(await openRegistryStockSource(base, FAST).open('etablissement', COLUMNS)).toBeUndefined();
  });

  it.each([CSV_NAME, PARQUET_NAME])('refuses %s when a required column is missing', async (name) => {
    const header = TABLE.header.filter(
      (column) => column !== 'siret' && column !== 'codeCommuneEtablissement',
    );
    const table = establishmentTable(RECORDS, { columns: header });
    const bytes = name === CSV_NAME ? Buffer.from(toCsv(table), 'utf8') : parquet(table);
    const { reason } = await failure(await opened(await baseWith(where, { [name]: bytes })));
    expect(reason).toMatch(/lacks the columns siret, codeCommuneEtablissement$/);
  });
});

const toCsv = (table: { header: readonly string[]; rows: readonly (readonly string[])[] }) =>
  `${[table.header, ...table.rows].map((cells) => cells.map(csvCell).join(',')).join('\n')}\n`;
const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

describe('Parquet row groups', () => {
  it.each([0, 1, 2, 3])('resumes at row group %i with the rows before it counted', async (resumeAt) => {
    const rows = await opened(await baseWith('http', { [PARQUET_NAME]: parquet() }));
    const batches = await collect(rows, resumeAt);
    const expected = expectedRows('parquet');
    expect(batches.map((batch) => batch.rowsBefore)).toEqual([0, 10, 20].slice(resumeAt));
    expect(batches.flatMap((batch) => batch.rows)).toEqual(expected.slice(resumeAt * ROW_GROUP_SIZE));
  });

  it('reads pages compressed otherwise than with snappy (gzip here)', async () => {
    const bytes = stockParquet(TABLE, { rowGroupSize: ROW_GROUP_SIZE, gzipPages: true });
    const rows = await opened(await baseWith('folder', { [PARQUET_NAME]: bytes }));
    const batches = await collect(rows, 0);
    expect(batches.flatMap((batch) => batch.rows)).toEqual(expectedRows('parquet'));
  });

  it('reads only byte ranges, with If-Match, and never the whole file', async () => {
    const base = await baseWith('http', { [PARQUET_NAME]: parquet() });
    const seen = server.requests.length;
    await collect(await opened(base));
    const gets = server.requests.slice(seen).filter((request) => request.method === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    for (const request of gets) {
      expect(request.range).toMatch(/^bytes=\d+-\d+$/);
      expect(request.ifMatch).toMatch(/^".+"$/);
    }
  });

  it('fails when the file changes between two range reads', async () => {
    const base = await baseWith('http', {});
    const name = `${new URL(base).pathname.slice(1)}${PARQUET_NAME}`;
    server.setFile(name, parquet(), { newVersionFromRequest: 4 });
    const { reason } = await failure(await opened(base));
    expect(reason).toMatch(/changed while being read/);
  });

  it('refuses to resume a CSV mid-file', async () => {
    const rows = await opened(await baseWith('folder', { [CSV_NAME]: Buffer.from(toCsv(TABLE)) }));
    expect(() => rows.batches({ resumeAt: 1 })).toThrow(RangeError);
  });
});

/** Serves one file with faults under a fresh base; returns the base. */
async function faultyBase(name: string, bytes: Uint8Array, faults: Parameters<StockServer['setFile']>[2]) {
  const base = await baseWith('http', {});
  server.setFile(`${new URL(base).pathname.slice(1)}${name}`, bytes, faults);
  return base;
}

describe('damaged, cut or changing files', () => {
  const csvBytes = () => Buffer.from(toCsv(TABLE), 'utf8');

  it('fails on a body cut short, having held back the last batch', async () => {
    const bytes = csvBytes();
    const base = await faultyBase(CSV_NAME, bytes, { cutAfterBytes: bytes.length - 10 });
    const { reason, delivered } = await failure(await opened(base));
    expect(reason).toMatch(/broke off|stopped/);
    expect(delivered).toBeLessThan(RECORDS.length);
  });

  it('fails on a gzip file cut short', async () => {
    const gz = FORMS.find((form) => form.name === GZ_NAME)?.bytes() ?? new Uint8Array();
    const { reason } = await failure(
      await opened(await baseWith('folder', { [GZ_NAME]: gz.subarray(0, gz.length - 12) })),
    );
    expect(reason).toMatch(/^.*StockEtablissement_utf8\.csv\.gz: the gzipped file is corrupt or cut short/);
  });

  it('fails on corrupted gzip data', async () => {
    const gz = Buffer.from(FORMS.find((form) => form.name === GZ_NAME)?.bytes() ?? new Uint8Array());
    gz[gz.length - 6] = (gz[gz.length - 6] ?? 0) ^ 0xff;
    const { reason } = await failure(await opened(await baseWith('folder', { [GZ_NAME]: gz })));
    expect(reason).toMatch(/^.*StockEtablissement_utf8\.csv\.gz: the gzipped file is corrupt or cut short/);
  });

  it('fails on a zip entry whose CRC-32 does not match, after delivering all but the last batch', async () => {
    const { reason, delivered } = await failure(
      await opened(await baseWith('folder', { [ZIP_NAME]: zip({ crc32: 1234 }) })),
    );
    expect(reason).toMatch(/CRC-32 is [0-9a-f]{8}, not the 000004d2 announced/);
    expect(delivered).toBe(21);
  });

  it('fails on a zip cut inside its entry', async () => {
    const whole = zip({ dataDescriptor: true });
    const { reason } = await failure(
      await opened(await baseWith('folder', { [ZIP_NAME]: whole.subarray(0, 200) })),
    );
    expect(reason).toMatch(/cut inside the entry data|deflate data is damaged/);
  });

  it('fails when the file gets a new ETag between HEAD and GET', async () => {
    const base = await faultyBase(CSV_NAME, csvBytes(), { newVersionFromRequest: 2 });
    expect((await failure(await opened(base))).reason).toMatch(/changed while being read/);
  });

  it('waits as a 429 asks, then reads', async () => {
    const base = await faultyBase(CSV_NAME, csvBytes(), { tooManyRequests: { times: 1, retryAfter: '1' } });
    const started = Date.now();
    const batches = await collect(await opened(base));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(batches.flatMap((batch) => batch.rows)).toEqual(expectedRows('csv'));
  });

  it('gives up when a 429 asks to wait longer than allowed', async () => {
    const base = await faultyBase(CSV_NAME, csvBytes(), {
      tooManyRequests: { times: 1, retryAfter: '3600' },
    });
    await expect(opened(base)).rejects.toThrow(/asks to wait 3600 s/);
  });

  it('retries a 500, and gives up after three', async () => {
    const once = await faultyBase(CSV_NAME, csvBytes(), { serverErrors: 1 });
    expect((await collect(await opened(once))).length).toBe(4);
    const always = await faultyBase(CSV_NAME, csvBytes(), { serverErrors: 3 });
    await expect(opened(always)).rejects.toThrow(/HTTP 500 after 3 attempts/);
  });

  it('abandons a server that does not answer in time', async () => {
    const base = await faultyBase(CSV_NAME, csvBytes(), { delayMs: 400 });
    await expect(opened(base, { ...FAST, timeoutMs: 100, attempts: 1 })).rejects.toThrow(
      /no answer for 0.1 s after 1 attempts/,
    );
  });

  it('asks for the size with a one-byte range when HEAD is refused', async () => {
    const bytes = csvBytes();
    const rows = await opened(await faultyBase(CSV_NAME, bytes, { refuseHead: true }));
    expect(rows.description.sizeBytes).toBe(bytes.length);
    expect(rows.description.version).toMatch(/^".+"$/);
  });

  it('refuses a zip that inflates far beyond its size', async () => {
    // Past the 16 MB from which every compressed file's ratio is judged (input-limits.ts).
    const bomb = zip({}, `${TABLE.header.join(',')}\n${'0'.repeat(24 * 1024 * 1024)}\n`);
    const { reason } = await failure(await opened(await baseWith('folder', { [ZIP_NAME]: bomb })));
    expect(reason).toMatch(/entry .*: the zip entry inflates more than 100 times/);
  });

  it('refuses text that is not UTF-8, and a file with no header', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${TABLE.header.join(',')}\n`),
      Buffer.from([0x43, 0x41, 0x46, 0xc9, 0x0a]),
    ]);
    expect((await failure(await opened(await baseWith('folder', { [CSV_NAME]: latin1 })))).reason).toMatch(
      /not valid UTF-8/,
    );
    expect(
      (await failure(await opened(await baseWith('folder', { [CSV_NAME]: new Uint8Array() })))).reason,
    ).toMatch(/is empty/);
  });

  it('refuses a record whose field count differs from the header', async () => {
    const bytes = Buffer.from(`${TABLE.header.join(',')}\na,b,c\n`);
    expect((await failure(await opened(await baseWith('folder', { [CSV_NAME]: bytes })))).reason).toMatch(
      /record 2 \(the header being 1\) has 3 fields/,
    );
  });
});
