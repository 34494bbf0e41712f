/**
 * DESIGN §12: replaying any event, in any order, any number of times, yields exactly the same table
 * and reports as one clean run. One stack ingests real files once, in upload order; a second stack
 * gets every S3 event twice, shuffled, half of them through SQS-shaped batches (duplicates inside a
 * batch too), then a third time interleaved with another file's events. Both are compared item for
 * item: the table (timestamps aside), the rejects files and the report.json files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectCreatedEvent } from '../../shared/local/local-pipeline.ts';
import { datasetIdOf } from '../../shared/use-cases/ingest-dataset.ts';
import {
  allDatasets,
  type Harness,
  ingestOne,
  invokeIngest,
  paymentsExcerpt,
  publishedReport,
  sqsEvent,
  startHarness,
} from '../integration/helpers.ts';
import { nextSecond } from '../support/next-second.ts';
import {
  bytesOf,
  DECP_CONTRACTS,
  DECP_JSON,
  DECP_SCHEMA_EXAMPLE,
  headOf,
  putUploadAs,
  recordFigure,
  SYNTHETIC_PAYMENTS,
  seededRandom,
  shuffled,
  UK_PAYMENTS,
} from './support/fixtures.ts';
import {
  bucketSnapshot,
  type Item,
  itemCounts,
  reportsSnapshot,
  tableSnapshot,
} from './support/snapshots.ts';

interface Upload {
  readonly key: string;
  readonly body: Uint8Array;
  readonly anchorId: string;
  readonly sequencer: string;
}

const upload = (anchorId: string, path: string, n: number, body = bytesOf(path)): Upload => ({
  key: `uploads/${anchorId}/${path.slice(path.lastIndexOf('/') + 1)}`,
  body,
  anchorId,
  sequencer: `00660A1B2C3D${String(n).padStart(4, '0')}`,
});

/**
 * EUR payments and contracts: the reports of this phase can be published and compared. The synthetic
 * payments file is cut to its first 800 lines (one broken line among them): dynalite writes ~800
 * lines a second, and the whole file would cost this suite 6 s more.
 */
const PHASE_ONE: readonly Upload[] = [
  upload('regie-eaux', SYNTHETIC_PAYMENTS, 1, headOf(SYNTHETIC_PAYMENTS, 800)),
  // Contracts files name many buyers: the consortium administrator uploads them.
  upload('consortium', DECP_CONTRACTS, 2),
  upload('consortium', DECP_SCHEMA_EXAMPLE, 3),
  upload('consortium', DECP_JSON, 4),
];
/**
 * GBP payments (Oxford's first 600 lines) into the EUR territory, delivered afterwards: refused at
 * ingest for their currency, the same way however often their events come.
 */
const PHASE_TWO: readonly Upload[] = [upload('oxford-city', UK_PAYMENTS, 5, headOf(UK_PAYMENTS, 601))];

const REPORTS = [{ kind: 'payments' }, { kind: 'contracts' }] as const;

type Event = ReturnType<typeof objectCreatedEvent>;

async function putAll(harness: Harness, uploads: readonly Upload[]): Promise<Event[]> {
  const events: Event[] = [];
  for (const file of uploads) {
    const location = await putUploadAs(harness, file);
    events.push(objectCreatedEvent(location));
  }
  return events;
}

/** The handlers read the stack they talk to from the environment, as in Lambda. */
const use = (harness: Harness) => Object.assign(process.env, harness.stack.env);

async function snapshotOf(harness: Harness) {
  const [table, rejects] = await Promise.all([
    tableSnapshot(harness.documents, harness.stack.tableName),
    bucketSnapshot(harness.s3, harness.stack.buckets.uploads, 'rejects/'),
  ]);
  return { table, rejects };
}

async function publishAll() {
  for (const request of REPORTS) await publishedReport(request);
}

/**
 * Delivers events as S3 and SQS would: each `copies` times, shuffled, some straight from S3, some in
 * SQS batches of 1–4 messages. A message the handler lists in `batchItemFailures` goes back on the
 * queue, as SQS would redeliver it. Returns how many deliveries were made.
 */
async function deliverMessily(events: readonly Event[], copies: number, random: () => number) {
  let queue = shuffled(
    events.flatMap((event) => Array.from({ length: copies }, () => event)),
    random,
  );
  let deliveries = 0;
  let viaSqs = 0;
  let messageIds = 0;
  while (queue.length > 0) {
    if (random() < 0.5) {
      const [event, ...rest] = queue;
      queue = rest;
      if (!event) break;
      await invokeIngest(event);
      deliveries += 1;
      continue;
    }
    const size = 1 + Math.floor(random() * 4);
    const batch = queue.slice(0, size);
    queue = queue.slice(size);
    const messages = batch.map((event) => ({ messageId: `m-${++messageIds}`, body: JSON.stringify(event) }));
    const response = await invokeIngest(sqsEvent(messages));
    deliveries += batch.length;
    viaSqs += batch.length;
    if (!('batchItemFailures' in response)) throw new Error('an SQS batch was answered as an S3 event');
    for (const failure of response.batchItemFailures) {
      const index = messages.findIndex((message) => message.messageId === failure.itemIdentifier);
      const redelivered = batch[index];
      if (redelivered) queue.push(redelivered);
    }
  }
  return { deliveries, viaSqs };
}

let clean: Harness;
let replayed: Harness;

beforeAll(async () => {
  [clean, replayed] = await Promise.all([startHarness(), startHarness()]);
});

afterAll(async () => {
  await Promise.all([clean?.stop(), replayed?.stop()]);
});

describe('replaying S3 events', () => {
  it('gives item for item the table, rejects and reports of one clean run', async () => {
    // One clean run: each event once, in upload order.
    use(clean);
    const cleanEvents = [...(await putAll(clean, PHASE_ONE)), ...(await putAll(clean, PHASE_TWO))];
    const outcomes = [];
    for (const event of cleanEvents.slice(0, PHASE_ONE.length)) {
      const result = await invokeIngest(event);
      if ('outcomes' in result) outcomes.push(...result.outcomes);
    }
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(PHASE_ONE.map(() => 'ingested'));
    await publishAll();
    const cleanReports = await reportsSnapshot(clean.s3, clean.stack.buckets.reports);
    expect(Object.keys(cleanReports)).toHaveLength(REPORTS.length);
    const cleanPhaseOne = await snapshotOf(clean);
    for (const event of cleanEvents.slice(PHASE_ONE.length)) await invokeIngest(event);
    const cleanFinal = await snapshotOf(clean);

    // The replay: every event twice, shuffled, S3 and SQS shapes mixed.
    use(replayed);
    const random = seededRandom(20250602);
    const events = await putAll(replayed, PHASE_ONE);
    const first = await deliverMessily(events, 2, random);
    await publishAll();
    expect(await reportsSnapshot(replayed.s3, replayed.stack.buckets.reports)).toEqual(cleanReports);
    expect(await snapshotOf(replayed)).toEqual(cleanPhaseOne);

    // Then another file's events, twice, interleaved with a third delivery of every earlier one.
    const later = await putAll(replayed, PHASE_TWO);
    const second = await deliverMessily([...events, ...later, ...later], 1, random);
    const final = await snapshotOf(replayed);

    expect(final.table.length).toBe(cleanFinal.table.length);
    expect(itemCounts(final.table)).toEqual(itemCounts(cleanFinal.table));
    expect(final).toEqual(cleanFinal);

    const datasets = await allDatasets(replayed);
    // Isère's contracts as JSON are all in the flattened CSV the consortium uploaded first: superseded.
    const superseded = datasets.filter((dataset) => dataset.status === 'SUPERSEDED');
    expect(superseded.map((dataset) => dataset.fileName)).toEqual([
      DECP_JSON.slice(DECP_JSON.lastIndexOf('/') + 1),
    ]);
    const rejected = datasets.filter((dataset) => dataset.status === 'REJECTED');
    expect(rejected.map((dataset) => [dataset.anchorId, dataset.currency])).toEqual([['oxford-city', 'GBP']]);
    expect(datasets.filter((dataset) => dataset.status === 'INGESTED')).toHaveLength(datasets.length - 2);
    expect(datasets).toHaveLength(PHASE_ONE.length + PHASE_TWO.length);
    expect(first.deliveries + second.deliveries).toBe(3 * PHASE_ONE.length + 2 * PHASE_TWO.length);
    expect(first.viaSqs + second.viaSqs).toBeGreaterThan(0);
    // The refused file claims no content.
    expect(itemCounts(final.table)).toMatchObject({ Dataset: 5, ContentClaim: 4 });
    recordFigure('replay', {
      deliveries: first.deliveries + second.deliveries,
      viaSqs: first.viaSqs + second.viaSqs,
      items: itemCounts(final.table),
      rejectsFiles: Object.keys(final.rejects).length,
      reports: Object.keys(cleanReports).length,
    });
  });
});

describe('identical content under two keys, delivered in either order', () => {
  /** Uploads two copies of one file to a stack and delivers their events in the order given. */
  async function deliverCopies(harness: Harness, tag: string, order: readonly [number, number]) {
    use(harness);
    // Each pair its own lines: the same lines in two pairs would be the same spend, counted once.
    const body = paymentsExcerpt(`copies ${tag}`, 30, tag === 'once' ? 500 : 530).text;
    // Both copies in one second, in every stack: the key, not a second boundary, decides which counts.
    await nextSecond();
    const locations = await Promise.all(
      [`uploads/regie-eaux/${tag}.csv`, `uploads/regie-eaux/${tag}-copie.csv`].map((key, n) =>
        putUploadAs(harness, { key, body, anchorId: 'regie-eaux', sequencer: `00660A1B2C3E000${n}` }),
      ),
    );
    for (const index of order) {
      const location = locations[index];
      if (location) await ingestOne(location);
    }
    const ids = locations.map((location) => datasetIdOf(location));
    return (await allDatasets(harness)).filter((dataset) => ids.includes(dataset.id));
  }

  it('counts the content once in either order: one dataset INGESTED, the other a REJECTED duplicate', async () => {
    for (const [harness, order] of [
      [clean, [0, 1]],
      [replayed, [1, 0]],
    ] as const) {
      const datasets = await deliverCopies(harness, 'once', order);
      expect(datasets.map((dataset) => dataset.status).sort()).toEqual(['INGESTED', 'REJECTED']);
      const counted = datasets.find((dataset) => dataset.status === 'INGESTED');
      expect(datasets.find((dataset) => dataset.status === 'REJECTED')?.duplicateOf).toBe(counted?.id);
    }
  });

  it('makes the same copy the counted one whichever event arrives first, item for item', async () => {
    const counted: string[] = [];
    const tables: Item[][] = [];
    for (const [harness, order] of [
      [clean, [0, 1]],
      [replayed, [1, 0]],
    ] as const) {
      const datasets = await deliverCopies(harness, 'order', order);
      counted.push(...datasets.filter((d) => d.status === 'INGESTED').map((dataset) => dataset.fileName));
      // Their items and the content claim: the later copy, counted for a moment, left no rollup behind.
      const own = new Set([
        ...datasets.map((dataset) => `DATASET#${dataset.id}`),
        `CONTENT#${datasets[0]?.contentSha256}`,
      ]);
      const table = await tableSnapshot(harness.documents, harness.stack.tableName);
      tables.push(table.filter((item) => own.has(String(item.pk))));
    }
    expect(counted).toHaveLength(2);
    expect(counted[0]).toBe(counted[1]);
    expect(tables[1]).toEqual(tables[0]);
  });
});
