import { stat } from 'node:fs/promises';
import {
  type RegistryStockSource,
  type StockBatch,
  type StockColumns,
  type StockDescription,
  type StockFile,
  type StockRows,
  StockUnreadableError,
} from '../../ports/registry-stock.ts';
import { csvStockBatches } from './csv-stock-batches.ts';
import { describeFolderStock, folderStockLocation } from './folder-stock-location.ts';
import { gunzippedBytes } from './gunzipped-bytes.ts';
import { describeHttpStock, httpStockLocation } from './http-stock-location.ts';
import { parquetStockBatches } from './parquet-stock-batches.ts';
import type { StockLocation } from './stock-location.ts';
import { stockCandidates } from './stock-names.ts';
import {
  type ResolvedReadingOptions,
  resolveReadingOptions,
  type StockReadingOptions,
} from './stock-reading-options.ts';
import { zipCsvEntry } from './zip-csv-entry.ts';

const isHttp = (base: string): boolean => /^https?:\/\//i.test(base);

function csvBytes(location: StockLocation, options: ResolvedReadingOptions): AsyncIterable<Uint8Array> {
  const { format, location: where } = location.description;
  if (format === 'csv.gz') return gunzippedBytes(location.wholeFile(), where, options.inflation);
  if (format === 'zip') return zipCsvEntry(location.wholeFile(), where, options.inflation);
  return location.wholeFile();
}

function stockRows(
  location: StockLocation,
  columns: StockColumns,
  options: ResolvedReadingOptions,
): StockRows {
  const { description } = location;
  return {
    description,
    batches(batchOptions?: { readonly resumeAt?: number }): AsyncIterable<StockBatch> {
      if (description.format === 'parquet')
        return parquetStockBatches(location, columns, batchOptions?.resumeAt);
      // A CSV is read from its start: asking to resume inside one is the caller's mistake, not a damaged file.
      if ((batchOptions?.resumeAt ?? 0) !== 0) {
        throw new RangeError(
          `${description.location} is ${description.format}: it cannot be resumed mid-file`,
        );
      }
      return csvStockBatches(
        csvBytes(location, options),
        columns,
        description.location,
        options.rowsPerBatch,
      );
    },
  };
}

async function assertFolder(base: string): Promise<void> {
  const info = await stat(base).catch(() => undefined);
  if (!info?.isDirectory()) throw new StockUnreadableError(`${base} is not a folder that can be read`);
}

/**
 * The SIRENE stock files under `base`: an `http(s)://` URL standing for a folder (INSEE's names are
 * appended to it) or a local folder. For each file the best format present is read (Parquet, then zip,
 * gzip, plain CSV); see `StockReadingOptions` for timeouts, retries and decompression limits.
 */
export function openRegistryStockSource(base: string, options?: StockReadingOptions): RegistryStockSource {
  const resolved = resolveReadingOptions(options);
  return {
    async open(file: StockFile, columns: StockColumns): Promise<StockRows | undefined> {
      if (!isHttp(base)) await assertFolder(base);
      for (const candidate of stockCandidates(file)) {
        const description: StockDescription | undefined = isHttp(base)
          ? await describeHttpStock(base, file, candidate, resolved)
          : await describeFolderStock(base, file, candidate);
        if (description === undefined) continue;
        const location = isHttp(base)
          ? httpStockLocation(description, resolved)
          : folderStockLocation(description);
        return stockRows(location, columns, resolved);
      }
      return undefined;
    },
  };
}
