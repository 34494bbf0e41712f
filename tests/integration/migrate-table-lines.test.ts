import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { putAll } from '../../shared/adapters/batch-write.ts';
import { createDynamoDbDatasetStore } from '../../shared/adapters/dynamodb-dataset-store.ts';
import { ENTITY, keys } from '../../shared/adapters/dynamodb-keys.ts';
import { createDynamoDbTableLines } from '../../shared/adapters/dynamodb-table-lines.ts';
import { createS3ParquetLineFiles } from '../../shared/adapters/s3-parquet-line-files.ts';
import type { DatasetRecord } from '../../shared/domain/dataset.ts';
import { linesFolder } from '../../shared/domain/lines/line-columns.ts';
import type { Report } from '../../shared/domain/report/report-schema.ts';
import type { SpendLine } from '../../shared/domain/spend-line.ts';
import type { LineFiles, LinesOwner } from '../../shared/ports/line-files.ts';
import { migrateTableLines } from '../../shared/use-cases/migrate-table-lines.ts';
import {
  dataset,
  type Harness,
  ingestOne,
  lineItems,
  publishedReport,
  putMeta,
  SYNTHETIC_PAYMENTS,
  startHarness,
  tableLineItems,
} from './helpers.ts';

let harness: Harness;
let ingested: DatasetRecord;
let owner: LinesOwner;
/** The ingested dataset's lines as ingest wrote them to its line files. */
let saved: SpendLine[];
let lineFiles: LineFiles;

const rejected = (record: DatasetRecord): DatasetRecord => ({
  ...record,
  id: 'abcdef0123456789abcdef01',
  status: 'REJECTED',
  message: 'the same file was uploaded earlier',
  duplicateOf: record.id,
});

beforeAll(async () => {
  harness = await startHarness();
  const location = await harness.pipeline.upload({ path: SYNTHETIC_PAYMENTS, anchorId: '21380185500015' });
  const outcome = await ingestOne(location);
  if (outcome.outcome !== 'ingested') throw new Error(`the payments sample was ${outcome.outcome}`);
  // As the table holds it now, overlaps settled: tests that change it put it back as it was.
  ingested = await dataset(harness, outcome.dataset.id);
  if (!ingested.kind) throw new Error('an ingested dataset has a kind');
  owner = { id: ingested.id, anchorId: ingested.anchorId, kind: ingested.kind };
  saved = await lineItems(harness, ingested.id);
  lineFiles = createS3ParquetLineFiles(harness.s3, harness.stack.buckets.uploads);
});

afterAll(async () => {
  await harness?.stop();
});

/** The line items as the version before line files wrote them, GSI1 attributes included. */
async function putTableLines(datasetId: string, lines: readonly SpendLine[]): Promise<void> {
  await putAll(
    harness.documents,
    harness.stack.tableName,
    lines.map((line) => ({
      ...keys.line(datasetId, line.sequence),
      ...keys.lineBySupplier(line.supplier.key, datasetId, line.sequence),
      entityType: ENTITY.line,
      datasetId,
      ...line,
    })),
  );
}

/** The dataset as an earlier version left it: `items` in the table, `inFiles` in line files. */
async function oldStack(items: readonly SpendLine[], inFiles: readonly SpendLine[] = []): Promise<void> {
  await lineFiles.remove(owner);
  await createDynamoDbTableLines(harness.documents, harness.stack.tableName).remove(ingested.id);
  await putTableLines(ingested.id, items);
  if (inFiles.length === 0) return;
  const writer = lineFiles.writer(owner);
  await writer.write(inFiles);
  await writer.close();
}

const migrate = (files: LineFiles = lineFiles) =>
  migrateTableLines({
    datasets: createDynamoDbDatasetStore(harness.documents, harness.stack.tableName),
    tableLines: createDynamoDbTableLines(harness.documents, harness.stack.tableName),
    lineFiles: files,
  });

async function lineFileKeys(): Promise<string[]> {
  const prefix = linesFolder(owner);
  const listed = await harness.s3.send(
    new ListObjectsV2Command({ Bucket: harness.stack.buckets.uploads, Prefix: prefix }),
  );
  return (listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key.slice(prefix.length)] : []));
}

/** The report's figures without the time it was generated, to compare two builds. */
const figures = ({ generatedAt: _generatedAt, ...rest }: Report) => rest;
const reportFigures = async () => figures((await publishedReport({ kind: 'payments' })).report);

const NOTHING_TO_DO = {
  datasetsMigrated: 0,
  datasetsDropped: 0,
  datasetsLeft: 0,
  linesMoved: 0,
  itemsDeleted: 0,
};

/** A line files writer whose first close stops the run, before or after the file is stored. */
function stoppingAtFirstClose(when: 'before storing' | 'after storing'): LineFiles {
  let stopped = false;
  return {
    ...lineFiles,
    writer(of) {
      const writer = lineFiles.writer(of);
      return {
        write: (lines) => writer.write(lines),
        abandon: () => writer.abandon(),
        async close() {
          if (stopped) return writer.close();
          stopped = true;
          if (when === 'after storing') await writer.close();
          throw new Error(`stopped ${when} the file`);
        },
      };
    },
  };
}

describe('the line items of an earlier version, in the table', () => {
  it('are read from their sixteen partitions page by page, merged in sequence order', async () => {
    // Some lines missing, so partitions run out at different places; pages of 40 items.
    const kept = saved.filter((line) => line.sequence % 5 !== 0 && line.sequence % 16 !== 3);
    await oldStack(kept);
    const tableLines = createDynamoDbTableLines(harness.documents, harness.stack.tableName, 40);
    const read: SpendLine[] = [];
    for await (const line of tableLines.read(ingested.id)) read.push(line);
    expect(read).toEqual(kept);

    expect(await tableLines.remove(ingested.id)).toBe(kept.length);
    expect(await tableLineItems(harness, ingested.id)).toEqual([]);
    expect(await tableLines.remove(ingested.id)).toBe(0);
    await oldStack([], saved);
  });

  it('stop the run, named, when one that is to be moved is not a line', async () => {
    await oldStack(saved.slice(0, 6));
    await putAll(harness.documents, harness.stack.tableName, [
      { ...keys.line(ingested.id, 7), entityType: ENTITY.line, datasetId: ingested.id, sequence: 7 },
    ]);
    await expect(migrate()).rejects.toThrow(
      `line item DATASET#${ingested.id}#LINES#7 LINE#0000000007 is not a line: lineNumber: `,
    );
    // Nothing was stored nor deleted.
    expect(await lineItems(harness, ingested.id)).toEqual([]);
    expect(await tableLineItems(harness, ingested.id)).toHaveLength(7);
    await oldStack([], saved);
  });
});

describe('migrating the line items of an earlier version', () => {
  beforeEach(async () => {
    // Every case ends with no item left; one that failed must not leave its state to the next.
    await oldStack([], saved);
  });

  it('moves a counted dataset’s lines into line files, drops a rejected one’s, and changes no report', async () => {
    expect(saved).toHaveLength(ingested.lines);
    expect(saved.map((line) => line.sequence)).toEqual(saved.map((_, index) => index + 1));
    await oldStack(saved);
    const copy = rejected(ingested);
    await putMeta(harness, copy);
    await putTableLines(copy.id, saved.slice(0, 40));
    expect(await lineItems(harness, ingested.id)).toEqual([]);
    expect(await tableLineItems(harness, ingested.id)).toHaveLength(saved.length);
    const before = await reportFigures();

    expect(await migrate()).toEqual({
      datasetsMigrated: 1,
      datasetsDropped: 1,
      datasetsLeft: 0,
      linesMoved: saved.length,
      itemsDeleted: saved.length + 40,
    });

    // The same lines, in sequence order, in one file named by the first; no item left in either.
    expect(await lineItems(harness, ingested.id)).toEqual(saved);
    expect(await lineFileKeys()).toEqual(['part-000000000001.parquet']);
    expect(await tableLineItems(harness, ingested.id)).toEqual([]);
    expect(await tableLineItems(harness, copy.id)).toEqual([]);
    expect(await reportFigures()).toEqual(before);

    expect(await migrate()).toEqual(NOTHING_TO_DO);
  });

  it.each(['before storing', 'after storing'] as const)(
    'ends with one complete set of files when a run stopped %s a file',
    async (when) => {
      await oldStack(saved);

      await expect(migrate(stoppingAtFirstClose(when))).rejects.toThrow(`stopped ${when} the file`);
      // Nothing is deleted before the file is closed.
      expect(await tableLineItems(harness, ingested.id)).toHaveLength(saved.length);

      // Run again: the file is written again under the same name, or found whole and kept.
      expect(await migrate()).toEqual({
        ...NOTHING_TO_DO,
        datasetsMigrated: 1,
        linesMoved: when === 'before storing' ? saved.length : 0,
        itemsDeleted: saved.length,
      });
      expect(await lineItems(harness, ingested.id)).toEqual(saved);
      expect(await lineFileKeys()).toEqual(['part-000000000001.parquet']);
      expect(await tableLineItems(harness, ingested.id)).toEqual([]);
      expect(await migrate()).toEqual(NOTHING_TO_DO);
    },
  );

  it('deletes the items a run stopped while deleting left, and leaves the files as they are', async () => {
    const odd = saved.filter((line) => line.sequence % 2 === 1);
    await oldStack(odd, saved);

    expect(await migrate()).toEqual({ ...NOTHING_TO_DO, datasetsMigrated: 1, itemsDeleted: odd.length });
    expect(await lineItems(harness, ingested.id)).toEqual(saved);
    expect(await tableLineItems(harness, ingested.id)).toEqual([]);
  });

  it('completes a dataset whose ingest paused before the upgrade and went on after it', async () => {
    // The first run stored lines 1…1 000 as items; the one after the upgrade the rest as a file.
    const checkpoint = 1_000;
    await oldStack(saved.slice(0, checkpoint), saved.slice(checkpoint));

    expect(await migrate()).toEqual({
      ...NOTHING_TO_DO,
      datasetsMigrated: 1,
      linesMoved: checkpoint,
      itemsDeleted: checkpoint,
    });
    expect(await lineItems(harness, ingested.id)).toEqual(saved);
    expect(await lineFileKeys()).toEqual(['part-000000000001.parquet', 'part-000000001001.parquet']);
    expect(await migrate()).toEqual(NOTHING_TO_DO);
  });

  it('removes the files it wrote for a dataset retired meanwhile, as retiring it did', async () => {
    await oldStack(saved);
    // A newer upload supersedes the dataset while its file is being written.
    const superseding: LineFiles = {
      ...lineFiles,
      writer(of) {
        const writer = lineFiles.writer(of);
        return {
          write: (lines) => writer.write(lines),
          abandon: () => writer.abandon(),
          async close() {
            await putMeta(harness, { ...ingested, status: 'SUPERSEDED', supersededBy: 'newer' });
            await writer.close();
          },
        };
      },
    };

    expect(await migrate(superseding)).toEqual({
      ...NOTHING_TO_DO,
      datasetsDropped: 1,
      itemsDeleted: saved.length,
    });
    expect(await lineFileKeys()).toEqual([]);
    expect(await tableLineItems(harness, ingested.id)).toEqual([]);
    await putMeta(harness, ingested);
  });

  it('keeps the items of a dataset still ingesting until it settles', async () => {
    const paused: DatasetRecord = {
      ...rejected(ingested),
      id: '0123456789abcdef01234567',
      status: 'INGESTING',
      linesWritten: 100,
    };
    await putMeta(harness, paused);
    await putTableLines(paused.id, saved.slice(0, 100));

    expect(await migrate()).toEqual({ ...NOTHING_TO_DO, datasetsLeft: 1 });
    expect(await tableLineItems(harness, paused.id)).toHaveLength(100);

    await putMeta(harness, { ...paused, status: 'FAILED' });
    expect(await migrate()).toEqual({ ...NOTHING_TO_DO, datasetsDropped: 1, itemsDeleted: 100 });
    expect(await tableLineItems(harness, paused.id)).toEqual([]);
  });
});
