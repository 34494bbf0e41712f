import { readFileSync } from 'node:fs';
import { BATCH_SIZE } from '../shared/adapters/batch-write.ts';
import { openRegistryStockSource } from '../shared/adapters/sirene-stock/open-stock-source.ts';
import type { DatasetRecord } from '../shared/domain/dataset.ts';
import type { SupplierRollup } from '../shared/domain/ingest/supplier-rollup-record.ts';
import type { RegistryCheckpoint, RegistryStatus } from '../shared/domain/registry/registry-status.ts';
import { BUNDLED_TERRITORIES, DEFAULT_TERRITORY_ID } from '../shared/domain/territory/bundled-territories.ts';
import { systemClock } from '../shared/ports/clock.ts';
import type { StockFile } from '../shared/ports/registry-stock.ts';
import { type RegistryRefreshDependencies, refreshRegistry } from '../shared/use-cases/refresh-registry.ts';
import { countedDataset } from '../tests/unit/report/counted-dataset.ts';
import { BENCH_ANCHOR_ID } from './bench-constants.ts';

export interface RegistryFetchMeasure {
  readonly format: string;
  /** Rows read per file, and the time from the refresh's start to each file's last batch. */
  readonly establishmentRows: number;
  readonly establishmentMs: number;
  readonly unitRows: number;
  readonly unitMs: number;
  readonly ms: number;
  readonly establishmentFacts: number;
  readonly unitFacts: number;
  readonly wantedSirets: number;
  readonly communesCounted: number;
  /** Active local establishments counted, all communes and divisions together. */
  readonly localEstablishments: number;
  readonly writeRequests: number;
}

/** A bench supplier as the dataset names it (the stage reads them from a file run.ts writes). */
export interface NamedSupplier {
  readonly code: string;
  readonly name: string;
  readonly siret: string | undefined;
}

/** One counted dataset whose rollups name the bench suppliers, as the datasets store would list it. */
function syntheticDataset(suppliers: readonly NamedSupplier[]): {
  record: DatasetRecord;
  rollups: SupplierRollup[];
} {
  const record = countedDataset('b0000000000000000000000e', {
    fileName: 'SYNTHETIC-payments.csv',
    anchorId: BENCH_ANCHOR_ID,
    suppliers: suppliers.length,
  });
  const rollups = suppliers.map(
    (supplier): SupplierRollup => ({
      anchorId: BENCH_ANCHOR_ID,
      supplier: {
        key: supplier.code,
        name: supplier.name,
        ...(supplier.siret ? { identifier: { scheme: 'siret' as const, value: supplier.siret } } : {}),
      },
      amountCents: 100_00,
      lines: 1,
      byMonthCategory: [],
      largestLineCents: 100_00,
      categoryLabels: [],
    }),
  );
  return { record, rollups };
}

/**
 * `refreshRegistry` over a stock folder as `ancrage registry fetch --from <folder>` reads it (the
 * real stock source: Parquet row groups, or the CSV streamed), the bench suppliers named by one
 * dataset, the métropole's communes counted; facts handed to a profile store that counts the
 * DynamoDB requests they would take (the emulator left out, as in measure-registry.ts).
 */
export async function measureRegistryFetch(
  base: string,
  suppliersPath: string,
): Promise<RegistryFetchMeasure> {
  const dataset = syntheticDataset(JSON.parse(readFileSync(suppliersPath, 'utf-8')) as NamedSupplier[]);
  const facts = { etablissement: 0, 'unite-legale': 0 };
  let writeRequests = 0;
  let localEstablishments = 0;
  let status: RegistryStatus | undefined;
  let checkpoint: RegistryCheckpoint | undefined;
  const progress = new Map<StockFile, { rows: number; at: number }>();
  const started = performance.now();
  const deps: RegistryRefreshDependencies = {
    openStock: (stockBase) => openRegistryStockSource(stockBase),
    datasets: {
      listDatasets: async () => [dataset.record],
      readRollupSuppliers: async () => dataset.rollups.map((rollup) => rollup.supplier),
    },
    profiles: {
      async putFacts(written) {
        for (const fact of written)
          facts[fact.kind === 'establishment' ? 'etablissement' : 'unite-legale'] += 1;
        writeRequests += Math.ceil(written.length / BATCH_SIZE);
      },
      async putLocalActivity(_source, counts) {
        for (const divisions of counts.values())
          for (const count of divisions.values()) localEstablishments += count;
        writeRequests += Math.ceil(counts.size / BATCH_SIZE);
      },
    },
    territories: { get: async (id) => BUNDLED_TERRITORIES.get(id) },
    state: {
      readStatus: async () => status,
      writeStatus: async (written) => {
        status = written;
      },
      readCheckpoint: async () => checkpoint,
      writeCheckpoint: async (written) => {
        checkpoint = written;
      },
      clearCheckpoint: async () => {
        checkpoint = undefined;
      },
      readLookupRun: async () => undefined,
      writeLookupRun: async () => undefined,
    },
    clock: systemClock,
    onProgress: ({ file, rows }) => progress.set(file, { rows, at: performance.now() - started }),
  };
  const outcome = await refreshRegistry(deps, { base, territoryIds: [DEFAULT_TERRITORY_ID], force: true });
  const ms = performance.now() - started;
  if (outcome.status !== 'refreshed')
    throw new Error(`the refresh did not complete: ${JSON.stringify(outcome)}`);
  const establishments = progress.get('etablissement') ?? { rows: 0, at: 0 };
  const units = progress.get('unite-legale') ?? { rows: 0, at: establishments.at };
  return {
    format: outcome.registry.files.find((file) => file.file === 'etablissement')?.format ?? '',
    establishmentRows: establishments.rows,
    establishmentMs: establishments.at,
    unitRows: units.rows,
    unitMs: units.at - establishments.at,
    ms,
    establishmentFacts: facts.etablissement,
    unitFacts: facts['unite-legale'],
    wantedSirets: outcome.registry.wanted.sirets,
    communesCounted: outcome.registry.communesCounted,
    localEstablishments,
    writeRequests,
  };
}
