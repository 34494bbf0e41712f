import { execFile } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Runs the whole bench at 2 000 lines so that it cannot rot: every stage runs against the real code
 * (generators, ingest core, handlers over the emulators, bundles) and the JSON line is complete and
 * consistent. No timing is asserted: these machines are too noisy, and the figures belong in
 * BENCHMARKS.md, not in a test.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const ROWS = 2_000;
/** Establishment rows of the national-stock stand-in: fewer than the suppliers' own rows, so all of those. */
const STOCK_ROWS = 3_000;

/** The figures the issue asks for, and the counts they are consistent with. */
const NUMERIC_KEYS = [
  'rows',
  'badLines',
  'unreadableLines',
  'acceptedLines',
  'rejectedLines',
  'suppliers',
  'papaparseRowsPerSec',
  'papaparseDuplexRowsPerSec',
  'ingestCoreRowsPerSec',
  'ingestCoreUtf8RowsPerSec',
  'coreVsPapaparse',
  'decodeMs',
  'papaparseDecodedRowsPerSec',
  'peakRssMb',
  'e2eRows',
  'e2eLinesPerSec',
  'ddbRequests',
  'ddbWriteRequests',
  'ddbWriteBudget',
  'ddbRequestsPer1000Lines',
  'reportRowsSmall',
  'reportRowsLarge',
  'reportSuppliers',
  'reportMs10k',
  'reportMs1M',
  'reportReads10k',
  'reportReads1M',
  'registryRows',
  'registryRowsPerSec',
  'registryPeakRssMb',
  'registryE2eRows',
] as const;

/** `registryFetch`: the national stock fetched in Parquet and in CSV. */
const REGISTRY_FETCH_KEYS = [
  'rows',
  'parquetRowsPerSec',
  'csvRows',
  'csvRowsPerSec',
  'unitRows',
  'peakRssMb',
  'factsKept',
  'unitFactsKept',
  'communesCounted',
  'localEstablishments',
] as const;

const functionNames = readdirSync(new URL('../../functions/', import.meta.url)).filter((name) =>
  statSync(new URL(`../../functions/${name}/handler.ts`, import.meta.url), { throwIfNoEntry: false }),
);

/** Its own folder under bench/out/ (inside the project, so bundles resolve node_modules), removed after. */
async function runBench(): Promise<Record<string, unknown>> {
  const out = `bench/out/smoke-${process.pid}`;
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/run.ts',
        '--rows',
        String(ROWS),
        '--stock-rows',
        String(STOCK_ROWS),
        '--json',
        '--out',
        out,
      ],
      {
        cwd: root,
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const last = stdout.trim().split('\n').at(-1) ?? '';
    return JSON.parse(last) as Record<string, unknown>;
  } finally {
    rmSync(new URL(`../../${out}`, import.meta.url), { recursive: true, force: true });
  }
}

describe('npm run bench, at 2 000 lines', () => {
  it('measures every stage and ends with one consistent JSON object', async () => {
    const result = await runBench();
    const figure = (key: string) => result[key] as number;

    for (const key of NUMERIC_KEYS) {
      expect(typeof result[key], key).toBe('number');
      expect(Number.isFinite(result[key]), key).toBe(true);
    }
    expect(figure('rows')).toBe(ROWS);
    // Every line is either accepted or rejected; the rejected ones are the bad lines with no readable
    // amount, the other bad lines (a date, a SIRET) are counted.
    expect(figure('acceptedLines') + figure('rejectedLines')).toBe(ROWS);
    expect(figure('rejectedLines')).toBe(figure('unreadableLines'));
    expect(figure('unreadableLines')).toBeGreaterThan(0);
    expect(figure('badLines')).toBeGreaterThan(figure('unreadableLines'));
    expect(figure('coreVsPapaparse')).toBeCloseTo(
      figure('ingestCoreRowsPerSec') / figure('papaparseRowsPerSec'),
      2,
    );
    // End to end: all DynamoDB requests of the ingest. Lines go to files, so writes are O(suppliers):
    // a request per 25 rollups and a few for the dataset record.
    expect(figure('e2eRows')).toBeLessThanOrEqual(ROWS);
    expect(figure('ddbWriteRequests')).toBeGreaterThan(0);
    expect(figure('ddbWriteRequests')).toBeLessThanOrEqual(figure('ddbRequests'));
    expect(figure('ddbRequestsPer1000Lines')).toBeCloseTo(
      (figure('ddbRequests') / figure('e2eRows')) * 1000,
      2,
    );
    expect(figure('ddbWriteRequests')).toBeLessThanOrEqual(Math.ceil(figure('suppliers') / 25) + 12);
    // The two reports cover the same suppliers from files of different sizes, and read O(suppliers).
    expect(figure('reportRowsSmall')).toBeLessThan(figure('reportRowsLarge'));
    expect(figure('reportSuppliers')).toBe(figure('suppliers'));
    expect(figure('reportReads10k')).toBeGreaterThan(0);
    expect(figure('reportReads1M')).toBeLessThanOrEqual(2 * figure('reportReads10k'));
    expect(figure('registryRows')).toBe(ROWS);

    // The stock holds the suppliers' rows among fillers; the DECP sample is located once its suppliers are known.
    const fetch = result.registryFetch as Record<string, number>;
    for (const key of REGISTRY_FETCH_KEYS)
      expect(Number.isFinite(fetch[key]), `registryFetch.${key}`).toBe(true);
    expect(fetch.rows).toBeGreaterThanOrEqual(STOCK_ROWS);
    expect(fetch.csvRows).toBe(fetch.rows);
    expect(fetch.factsKept).toBeGreaterThan(0);
    expect(fetch.unitFactsKept).toBeGreaterThan(0);
    expect(fetch.communesCounted).toBeGreaterThan(0);
    const decp = result.decpLocatedShare as { before: number; after: number; ceiling: number };
    expect(decp.before).toBeLessThan(decp.after);
    expect(decp.ceiling).toBeGreaterThan(0.5);
    expect(decp.after).toBeGreaterThanOrEqual(decp.ceiling - 0.001);
    expect(decp.after).toBeLessThanOrEqual(1);

    const bundleKb = result.bundleKb as Record<string, unknown>;
    expect(Object.keys(bundleKb).sort()).toEqual([...functionNames].sort());
    for (const name of functionNames) {
      expect(typeof bundleKb[name], name).toBe('number');
      expect(bundleKb[name] as number, name).toBeGreaterThan(0);
    }
    const targets = result.targets as Record<string, unknown>;
    for (const held of Object.values(targets)) expect(typeof held).toBe('boolean');
    // ~50 s on an idle machine, ~115 s on one whose two cores are busy with other test files.
  }, 600_000);
});
