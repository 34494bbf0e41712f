import type { DatasetRecord } from '../domain/dataset.ts';
import type { SpendLine } from '../domain/spend-line.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';
import type { LineFiles, LineFileWriter, LinesOwner } from '../ports/line-files.ts';
import type { TableLines } from '../ports/table-lines.ts';

export interface MigrateLinesDependencies {
  readonly datasets: Pick<DatasetStore, 'listDatasets' | 'getDataset'>;
  /** The line items earlier versions wrote to the table. */
  readonly tableLines: TableLines;
  readonly lineFiles: LineFiles;
}

export interface LinesMigration {
  /** Counted datasets whose line items are now deleted, their lines in line files. */
  readonly datasetsMigrated: number;
  /** Datasets not counted (rejected, failed, superseded) whose line items were deleted. */
  readonly datasetsDropped: number;
  /** Datasets still ingesting with line items: left as they are for a run once they settle. */
  readonly datasetsLeft: number;
  /** Lines written to line files from line items. */
  readonly linesMoved: number;
  readonly itemsDeleted: number;
}

/** Lines handed to a line file writer at a time (it encodes them by row groups of its own size). */
const WRITE_BATCH = 1_000;
/** Lines read per page when listing what a dataset's line files already hold. */
const READ_PAGE = 20_000;

/** An unbroken run of sequences: `[first, last]`. */
type SequenceRun = readonly [number, number];

/**
 * Moves the line items earlier versions wrote to the table into line files, or drops them, once per
 * stack (docs/operations.md). Safe to stop at any point and run again, which then ends the work:
 *
 * - a counted (INGESTED) dataset's lines are sequences 1…`lines`. The line files are taken as the
 *   truth for the sequences they hold; the items' other lines are written to line files, each unbroken
 *   run of them into a file of its own, and the items are deleted only once those files are closed. A
 *   file appears in the bucket only whole (one PUT, or a completed multipart upload) and is named by
 *   its first sequence: a run stopped before a close leaves no file, and the next run writes it again
 *   under the same name; stopped after, the next finds the lines in files and only deletes the items.
 *   Files whose last line is the dataset's last (`lines`) are complete: their items are only deleted.
 *   This also completes a dataset whose ingest paused before the upgrade and went on after it (its
 *   first lines as items, the rest in files). One retired while its lines were being moved loses the
 *   files it was given, as retiring it removed the others.
 * - a dataset not counted (REJECTED, FAILED, SUPERSEDED, or RECEIVED) has its items deleted: its
 *   lines count nowhere, and an ingest started again writes them from the file.
 * - a dataset INGESTING keeps its items: a paused ingest goes on after its checkpoint and writes only
 *   the lines after it, so the items before are the only copy of its first lines until it settles.
 */
export async function migrateTableLines(deps: MigrateLinesDependencies): Promise<LinesMigration> {
  const tally = { datasetsMigrated: 0, datasetsDropped: 0, datasetsLeft: 0, linesMoved: 0, itemsDeleted: 0 };
  for (const record of await deps.datasets.listDatasets({})) {
    if (record.status === 'INGESTING') {
      if (await hasItems(deps.tableLines, record.id)) tally.datasetsLeft += 1;
      continue;
    }
    if (record.status !== 'INGESTED') {
      const deleted = await deps.tableLines.remove(record.id);
      tally.itemsDeleted += deleted;
      if (deleted > 0) tally.datasetsDropped += 1;
      continue;
    }
    const owner = ownerOf(record);
    const moved = (await filesHoldAll(deps.lineFiles, owner, record.lines))
      ? 0
      : await writeMissing(deps.lineFiles, owner, deps.tableLines.read(record.id));
    // Retired while its lines were moved (a newer upload superseded it): retiring removes the line
    // files, perhaps before these were closed, so they go now as they would have gone then.
    const retired = moved > 0 && (await deps.datasets.getDataset(record.id))?.status !== 'INGESTED';
    if (retired) await deps.lineFiles.remove(owner);
    const deleted = await deps.tableLines.remove(record.id);
    tally.itemsDeleted += deleted;
    if (retired) tally.datasetsDropped += 1;
    else {
      tally.linesMoved += moved;
      if (moved > 0 || deleted > 0) tally.datasetsMigrated += 1;
    }
  }
  return tally;
}

function ownerOf(record: DatasetRecord): LinesOwner {
  // An ingested dataset always has the kind its format gave it: its line files are named by it.
  if (!record.kind) throw new Error(`dataset ${record.id} is INGESTED but has no kind`);
  return { id: record.id, anchorId: record.anchorId, kind: record.kind };
}

async function hasItems(tableLines: TableLines, datasetId: string): Promise<boolean> {
  for await (const _line of tableLines.read(datasetId)) return true;
  return false;
}

/** True when the files end with the dataset's last line: they hold them all (skipping whole row groups). */
async function filesHoldAll(lineFiles: LineFiles, owner: LinesOwner, lines: number): Promise<boolean> {
  const page = await lineFiles.read(owner, { offset: Math.max(lines - 1, 0), limit: 1 });
  return lines === 0 ? page.lines.length === 0 : page.lines[0]?.sequence === lines && !page.more;
}

/** The sequences the dataset's line files hold, as runs: listed before any file is added to them. */
async function storedRuns(lineFiles: LineFiles, owner: LinesOwner): Promise<SequenceRun[]> {
  const runs: [number, number][] = [];
  for (let offset = 0, more = true; more; ) {
    const page = await lineFiles.read(owner, { offset, limit: READ_PAGE });
    for (const { sequence } of page.lines) {
      const last = runs.at(-1);
      if (last && sequence === last[1] + 1) last[1] = sequence;
      else runs.push([sequence, sequence]);
    }
    offset += page.lines.length;
    more = page.more;
  }
  return runs;
}

/**
 * Writes the lines the files lack, from the items (in sequence order). A new file starts wherever
 * the sequence jumps: files are read in the order of their names, their first sequences, so each
 * must hold one unbroken run for the dataset's lines to read back in order around the files there.
 */
async function writeMissing(
  lineFiles: LineFiles,
  owner: LinesOwner,
  items: AsyncIterable<SpendLine>,
): Promise<number> {
  const iterator = items[Symbol.asyncIterator]();
  let next = await iterator.next();
  // No items: the files are not read through (they may be large), there is nothing to add to them.
  if (next.done) return 0;
  const stored = await storedRuns(lineFiles, owner);
  let run = 0;
  let file: { writer: LineFileWriter; batch: SpendLine[]; last: number } | undefined;
  let moved = 0;
  const close = async () => {
    if (!file) return;
    await file.writer.write(file.batch);
    await file.writer.close();
    file = undefined;
  };
  try {
    for (; !next.done; next = await iterator.next()) {
      const line = next.value;
      while ((stored[run]?.[1] ?? Number.POSITIVE_INFINITY) < line.sequence) run += 1;
      if ((stored[run]?.[0] ?? Number.POSITIVE_INFINITY) <= line.sequence) continue;
      if (file && line.sequence !== file.last + 1) await close();
      file ??= { writer: lineFiles.writer(owner), batch: [], last: 0 };
      file.batch.push(line);
      file.last = line.sequence;
      moved += 1;
      if (file.batch.length === WRITE_BATCH) await file.writer.write(file.batch.splice(0));
    }
    await close();
  } catch (error) {
    // The file being written is given up: nothing of it is stored, its encoder stops.
    await file?.writer.abandon().catch(() => undefined);
    throw error;
  }
  return moved;
}
