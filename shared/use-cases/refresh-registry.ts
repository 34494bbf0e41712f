import { LocalActivityTally } from '../domain/registry/local-activity-tally.ts';
import type { RegistryCheckpoint, RegistryStatus, StockRead } from '../domain/registry/registry-status.ts';
import { sireneColumnsOf } from '../domain/registry/sirene-rows.ts';
import { selectEstablishment, selectUnit, wantedIdentifiers } from '../domain/registry/stock-selection.ts';
import type { SupplierFacts } from '../domain/registry/supplier-facts.ts';
import type { Result } from '../domain/result.ts';
import { localRingsOf } from '../domain/territory/territory.ts';
import type { Clock } from '../ports/clock.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';
import type { ProfileStore } from '../ports/profile-store.ts';
import type { RegistryState } from '../ports/registry-state.ts';
import {
  type RegistryStockSource,
  type StockFile,
  type StockRows,
  StockUnreadableError,
} from '../ports/registry-stock.ts';
import type { TerritoryCatalog } from '../ports/territory-catalog.ts';
import { suppliersOfCountedDatasets } from './counted-suppliers.ts';

export interface RegistryRefreshDependencies {
  /** The stock files under a base (URL or folder). */
  openStock(base: string): RegistryStockSource;
  readonly datasets: Pick<DatasetStore, 'listDatasets' | 'readRollupSuppliers'>;
  readonly profiles: Pick<ProfileStore, 'putFacts' | 'putLocalActivity'>;
  readonly territories: TerritoryCatalog;
  readonly state: RegistryState;
  readonly clock: Clock;
  /** Milliseconds this run may still use before it must checkpoint; no limit when absent (a laptop). */
  readonly timeLeftMs?: () => number;
  readonly onProgress?: (progress: { file: StockFile; rows: number }) => void;
}

export interface RegistryRefreshRequest {
  readonly base: string;
  /** Territories whose local rings' active establishments are counted for the opportunity finder. */
  readonly territoryIds: readonly string[];
  /** Read the stock again even when its files have not changed since the last refresh. */
  readonly force?: boolean;
}

export type RegistryRefreshOutcome =
  | { readonly status: 'refreshed' | 'up-to-date'; readonly registry: RegistryStatus }
  /** Out of time: run again to go on from the checkpoint. */
  | { readonly status: 'paused'; readonly file: StockFile; readonly rows: number }
  | { readonly status: 'failed'; readonly reason: string };

/** Local-activity counts are stored under this source: a refresh replaces the previous one's. */
export const STOCK_ACTIVITY_SOURCE = 'sirene-stock';
/** Facts are written a few DynamoDB batches at a time. */
const FACTS_PER_WRITE = 500;
const FILES: readonly StockFile[] = ['etablissement', 'unite-legale'];

/**
 * Keeps the register Ancrage needs from INSEE's national stock: the establishments and legal units of
 * the suppliers the datasets name, with their head offices, and the count of active establishments of
 * the local rings. Resumable: a run short of time stops after a Parquet row group and leaves a
 * checkpoint; the next run goes on if the files are unchanged. Facts are written under deterministic
 * keys, beside (never over) corrections and directories.
 */
export async function refreshRegistry(
  deps: RegistryRefreshDependencies,
  request: RegistryRefreshRequest,
): Promise<RegistryRefreshOutcome> {
  try {
    return await refresh(deps, request);
  } catch (error) {
    if (error instanceof StockUnreadableError) {
      await deps.state.clearCheckpoint();
      return { status: 'failed', reason: error.message };
    }
    throw error;
  }
}

async function refresh(
  deps: RegistryRefreshDependencies,
  request: RegistryRefreshRequest,
): Promise<RegistryRefreshOutcome> {
  const source = deps.openStock(request.base);
  const opened = new Map<StockFile, StockRows>();
  for (const file of FILES) {
    const rows = await source.open(file, sireneColumnsOf(file));
    if (!rows) return { status: 'failed', reason: `no ${stockName(file)} file under ${request.base}` };
    opened.set(file, rows);
  }
  const versions = Object.fromEntries([...opened].map(([file, rows]) => [file, rows.description.version]));
  const previous = await deps.state.readStatus();
  if (!request.force && previous && sameStock(previous, request.base, versions)) {
    return { status: 'up-to-date', registry: previous };
  }
  const checkpoint = resumable(await deps.state.readCheckpoint(), request.base, versions);
  const communes = await ringCommunes(deps.territories, request.territoryIds);
  const wanted = wantedIdentifiers(await suppliersOfCountedDatasets(deps.datasets));
  const loadDate = deps.clock.now().toISOString().slice(0, 10);
  const tally = LocalActivityTally.resumed(communes, checkpoint?.activity ?? []);
  const startedAt = checkpoint?.startedAt ?? deps.clock.now().toISOString();
  const done: StockRead[] = [...(checkpoint?.done ?? [])];

  for (const file of FILES) {
    if (done.some((read) => read.file === file)) continue;
    const rows = opened.get(file) as StockRows;
    const resumed = checkpoint?.file === file ? checkpoint : undefined;
    const select =
      file === 'etablissement'
        ? (cells: readonly string[]) => selectEstablishment(cells, wanted, tally, loadDate)
        : (cells: readonly string[]) => selectUnit(cells, wanted, loadDate);
    const read = await readStock(deps, rows, select, resumed, (progress) =>
      deps.state.writeCheckpoint({
        base: request.base,
        startedAt,
        file,
        versions,
        done,
        activity: tally.entries(),
        ...progress,
      }),
    );
    if (read.status === 'paused') return { status: 'paused', file, rows: read.rows };
    done.push({ ...describe(rows), rows: read.rows, facts: read.facts });
  }

  await deps.profiles.putLocalActivity(STOCK_ACTIVITY_SOURCE, tally.countsOfEveryCommune());
  const registry: RegistryStatus = {
    base: request.base,
    startedAt,
    completedAt: deps.clock.now().toISOString(),
    files: done,
    wanted: { sirets: wanted.sirets.size, sirens: wanted.sirens.size },
    communesCounted: communes.size,
  };
  await deps.state.writeStatus(registry);
  await deps.state.clearCheckpoint();
  return { status: 'refreshed', registry };
}

type Selection = (cells: readonly string[]) => Result<SupplierFacts> | undefined;
type ReadProgress = { resumeAt: number; rows: number; facts: number };

/** One stock file through the selection; facts written as they come, a checkpoint when time runs short. */
async function readStock(
  deps: RegistryRefreshDependencies,
  stock: StockRows,
  select: Selection,
  resumed: RegistryCheckpoint | undefined,
  saveCheckpoint: (progress: ReadProgress) => Promise<void>,
): Promise<{ status: 'read' | 'paused'; rows: number; facts: number }> {
  let rows = resumed?.rows ?? 0;
  let facts = resumed?.facts ?? 0;
  let pending: SupplierFacts[] = [];
  const flush = async () => {
    await deps.profiles.putFacts(pending);
    facts += pending.length;
    pending = [];
  };
  const options = resumed ? { resumeAt: resumed.resumeAt } : {};
  for await (const batch of stock.batches(options)) {
    for (const cells of batch.rows) {
      const selected = select(cells);
      // A row naming a wanted identifier but unreadable (a SIRET failing its checksum) adds nothing.
      if (selected?.ok) pending.push(selected.value);
    }
    rows += batch.rows.length;
    if (pending.length >= FACTS_PER_WRITE) await flush();
    deps.onProgress?.({ file: stock.description.file, rows });
    if (batch.resumeAt !== undefined && deps.timeLeftMs && deps.timeLeftMs() <= 0) {
      await flush();
      await saveCheckpoint({ resumeAt: batch.resumeAt, rows, facts });
      return { status: 'paused', rows, facts };
    }
  }
  await flush();
  return { status: 'read', rows, facts };
}

const describe = (rows: StockRows) => {
  const { file, name, format, location, sizeBytes, publishedAt, version } = rows.description;
  return { file, name, format, location, sizeBytes, ...(publishedAt ? { publishedAt } : {}), version };
};

const stockName = (file: StockFile) => (file === 'etablissement' ? 'StockEtablissement' : 'StockUniteLegale');

function sameStock(status: RegistryStatus, base: string, versions: Record<string, string>): boolean {
  return (
    status.base === base &&
    FILES.every((file) => status.files.some((read) => read.file === file && read.version === versions[file]))
  );
}

/** A checkpoint counts only for the same base and the same file versions: a new stock starts over. */
function resumable(
  checkpoint: RegistryCheckpoint | undefined,
  base: string,
  versions: Record<string, string>,
): RegistryCheckpoint | undefined {
  if (!checkpoint || checkpoint.base !== base) return undefined;
  return FILES.every((file) => checkpoint.versions[file] === versions[file]) ? checkpoint : undefined;
}

async function ringCommunes(territories: TerritoryCatalog, ids: readonly string[]): Promise<Set<string>> {
  const communes = new Set<string>();
  for (const id of ids) {
    const territory = await territories.get(id);
    if (!territory) continue;
    for (const ring of localRingsOf(territory))
      for (const commune of ring.communes ?? []) communes.add(commune);
  }
  return communes;
}
