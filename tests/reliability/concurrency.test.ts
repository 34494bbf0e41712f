/**
 * Ingests and reports running at the same time: several files of one anchor ingested concurrently
 * are each counted once, and a report built while an ingest runs counts fully ingested datasets only
 * (never the lines or half the rollups of one still INGESTING).
 */
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, createS3Client } from '../../shared/adapters/aws-clients.ts';
import type { ObjectLocation } from '../../shared/domain/dataset.ts';
import { contentOrder } from '../../shared/domain/dataset-identity.ts';
import { objectCreatedEvent } from '../../shared/local/local-pipeline.ts';
import { datasetIdOf, ingestDataset } from '../../shared/use-cases/ingest-dataset.ts';
import { publishReport } from '../../shared/use-cases/publish-report.ts';
import {
  allDatasets,
  type Harness,
  invokeIngest,
  lineItems,
  paymentsExcerpt,
  publishedReport,
  putUpload,
  rollupItems,
  sqsEvent,
  startHarness,
  sumCents,
} from '../integration/helpers.ts';
import { beforeEachSend } from './support/fault-injection.ts';
import { oxfordSlice, recordFigure } from './support/fixtures.ts';
import {
  type Clients,
  createBucket,
  createTable,
  ingestDepsOf,
  ManualClock,
  reportDepsOf,
} from './support/hand-built.ts';
import { tableSnapshot } from './support/snapshots.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

const ANCHOR = 'regie-eaux';

async function uploadExcerpt(name: string, rows: number, from: number) {
  const excerpt = paymentsExcerpt(name, rows, from);
  const location = await putUpload(harness, `uploads/${ANCHOR}/${name}.csv`, excerpt.text, {
    anchor: ANCHOR,
  });
  return { location, cents: excerpt.cents };
}

/** The META amount, the LINE items and the ROLLUP items of a dataset agree to the cent. */
async function expectCountedOnce(location: ObjectLocation, cents: number, lines: number) {
  const id = datasetIdOf(location);
  const [lineList, rollups] = await Promise.all([lineItems(harness, id), rollupItems(harness, id)]);
  expect(lineList).toHaveLength(lines);
  expect(sumCents(lineList)).toBe(cents);
  expect(sumCents(rollups)).toBe(cents);
}

type Send = (this: unknown, command: unknown, ...rest: unknown[]) => Promise<unknown>;

/**
 * Holds the `nth` document-client write that `matches` (in any client, the handler's too) until
 * released: a pause, not a fault: every call still reaches the emulator.
 */
function holdDocumentWrites(matches: (command: unknown) => boolean, nth: number) {
  const prototype = DynamoDBDocumentClient.prototype as unknown as { send: Send };
  const ownBefore = Object.hasOwn(prototype, 'send');
  const original = prototype.send;
  let seen = 0;
  let release: () => void = () => undefined;
  let reached: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const atGate = new Promise<void>((resolve) => {
    reached = resolve;
  });
  prototype.send = async function (this: unknown, command, ...rest) {
    if (matches(command) && ++seen === nth) {
      reached();
      await gate;
    }
    return original.call(this, command, ...rest);
  };
  return {
    reached: atGate,
    release,
    restore() {
      if (ownBefore) prototype.send = original;
      else delete (prototype as { send?: Send }).send;
    },
  };
}

/** Delivers one event (straight from S3, or as an SQS message) again until it is processed; the retries. */
async function deliverUntilDone(event: object, index: number): Promise<number> {
  for (let retries = 0; retries < 3; retries++) {
    try {
      const response =
        index % 2 === 0
          ? await invokeIngest(event)
          : await invokeIngest(sqsEvent([{ messageId: `m-${index}`, body: JSON.stringify(event) }]));
      if (!('batchItemFailures' in response) || response.batchItemFailures.length === 0) return retries;
    } catch {
      // Lambda retries a failed asynchronous invocation.
    }
  }
  throw new Error(`event ${index} still failed after 3 deliveries`);
}

describe('several files of one anchor ingested at once', () => {
  it('counts each once, and a copy racing its original once in all', async () => {
    const files = await Promise.all([
      uploadExcerpt('janvier', 60, 0),
      uploadExcerpt('fevrier', 60, 60),
      uploadExcerpt('mars', 60, 120),
      uploadExcerpt('avril', 60, 180),
      uploadExcerpt('mai', 60, 240),
    ]);
    const mai = files[4];
    if (!mai) throw new Error('no May file');
    const copyText = paymentsExcerpt('mai', 60, 240).text;
    const copy = await putUpload(harness, `uploads/${ANCHOR}/mai-copie.csv`, copyText, { anchor: ANCHOR });
    const events = [...files.map((file) => file.location), copy].map((location) =>
      objectCreatedEvent(location),
    );

    // Half straight from S3, half as SQS messages, every delivery at the same time. A copy that finds
    // a later copy of its bytes mid-ingest fails and is delivered again, as Lambda and SQS retry.
    const retries = await Promise.all(events.map((event, index) => deliverUntilDone(event, index)));
    expect(retries.reduce((total, count) => total + count, 0)).toBeLessThanOrEqual(1);

    const datasets = await allDatasets(harness);
    expect(datasets).toHaveLength(6);
    expect(datasets.filter((dataset) => dataset.status === 'INGESTED')).toHaveLength(5);
    const duplicate = datasets.find((dataset) => dataset.status === 'REJECTED');
    const sameContent = [datasetIdOf(mai.location), datasetIdOf(copy)];
    expect(sameContent).toContain(duplicate?.id);
    expect(sameContent).toContain(duplicate?.duplicateOf);
    for (const file of files.slice(0, 4)) await expectCountedOnce(file.location, file.cents, 60);
    const counted = datasets.find(
      (dataset) => sameContent.includes(dataset.id) && dataset.status === 'INGESTED',
    );
    expect(counted?.amountCents).toBe(mai.cents);
    // The earlier upload counts, whichever delivery got there first.
    const [earlier] = datasets.filter((dataset) => sameContent.includes(dataset.id)).sort(contentOrder);
    expect(counted?.id).toBe(earlier?.id);

    const { report } = await publishedReport({ kind: 'payments' });
    const expected = files.reduce((total, file) => total + file.cents, 0);
    expect(Math.round(report.totals.gross * 100)).toBe(expected);
    expect(report.totals.lines).toBe(300);
  });
});

describe('a report built while an ingest runs', () => {
  it('counts the datasets INGESTED when it reads them, never part of one still INGESTING', async () => {
    const big = paymentsExcerpt('big', 1200, 300);
    const location = await putUpload(harness, `uploads/${ANCHOR}/annee.csv`, big.text, { anchor: ANCHOR });
    const bigId = datasetIdOf(location);
    const statusOfBig = async () =>
      (await allDatasets(harness)).find((dataset) => dataset.id === bigId)?.status ?? 'absent';

    /** A report, with the big file's status just before and just after it. */
    async function observedReport() {
      const before = await statusOfBig();
      const { report } = await publishedReport({ kind: 'payments' });
      const after = await statusOfBig();
      const listed = await allDatasets(harness);
      const amountOf = new Map(listed.map((dataset) => [dataset.id, dataset.amountCents]));
      // Totals come from rollups, amounts from the dataset records: equal only if no rollup of a
      // dataset that is not (yet) counted slipped in.
      const fromRecords = report.datasets.reduce((total, entry) => total + (amountOf.get(entry.id) ?? 0), 0);
      return {
        before,
        after,
        counted: report.datasets.some((entry) => entry.id === bigId),
        consistent: Math.round(report.totals.gross * 100) === fromRecords,
      };
    }

    // The handler's first batch of rollups (its lines are in files by then) waits at a gate, so
    // reports surely run midway.
    const gate = holdDocumentWrites((command) => {
      if (!(command instanceof BatchWriteCommand)) return false;
      const first = Object.values(command.input.RequestItems ?? {})[0]?.[0]?.PutRequest?.Item;
      return first?.pk === `DATASET#${bigId}` && String(first?.sk).startsWith('ROLLUP#');
    }, 1);
    let ingestDone = false;
    const ingest = invokeIngest(objectCreatedEvent(location)).finally(() => {
      ingestDone = true;
    });
    const reports = [];
    try {
      await gate.reached;
      reports.push(await observedReport(), await observedReport());
    } finally {
      gate.release();
    }
    // Then, unhindered, as many reports as fit while the ingest finishes.
    try {
      while (!ingestDone) reports.push(await observedReport());
      await ingest;
    } finally {
      gate.restore();
    }

    recordFigure('reports during a running ingest', reports.length);
    expect(reports.every((report) => report.consistent)).toBe(true);
    // While the big file was INGESTING from start to end of a report, that report left it out…
    const midway = reports.filter((report) => report.before === 'INGESTING' && report.after === 'INGESTING');
    expect(midway.length).toBeGreaterThanOrEqual(2);
    expect(midway.every((report) => !report.counted)).toBe(true);
    // …and a report counts it only once it is INGESTED.
    expect(reports.filter((report) => report.counted).every((report) => report.after === 'INGESTED')).toBe(
      true,
    );

    const { report } = await publishedReport({ kind: 'payments' });
    expect(report.datasets.map((entry) => entry.id)).toContain(bigId);
    await expectCountedOnce(location, big.cents, 1200);
  });

  it('leaves out a dataset frozen between two of its rollup batches, and counts it whole once it is done', async () => {
    // A table and bucket of their own: these are GBP payments, the others EUR.
    const place = 'frozen-rollups';
    await Promise.all([createTable(harness.documents, place), createBucket(harness.s3, place)]);
    const where = { tableName: place, rejectsBucket: place, reportsBucket: place, referenceBucket: place };
    const reportClients: Clients = {
      documents: createDocumentClient(harness.stack.dynamoDbEndpoint),
      s3: createS3Client(harness.stack.s3Endpoint),
    };
    // Once armed, the third rollup batch waits at the gate: two are written, the rest are not.
    let armed = false;
    let rollupBatches = 0;
    let release: () => void = () => undefined;
    let frozen: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const atGate = new Promise<void>((resolve) => {
      frozen = resolve;
    });
    const ingestClients: Clients = {
      documents: beforeEachSend(createDocumentClient(harness.stack.dynamoDbEndpoint), async (command) => {
        if (!armed || !(command instanceof BatchWriteCommand)) return;
        const first = command.input.RequestItems?.[place]?.[0]?.PutRequest?.Item;
        if (!String(first?.sk).startsWith('ROLLUP#') || ++rollupBatches !== 3) return;
        frozen();
        await gate;
      }),
      s3: createS3Client(harness.stack.s3Endpoint),
    };
    const clock = new ManualClock();
    const reportDeps = reportDepsOf(reportClients, where, clock);
    // Oxford's spend, in pounds: ingested and reported for Oxford.
    const request = { territoryId: 'oxford', kind: 'payments' } as const;
    const ingestOf = (location: ObjectLocation) =>
      ingestDataset(ingestDepsOf(ingestClients, where, clock, 'oxford'), location);
    const put = (key: string, body: string) => putUpload(harness, key, body, { anchor: 'oxford-city' });

    const first = await ingestOf(await put('uploads/oxford-city/q1-a.csv', oxfordSlice(0, 40)));
    expect(first.outcome).toBe('ingested');
    const secondLocation = await put('uploads/oxford-city/q1-b.csv', oxfordSlice(300, 300));
    armed = true;
    const running = ingestOf(secondLocation);
    await atGate;

    const during = await publishReport(reportDeps, request);
    const secondPk = `DATASET#${datasetIdOf(secondLocation)}`;
    const partial = (await tableSnapshot(harness.documents, place)).filter(
      (item) => item.pk === secondPk && String(item.sk).startsWith('ROLLUP#'),
    );
    release();
    const second = await running;

    expect(second.outcome).toBe('ingested');
    // Some rollups were written (the other batch writers went on), not all of them.
    const complete = (await tableSnapshot(harness.documents, place)).filter(
      (item) => item.pk === secondPk && String(item.sk).startsWith('ROLLUP#'),
    );
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(complete.length);
    expect(sumCents(complete)).toBe(second.dataset.amountCents);
    recordFigure('rollups written when frozen', { partial: partial.length, of: complete.length });
    if (!during.published) throw new Error(during.reason);
    expect(during.report.datasets.map((entry) => entry.id)).toEqual([first.dataset.id]);
    expect(Math.round(during.report.totals.gross * 100)).toBe(first.dataset.amountCents);
    const after = await publishReport(reportDeps, request);
    if (!after.published) throw new Error(after.reason);
    expect(Math.round(after.report.totals.gross * 100)).toBe(
      first.dataset.amountCents + second.dataset.amountCents,
    );
    for (const clients of [reportClients, ingestClients]) {
      clients.documents.destroy();
      clients.s3.destroy();
    }
  });
});
