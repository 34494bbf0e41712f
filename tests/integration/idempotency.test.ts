import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY, keys } from '../../shared/adapters/dynamodb-keys.ts';
import { createS3ParquetLineFiles } from '../../shared/adapters/s3-parquet-line-files.ts';
import type { DatasetRecord, ObjectLocation } from '../../shared/domain/dataset.ts';
import { objectCreatedEvent } from '../../shared/local/local-pipeline.ts';
import { newDatasetRecord } from '../../shared/use-cases/dataset-records.ts';
import { datasetIdOf } from '../../shared/use-cases/ingest-dataset.ts';
import { nextSecond } from '../support/next-second.ts';
import {
  allDatasets,
  dataset,
  deleteUpload,
  type Harness,
  ingestOne,
  ingestS3,
  invokeIngest,
  lineItems,
  metaItem,
  paymentsExcerpt,
  publishedReport,
  putItem,
  putMeta,
  putUpload,
  rollupItems,
  SYNTHETIC_PAYMENTS,
  sha256Of,
  sqsEvent,
  startHarness,
  sumCents,
} from './helpers.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

/** What the table holds for one dataset, to compare deliveries. */
async function footprint(datasetId: string) {
  const [lines, rollups] = await Promise.all([
    lineItems(harness, datasetId),
    rollupItems(harness, datasetId),
  ]);
  return {
    lines: lines.length,
    lineCents: sumCents(lines),
    rollups: rollups.length,
    rollupCents: sumCents(rollups),
  };
}

/** The figures of the consortium payments report (everything but when it was generated). */
async function paymentsFigures() {
  const { report } = await publishedReport({ kind: 'payments' });
  return {
    totals: report.totals,
    byRing: report.byRing,
    datasets: report.datasets.map((entry) => entry.id),
  };
}

const MINUTE_MS = 60_000;

/** The META item an ingest leaves when its Lambda dies mid-way: INGESTING, with a lease. */
function crashedRecord(location: ObjectLocation, leaseUntil: Date): DatasetRecord {
  const leaseMs = 16 * MINUTE_MS;
  return newDatasetRecord({
    id: datasetIdOf(location),
    location,
    now: new Date(leaseUntil.getTime() - leaseMs),
    leaseMs,
    anchorId: 'anchor-1',
    requestedKind: undefined,
    sizeBytes: undefined,
  });
}

describe('the same file twice', () => {
  let firstId: string;
  let single: {
    footprint: Awaited<ReturnType<typeof footprint>>;
    report: Awaited<ReturnType<typeof paymentsFigures>>;
  };

  it('(a) counts an S3 event delivered twice once: the second delivery is already-done', async () => {
    const location = await harness.pipeline.upload({ path: SYNTHETIC_PAYMENTS, anchorId: 'anchor-1' });
    const event = objectCreatedEvent(location);

    const first = await invokeIngest(event);
    if (!('outcomes' in first)) throw new Error('expected outcomes');
    const [ingested] = first.outcomes;
    expect(ingested?.outcome).toBe('ingested');
    firstId = ingested?.dataset.id ?? '';
    single = { footprint: await footprint(firstId), report: await paymentsFigures() };
    expect(single.footprint).toMatchObject({ lines: 2401, lineCents: ingested?.dataset.amountCents });
    expect(Math.round(single.report.totals.gross * 100)).toBe(ingested?.dataset.amountCents);

    const second = await invokeIngest(event);

    expect(second).toEqual({
      outcomes: [
        { outcome: 'already-done', dataset: expect.objectContaining({ id: firstId, status: 'INGESTED' }) },
      ],
    });
    const datasets = await allDatasets(harness);
    expect(datasets.map((entry) => entry.id)).toEqual([firstId]);
    expect(await footprint(firstId)).toEqual(single.footprint);
    expect(await paymentsFigures()).toEqual(single.report);

    // A third delivery, through SQS this time, is acknowledged and changes nothing either.
    const viaSqs = await invokeIngest(sqsEvent([{ messageId: 'redelivery', body: JSON.stringify(event) }]));
    expect(viaSqs).toEqual({ batchItemFailures: [] });
    expect((await allDatasets(harness)).map((entry) => entry.id)).toEqual([firstId]);
    expect(await footprint(firstId)).toEqual(single.footprint);
    expect(await paymentsFigures()).toEqual(single.report);
  });

  it('(b) records the same content under another key as a duplicate that the report does not count', async () => {
    // Later to S3 than the original: in the same second, this copy's key would sort first and count.
    await nextSecond();
    const location = await harness.pipeline.upload({
      path: SYNTHETIC_PAYMENTS,
      anchorId: 'anchor-1',
      order: 1,
    });

    const outcome = await ingestOne(location);

    expect(outcome.outcome).toBe('rejected');
    const duplicate = await dataset(harness, datasetIdOf(location));
    expect(duplicate.id).not.toBe(firstId);
    expect(duplicate).toMatchObject({ status: 'REJECTED', duplicateOf: firstId });
    expect(duplicate.message).toContain(firstId);
    expect(duplicate.contentSha256).toBe((await dataset(harness, firstId)).contentSha256);
    expect(await rollupItems(harness, duplicate.id)).toHaveLength(0);

    const datasets = await allDatasets(harness);
    expect(datasets.map((entry) => entry.status).sort()).toEqual(['INGESTED', 'REJECTED']);
    const report = await paymentsFigures();
    expect(report.totals.gross).toBe(single.report.totals.gross);
    expect(report).toEqual(single.report);
    expect(await footprint(firstId)).toEqual(single.footprint);
  });
});

describe('an ingest that crashed', () => {
  it('(c) is taken over once its lease has expired and ends INGESTED with the right counts', async () => {
    const excerpt = paymentsExcerpt('crashed', 40);
    const location = await putUpload(harness, 'uploads/anchor-1/crashed.csv', excerpt.text, {
      anchor: 'anchor-1',
    });
    const id = datasetIdOf(location);
    await putMeta(harness, crashedRecord(location, new Date(Date.now() - 5 * MINUTE_MS)));
    // The crashed attempt had stored a file of its first line, then died: the retry's file has the same key.
    const crashed = createS3ParquetLineFiles(harness.s3, harness.stack.buckets.uploads).writer({
      id,
      anchorId: 'anchor-1',
      kind: 'payments',
    });
    await crashed.write([
      {
        sequence: 1,
        lineNumber: 3,
        anchorId: 'anchor-1',
        amountCents: 1,
        currency: 'EUR',
        supplier: { key: 'name:crashed', name: 'crashed' },
        flags: [],
      },
    ]);
    await crashed.close();

    const outcome = await ingestOne(location);

    expect(outcome.outcome).toBe('ingested');
    const meta = await dataset(harness, id);
    expect(meta).toMatchObject({
      status: 'INGESTED',
      lines: 40,
      rejectedLines: 0,
      amountCents: excerpt.cents,
      contentSha256: sha256Of(excerpt.text),
    });
    expect(meta.leaseUntil).toBeUndefined();
    expect((await allDatasets(harness)).filter((entry) => entry.id === id)).toHaveLength(1);
    const lines = await lineItems(harness, id);
    expect(lines).toHaveLength(40);
    expect(lines.find((line) => line.lineNumber === 3)?.amountCents).not.toBe(1);
    expect(sumCents(lines)).toBe(excerpt.cents);
    expect(sumCents(await rollupItems(harness, id))).toBe(excerpt.cents);
  });

  it('(c) is left alone while its lease runs: the delivery is in-progress (retried later) and writes nothing', async () => {
    const excerpt = paymentsExcerpt('running', 40, 40);
    const location = await putUpload(harness, 'uploads/anchor-1/running.csv', excerpt.text, {
      anchor: 'anchor-1',
    });
    const id = datasetIdOf(location);
    await putMeta(harness, crashedRecord(location, new Date(Date.now() + 10 * MINUTE_MS)));
    const before = await metaItem(harness, id);

    const outcome = await ingestOne(location);

    expect(outcome.outcome).toBe('in-progress');
    expect(outcome.dataset).toMatchObject({ id, status: 'INGESTING' });
    expect(await metaItem(harness, id)).toEqual(before);
    expect(await lineItems(harness, id)).toHaveLength(0);
    expect(await rollupItems(harness, id)).toHaveLength(0);
  });

  it('runs one ingest only when the same event is delivered twice at the same time', async () => {
    const excerpt = paymentsExcerpt('concurrent', 40, 80);
    const location = await putUpload(harness, 'uploads/anchor-1/concurrent.csv', excerpt.text);

    const results = await Promise.all([ingestS3(location), ingestS3(location)]);

    expect(
      results
        .flat()
        .map((result) => result.outcome)
        .sort(),
    ).toEqual(['in-progress', 'ingested']);
    const id = datasetIdOf(location);
    expect(await dataset(harness, id)).toMatchObject({
      status: 'INGESTED',
      lines: 40,
      amountCents: excerpt.cents,
    });
    expect(await footprint(id)).toMatchObject({
      lines: 40,
      lineCents: excerpt.cents,
      rollupCents: excerpt.cents,
    });
  });

  it('counts a re-uploaded file whose first dataset failed after claiming its content', async () => {
    const excerpt = paymentsExcerpt('orphaned claim', 40, 120);
    const first = await putUpload(harness, 'uploads/anchor-1/orphaned.csv', excerpt.text, {
      anchor: 'anchor-1',
    });
    const firstId = datasetIdOf(first);
    // The first attempt claimed the content, then died while writing its rollups.
    await putMeta(harness, crashedRecord(first, new Date(Date.now() - 5 * MINUTE_MS)));
    await putItem(harness, {
      ...keys.contentClaim({ uploaderId: 'anchor-1', contentSha256: sha256Of(excerpt.text) }),
      entityType: ENTITY.contentClaim,
      datasetId: firstId,
    });
    // The user deleted the file; the retried event finds it gone.
    await deleteUpload(harness, first);
    expect((await ingestOne(first)).outcome).toBe('failed');
    expect((await dataset(harness, firstId)).message).toMatch(/upload it again/);

    // The user uploads it again, as the message says.
    const again = await putUpload(harness, 'uploads/anchor-1/orphaned-again.csv', excerpt.text, {
      anchor: 'anchor-1',
    });
    const outcome = await ingestOne(again);

    expect(outcome.dataset.message).toBeUndefined();
    expect(outcome.outcome).toBe('ingested');
  });
});
