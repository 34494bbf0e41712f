import { toCsvRecord } from '../domain/csv-record.ts';
import type { ObjectLocation } from '../domain/dataset.ts';
import { fileNameOfKey } from '../domain/dataset-identity.ts';
import { OverlongRecord } from '../domain/ingest/overlong-record.ts';
import { directoryFactsOf, recogniseDirectoryHeader } from '../domain/registry/directory-rows.ts';
import { LocalActivityTally } from '../domain/registry/local-activity-tally.ts';
import { establishmentFactsOf, recogniseSireneHeader, unitFactsOf } from '../domain/registry/sirene-rows.ts';
import type { SupplierFacts } from '../domain/registry/supplier-facts.ts';
import type { Result } from '../domain/result.ts';
import type { Clock } from '../ports/clock.ts';
import { type FileReader, UnreadableFileError } from '../ports/file-reader.ts';
import type { ObjectStore } from '../ports/object-store.ts';
import type { ProfileStore } from '../ports/profile-store.ts';
import { RejectsFile } from './rejects-file.ts';

export interface FactsDependencies {
  readonly objects: ObjectStore;
  readonly profiles: Pick<ProfileStore, 'putFacts' | 'putLocalActivity'>;
  readonly reader: FileReader;
  readonly clock: Clock;
  readonly onProgress?: (progress: { bytes: number; lines: number }) => void;
}

export type FactsOutcome =
  | {
      readonly loaded: true;
      readonly file: string;
      readonly rows: number;
      readonly facts: number;
      readonly rejectedRows: number;
      readonly rejectsKey: string;
    }
  | { readonly loaded: false; readonly reason: string };

/** How one kind of facts file is read: its header recognised, then each row turned into facts. */
interface FactsFile {
  readonly label: string;
  readonly delimiter?: string | undefined;
  readHeader(
    cells: readonly string[],
  ): Result<(cells: readonly string[]) => Result<SupplierFacts | SupplierFacts[]>>;
}

/** Facts written per batch: a few DynamoDB requests at a time, memory flat whatever the file size. */
const FACTS_PER_FLUSH = 500;

/**
 * Streams a facts file into the profile store: only the current batch is in memory; keys are
 * deterministic, so loading a file twice writes the same items. Rejected rows go to a rejects CSV.
 * A file unreadable part-way (past a limit of docs/security.md) is refused with its reason.
 */
async function loadFacts(
  deps: FactsDependencies,
  location: ObjectLocation,
  kind: FactsFile,
): Promise<FactsOutcome> {
  const object = await deps.objects.open(location);
  if (!object) return { loaded: false, reason: `${location.key} no longer exists` };
  try {
    return await readFacts(deps, location, kind, object.body);
  } catch (error) {
    if (error instanceof UnreadableFileError)
      return { loaded: false, reason: `${kind.label}: ${error.message}` };
    throw error;
  }
}

async function readFacts(
  deps: FactsDependencies,
  location: ObjectLocation,
  kind: FactsFile,
  body: AsyncIterable<Uint8Array>,
): Promise<FactsOutcome> {
  const file = await deps.reader.open(body, { delimiter: kind.delimiter });
  if (file.shape !== 'delimited')
    return { loaded: false, reason: `${kind.label}: expected a CSV file, not JSON` };
  let readRow: ((cells: readonly string[]) => Result<SupplierFacts | SupplierFacts[]>) | undefined;
  let pending: SupplierFacts[] = [];
  const rejects = new RejectsFile();
  let rows = 0;
  let facts = 0;
  for await (const batch of file.rows) {
    for (const row of batch) {
      if (!readRow) {
        const header = kind.readHeader(row.cells);
        if (!header.ok) return { loaded: false, reason: header.reason };
        readRow = header.value;
        continue;
      }
      if (row instanceof OverlongRecord) {
        rows += 1;
        rejects.add([{ lineNumber: row.lineNumber, reason: row.reason, raw: row.start }]);
        continue;
      }
      if (row.cells.every((cell) => cell.trim() === '')) continue;
      rows += 1;
      const read = readRow(row.cells);
      if (read.ok) pending.push(...(Array.isArray(read.value) ? read.value : [read.value]));
      else
        rejects.add([
          { lineNumber: row.lineNumber, reason: read.reason, raw: toCsvRecord(row.cells, file.delimiter) },
        ]);
      // Flushed by count of facts, not per chunk the stream happened to deliver: the same file then
      // makes the same writes, however the bytes arrived (the crash-at-every-call suite counts them).
      if (pending.length >= FACTS_PER_FLUSH) {
        await deps.profiles.putFacts(pending);
        facts += pending.length;
        pending = [];
      }
    }
    deps.onProgress?.({ bytes: file.bytesRead(), lines: rows });
  }
  if (!readRow) return { loaded: false, reason: `${kind.label}: the file is empty` };
  await deps.profiles.putFacts(pending);
  facts += pending.length;
  const rejectsKey = `facts-rejects/${fileNameOfKey(location.key)}.csv`;
  await deps.objects.put(
    { bucket: location.bucket, key: rejectsKey },
    rejects.toString(),
    'text/csv; charset=utf-8',
  );
  return { loaded: true, file: kind.label, rows, facts, rejectedRows: rejects.count, rejectsKey };
}

/**
 * A SIRENE stock file (StockUniteLegale or StockEtablissement, whole or extract, plain or gzipped).
 * An establishment file also yields, per commune, its active establishments by NAF division: where
 * local suppliers exist for the work the anchors buy from afar.
 */
export async function loadRegistry(deps: FactsDependencies, location: ObjectLocation): Promise<FactsOutcome> {
  const loadDate = deps.clock.now().toISOString().slice(0, 10);
  const activity = new LocalActivityTally();
  const outcome = await loadFacts(deps, location, {
    label: 'SIRENE stock file',
    delimiter: ',',
    readHeader(cells) {
      const header = recogniseSireneHeader(cells);
      if (!header.ok) return header;
      const read = header.value.file === 'etablissement' ? establishmentFactsOf : unitFactsOf;
      return {
        ok: true,
        value: (row) => {
          const fact = read(row, header.value, loadDate);
          if (fact.ok) activity.count(fact.value);
          return fact;
        },
      };
    },
  });
  if (outcome.loaded && activity.byCommune.size > 0)
    await deps.profiles.putLocalActivity(location.key, activity.byCommune);
  return outcome;
}

/** An anchor's own supplier directory: names or ids → identifiers, postcodes, countries, types. */
export function loadDirectory(
  deps: FactsDependencies,
  location: ObjectLocation,
  anchorId: string,
): Promise<FactsOutcome> {
  const asOf = deps.clock.now().toISOString().slice(0, 10);
  return loadFacts(deps, location, {
    label: 'supplier directory',
    readHeader(cells) {
      const header = recogniseDirectoryHeader(cells);
      if (!header.ok) return header;
      return { ok: true, value: (row) => directoryFactsOf(row, header.value, anchorId, asOf) };
    },
  });
}
