import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BAD_SHARE, DEFAULT_SEED, DEFAULT_SUPPLIERS } from './bench-constants.ts';
import { type GeneratedPayments, generatePayments, type PaymentsEncoding } from './generate-payments.ts';
import { type GeneratedRegistry, generateEstablishments, generateUnits } from './generate-registry.ts';
import { type GeneratedStock, generateStock, STOCK_NAMES } from './generate-stock.ts';
import { syntheticSuppliers } from './synthetic-suppliers.ts';

/** The generators' own source: a cached file is reused only if they have not changed since. */
const generatorsHash = createHash('sha256')
  .update(
    [
      'generate-payments.ts',
      'generate-registry.ts',
      'generate-stock.ts',
      'synthetic-suppliers.ts',
      'synthetic-ids.ts',
      'seeded-random.ts',
      'text-file-writer.ts',
      'bench-constants.ts',
    ]
      .map((file) => readFileSync(new URL(file, import.meta.url), 'utf-8'))
      .join('\u0000'),
  )
  .digest('hex');

/**
 * dynalite keeps the whole table in memory (~4 GB for 1 M lines and their index entries) and writes
 * ~3 k lines/s here: end to end stops at this size unless --e2e-rows says otherwise.
 */
export const E2E_MAX_ROWS = 200_000;
const REPORT_SMALL_ROWS = 10_000;

/** The small report file: 10 k lines, or half the end-to-end file in a quick run. */
export const smallReportRows = (e2eRows: number) =>
  Math.min(REPORT_SMALL_ROWS, Math.max(1, Math.floor(e2eRows / 2)));

/** Every supplier is paid within the first lines of each file: the smallest file used must pay them all. */
export const supplierCountFor = (smallestRows: number) =>
  Math.min(DEFAULT_SUPPLIERS, Math.max(1, Math.floor(smallestRows / 2)));

/**
 * The SYNTHETIC bench files in `out`, generated on first use and reused (a JSON sidecar keeps the
 * generator's answer) while the generators and the arguments are unchanged.
 */
export function benchFiles(out: string, supplierCount: number, log: (message: string) => void) {
  const suppliers = syntheticSuppliers(supplierCount, DEFAULT_SEED);

  async function cached<T extends { readonly bytes: number }>(
    path: string,
    key: object,
    make: () => Promise<T>,
  ): Promise<T> {
    const sidecar = `${path}.json`;
    const keyText = JSON.stringify({ ...key, generatorsHash });
    try {
      const stored = JSON.parse(readFileSync(sidecar, 'utf-8')) as { key: string; result: T };
      if (stored.key === keyText && statSync(path).size === stored.result.bytes) {
        log(`reusing ${path}`);
        return stored.result;
      }
    } catch {
      // Not generated yet, or by other generators: generate it.
    }
    log(`generating ${path}`);
    const result = await make();
    writeFileSync(sidecar, JSON.stringify({ key: keyText, result }));
    return result;
  }

  return {
    payments(count: number, encoding: PaymentsEncoding): Promise<GeneratedPayments> {
      const path = join(out, `payments-${count}-${supplierCount}s-${encoding}.csv`);
      return cached(path, { count, encoding, supplierCount, seed: DEFAULT_SEED, BAD_SHARE }, () =>
        generatePayments({ rows: count, encoding, suppliers, seed: DEFAULT_SEED, badShare: BAD_SHARE, path }),
      );
    },
    /** `count` rows in all, or only the suppliers' rows for 0. */
    establishments(count: number): Promise<GeneratedRegistry> {
      const path = join(out, `StockEtablissement-${count || 'suppliers'}-${supplierCount}s.csv`);
      return cached(path, { count, supplierCount, seed: DEFAULT_SEED }, () =>
        generateEstablishments({ rows: count, suppliers, seed: DEFAULT_SEED, path }),
      );
    },
    /**
     * A national-size stock of `count` establishment rows in Parquet, the first `csvCount` of them
     * also in CSV, and its units (folders `stock-<count>-…/parquet` and `…/csv`).
     */
    stock(count: number, csvCount: number): Promise<GeneratedStock> {
      const folder = join(out, `stock-${count}-${csvCount}csv-${supplierCount}s`);
      return cached(
        join(folder, 'parquet', STOCK_NAMES.etablissementParquet),
        { count, csvCount, supplierCount, seed: DEFAULT_SEED },
        () => generateStock({ rows: count, csvRows: csvCount, suppliers, seed: DEFAULT_SEED, folder }),
      );
    },
    units(): Promise<GeneratedRegistry> {
      const path = join(out, `StockUniteLegale-${supplierCount}s.csv`);
      return cached(path, { supplierCount, seed: DEFAULT_SEED }, () =>
        generateUnits({ suppliers, seed: DEFAULT_SEED, path }),
      );
    },
  };
}
