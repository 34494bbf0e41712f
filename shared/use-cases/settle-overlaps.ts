import type { DatasetOverlap, DatasetRecord } from '../domain/dataset.ts';
import { contentOrder, uploadOrder } from '../domain/dataset-identity.ts';
import { type CellOverlap, compareCells, spendCells } from '../domain/spend-cells.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';

/**
 * Settles a newly counted dataset against the anchor's other counted datasets, so that the same
 * spend is counted once whatever order the files come in:
 * - a newer upload of the same file (bucket and key) replaces the older ones;
 * - a dataset whose every supplier-month is in another one, to the cent (January's export, then the
 *   quarter's), is superseded by it; two with the very same cells (the same contracts as DECP JSON
 *   and as CSV) keep the earlier upload;
 * - datasets sharing only part of their spend both stay counted, each noting the other.
 * It runs once the dataset is recorded INGESTED, and again when its event is delivered again, so a
 * crash in between is completed by the retry; two files settling at once both see each other, since
 * each records itself before it looks. Returns how many datasets it took out of the count.
 */
export async function settleOverlaps(
  datasets: DatasetStore,
  dataset: DatasetRecord,
  now: Date,
): Promise<number> {
  const superseded = await compareWithOthers(datasets, dataset, now);
  // Another file settling at once may write the record between our read and write: read it again.
  for (let attempt = 0; attempt < MAX_MARK_ATTEMPTS; attempt++) {
    if (await datasets.markOverlapsSettled(dataset.id, now)) return superseded;
    const current = await datasets.getDataset(dataset.id);
    // Superseded meanwhile, or marked by a concurrent delivery: nothing left to do.
    if (current?.status !== 'INGESTED' || !current.overlapsPending) return superseded;
  }
  // Thrown, so the event is delivered again and the retry settles it.
  throw new Error(`dataset ${dataset.id} kept changing while its overlaps were being settled`);
}

const MAX_MARK_ATTEMPTS = 5;

/** Returns how many datasets it superseded. */
async function compareWithOthers(datasets: DatasetStore, dataset: DatasetRecord, now: Date): Promise<number> {
  const anchors = await datasets.listDatasets({ anchorId: dataset.anchorId });
  const counted = anchors.filter((other) => other.id !== dataset.id && other.status === 'INGESTED');
  let superseded = 0;
  const supersede = async (loser: DatasetRecord, holder: DatasetRecord, message: string) => {
    await supersedeAndRepoint(datasets, anchors, { loser, holder, message }, now);
    superseded++;
  };
  const replaced = await keepNewestUpload(dataset, counted, supersede);
  if (replaced.has(dataset.id)) return superseded;
  const candidates = counted.filter(
    (other) => !replaced.has(other.id) && other.kind === dataset.kind && periodsMeet(other, dataset),
  );
  if (candidates.length === 0) return superseded;
  // What a dataset says of a copy retired since (its content taken over by an earlier upload) goes:
  // the notes then do not depend on the order the copies came in.
  const stillCounted = new Set([
    dataset.id,
    ...counted.filter((other) => !replaced.has(other.id)).map((other) => other.id),
  ]);

  // Read together: a query each, and there are few (same anchor, kind and period).
  const cellsOf = async (one: DatasetRecord) => spendCells(await datasets.readRollups(one.id));
  const [own, others] = await Promise.all([
    cellsOf(dataset),
    Promise.all(candidates.map(async (other) => ({ other, cells: await cellsOf(other) }))),
  ]);
  const shared: DatasetOverlap[] = [];
  for (const { other, cells: theirs } of others) {
    const overlap = compareCells(own, theirs);
    if (overlap.matchingCells === 0) continue;
    const contained = containedIn(dataset, other, overlap);
    if (contained) {
      await supersede(
        contained.dataset,
        contained.by,
        `all its spend (every supplier and month, to the cent) is also in dataset ${contained.by.id} (${contained.by.fileName}), which is counted instead`,
      );
      if (contained.dataset.id === dataset.id) return superseded;
    } else {
      const cells = overlap.matchingCells;
      const cents = overlap.matchingCents;
      shared.push({ datasetId: other.id, cells, cents });
      await datasets.noteOverlaps(other.id, [{ datasetId: dataset.id, cells, cents }], stillCounted, now);
    }
  }
  if (shared.length > 0) await datasets.noteOverlaps(dataset.id, shared, stillCounted, now);
  return superseded;
}

/** Of the INGESTED uploads of one bucket and key, the newest counts; returns the ids it replaced. */
async function keepNewestUpload(
  dataset: DatasetRecord,
  counted: readonly DatasetRecord[],
  supersede: (loser: DatasetRecord, holder: DatasetRecord, message: string) => Promise<void>,
): Promise<Set<string>> {
  const uploads = [
    dataset,
    ...counted.filter(
      (other) => other.source.bucket === dataset.source.bucket && other.source.key === dataset.source.key,
    ),
  ];
  const newest = uploads.reduce((latest, other) => (uploadOrder(other, latest) > 0 ? other : latest));
  const replaced = new Set<string>();
  for (const other of uploads) {
    if (other.id === newest.id) continue;
    replaced.add(other.id);
    await supersede(
      other,
      newest,
      `replaced by dataset ${newest.id}, a newer upload of the same file: no longer counted`,
    );
  }
  return replaced;
}

/**
 * Takes a dataset out of the count for the one holding its spend (a write that does nothing when a
 * concurrent run got there first), then points the datasets that named it at the holder, so that a
 * chain (a month, its quarter, the year) ends on the dataset counted whatever order they came in.
 */
async function supersedeAndRepoint(
  datasets: DatasetStore,
  anchors: readonly DatasetRecord[],
  change: { loser: DatasetRecord; holder: DatasetRecord; message: string },
  now: Date,
): Promise<void> {
  const { loser, holder, message } = change;
  await datasets.retire(loser.id, { status: 'SUPERSEDED', supersededBy: holder.id, message }, now);
  for (const earlier of anchors) {
    if (earlier.status !== 'SUPERSEDED' || earlier.supersededBy !== loser.id) continue;
    await datasets.repoint(
      earlier.id,
      loser.id,
      {
        status: 'SUPERSEDED',
        supersededBy: holder.id,
        message: `its spend is counted in dataset ${holder.id} (${holder.fileName}), which replaced dataset ${loser.id} (${loser.fileName}) that held it`,
      },
      now,
    );
  }
}

/** Which of two datasets holds the other's whole spend; for the very same cells, the later upload. */
function containedIn(
  dataset: DatasetRecord,
  other: DatasetRecord,
  overlap: CellOverlap,
): { dataset: DatasetRecord; by: DatasetRecord } | undefined {
  if (overlap.firstWithinSecond && overlap.secondWithinFirst) {
    return contentOrder(dataset, other) < 0 ? { dataset: other, by: dataset } : { dataset, by: other };
  }
  if (overlap.secondWithinFirst) return { dataset: other, by: dataset };
  if (overlap.firstWithinSecond) return { dataset, by: other };
  return undefined;
}

/** Whether two datasets' periods share a day; without a period, they might. */
function periodsMeet(a: DatasetRecord, b: DatasetRecord): boolean {
  if (!a.periodFrom || !a.periodTo || !b.periodFrom || !b.periodTo) return true;
  return a.periodFrom <= b.periodTo && b.periodFrom <= a.periodTo;
}
