/**
 * DESIGN §12: a crash after the k-th write, then a retry, yields the table of one clean run — for
 * every k. The ingest, the registry load and the report build run on dependencies built by hand from
 * the real adapters, against the emulators, with the DynamoDB and S3 clients wrapped so that their
 * calls (counted together, in the order sent) break at the k-th:
 * - crash: the k-th call reaches AWS, its answer is lost and no later call is made (the Lambda died);
 *   the retry comes once the lease has expired, on a clock the test moves;
 * - fail: the k-th call alone fails (a 500, a reset connection) and the attempt carries on to its
 *   error handling; the retry comes at once.
 * Each crash point gets a fresh table and bucket, and is compared with the clean run item for item.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, createS3Client } from '../../shared/adapters/aws-clients.ts';
import type { ObjectLocation } from '../../shared/domain/dataset.ts';
import { ingestDataset } from '../../shared/use-cases/ingest-dataset.ts';
import { loadRegistry } from '../../shared/use-cases/load-facts.ts';
import { publishReport } from '../../shared/use-cases/publish-report.ts';
import { scaleEstablishmentLines } from '../fixtures/built/sirene.ts';
import { type Harness, startHarness } from '../integration/helpers.ts';
import { CallPlan, type Fault, instrumented } from './support/fault-injection.ts';
import { headOf, putUploadAs, recordFigure, UK_PAYMENTS } from './support/fixtures.ts';
import {
  type Clients,
  createBucket,
  createTable,
  factsDepsOf,
  ingestDepsOf,
  LEASE_MS,
  ManualClock,
  reportDepsOf,
} from './support/hand-built.ts';
import { bucketSnapshot, tableSnapshot } from './support/snapshots.ts';

/**
 * The header and first data lines of Oxford's real spend file, then one line with no amount (the
 * rejects file has a line to compare). 100 lines name 58 suppliers: the lines take 4 batch writes and the rollups 3, so a crash
 * falls between two line batches, between two rollup batches, and on every single write around them.
 */
function spendExcerpt(dataLines: number): Uint8Array {
  const head = Buffer.from(headOf(UK_PAYMENTS, 1 + dataLines));
  const broken =
    'OCC,General Fund,Repairs,Z970590,15/02/2018,46299999 - 1,,Revenue,20099999,NO AMOUNT LTD\r\n';
  return new Uint8Array(Buffer.concat([head, Buffer.from(broken, 'utf-8')]));
}

const EXCERPT_LINES = 100;
/** The excerpt is Oxford's spend in pounds: ingested and reported in a GBP territory. */
const OXFORD = 'oxford';
const REGISTRY_ROWS = 200;

let harness: Harness;
let plan: CallPlan;
let clients: Clients;
let upload: ObjectLocation;
let registryFile: string;
let runs = 0;

/** A table and a bucket no other run has touched. */
async function freshPlace(prefix: string) {
  runs += 1;
  const place = { tableName: `${prefix}-${runs}`, bucket: `${prefix}-${runs}` };
  await Promise.all([
    createTable(harness.documents, place.tableName),
    createBucket(harness.s3, place.bucket),
  ]);
  return place;
}

/**
 * Runs `attempt` with the fault, then (if it threw, as it must) once more cleanly after `between`
 * (which checks what the dead attempt left, and moves the clock), and returns what the retry answered.
 */
async function crashThenRetry<T>(
  fault: Fault,
  attempt: () => Promise<T>,
  between: () => Promise<void> = async () => undefined,
) {
  plan.arm(fault);
  const first = await attempt().then(
    () => 'returned' as const,
    (error: unknown) => error,
  );
  plan.cleanup();
  // A fault is never swallowed: the function must fail so that SQS (or the caller) retries.
  expect(first, `${fault.type} at ${JSON.stringify(fault)} was swallowed`).toBeInstanceOf(Error);
  plan.arm({ type: 'none' });
  await between();
  const retried = await attempt();
  plan.cleanup();
  return retried;
}

/** Every crash point of a clean run of N calls: crash after 0…N calls, fail at 1…N. */
function faultsOf(calls: number): Fault[] {
  return [
    ...Array.from({ length: calls + 1 }, (_, after): Fault => ({ type: 'crash', after })),
    ...Array.from({ length: calls }, (_, at): Fault => ({ type: 'fail', at: at + 1 })),
  ];
}

/** The table with the META item's settling mark and its time left out. */
const withoutSettling = (table: readonly Record<string, unknown>[]) =>
  table.map((item) => {
    if (item.sk !== 'META') return item;
    const { overlapsPending: _pending, updatedAt: _at, ...rest } = item;
    return rest;
  });

const countBy = (labels: readonly string[]) =>
  labels.reduce<Record<string, number>>((counts, label) => {
    counts[label] = (counts[label] ?? 0) + 1;
    return counts;
  }, {});

beforeAll(async () => {
  harness = await startHarness();
  plan = new CallPlan();
  clients = {
    documents: instrumented(createDocumentClient(harness.stack.dynamoDbEndpoint), plan, 'dynamodb'),
    s3: instrumented(createS3Client(harness.stack.s3Endpoint), plan, 's3'),
  };
  upload = await putUploadAs(harness, {
    key: 'uploads/oxford-city/spend-extract.csv',
    body: spendExcerpt(EXCERPT_LINES),
    anchorId: 'oxford-city',
    sequencer: '00660A1B2C3F0001',
  });
  registryFile = `${[...scaleEstablishmentLines(REGISTRY_ROWS, { rejectEvery: 37 })].join('\n')}\n`;
});

afterAll(async () => {
  clients?.documents.destroy();
  clients?.s3.destroy();
  await harness?.stop();
});

describe('ingest, crashed at every call', () => {
  const where = (place: { tableName: string; bucket: string }) => ({
    tableName: place.tableName,
    rejectsBucket: place.bucket,
    referenceBucket: harness.stack.buckets.reference,
  });
  // A retried dataset may say how many runs it took (`attempts`, `runs`): the history of the ingest,
  // not what it counted. Everything else must be identical.
  const snapshot = async (place: { tableName: string; bucket: string }) => ({
    table: await tableSnapshot(harness.documents, place.tableName, ['attempts', 'runs']),
    rejects: await bucketSnapshot(harness.s3, place.bucket, 'rejects/'),
  });

  it('ends every retry with the clean run’s table and rejects file', async () => {
    const cleanPlace = await freshPlace('ingest');
    plan.arm({ type: 'none' });
    const clean = await ingestDataset(
      ingestDepsOf(clients, where(cleanPlace), new ManualClock(), OXFORD),
      upload,
    );
    const calls = plan.count;
    expect(clean.outcome).toBe('ingested');
    expect(clean.dataset).toMatchObject({ lines: EXCERPT_LINES, rejectedLines: 1 });
    const expected = await snapshot(cleanPlace);
    const log = [...plan.log];
    const kinds = new Set(log);
    expect(kinds).toEqual(
      new Set([
        's3:GetObjectCommand',
        'dynamodb:PutCommand',
        'dynamodb:BatchWriteCommand',
        's3:PutObjectCommand',
        // Listing the anchor's datasets for an earlier upload of the key to supersede.
        'dynamodb:QueryCommand',
        // Reading the record back to mark its overlaps settled.
        'dynamodb:GetCommand',
      ]),
    );
    // The call that records the dataset INGESTED (the last write before the overlaps are looked
    // for): a crash after it leaves a counted dataset, its overlaps still to settle.
    const finished = log.lastIndexOf('dynamodb:PutCommand', log.lastIndexOf('dynamodb:QueryCommand')) + 1;

    const faults = faultsOf(calls);
    const statesLeft: Record<string, number> = {};
    for (const fault of faults) {
      const place = await freshPlace('ingest');
      const clock = new ManualClock();
      const deps = ingestDepsOf(clients, where(place), clock, OXFORD);
      const retried = await crashThenRetry(
        fault,
        () => ingestDataset(deps, upload),
        async () => {
          // Between the crash and the retry a report may run: it counts INGESTED datasets only, so
          // the dead attempt must have left either no INGESTED record or a complete one.
          const left = await snapshot(place);
          const meta = left.table.find((item) => item.sk === 'META');
          const status = String(meta?.status ?? 'absent');
          statesLeft[status] = (statesLeft[status] ?? 0) + 1;
          // Counted in full; only the mark that its overlaps are settled may be missing.
          if (status === 'INGESTED')
            expect(withoutSettling(left.table)).toEqual(withoutSettling(expected.table));
          // SQS redelivers; by then the dead attempt's lease has run out.
          clock.advance(LEASE_MS + 60_000);
        },
      );
      // Crashed once it had recorded the dataset INGESTED, the first attempt had finished: the
      // retry finds it done (and completes the superseding check).
      const afterFinish =
        (fault.type === 'crash' && fault.after >= finished) || (fault.type === 'fail' && fault.at > finished);
      const done = afterFinish ? 'already-done' : 'ingested';
      expect(retried.outcome, JSON.stringify(fault)).toBe(done);
      const got = await snapshot(place);
      expect(got.table.length, JSON.stringify(fault)).toBe(expected.table.length);
      expect(got, JSON.stringify(fault)).toEqual(expected);
    }
    expect(faults.length).toBe(2 * calls + 1);
    recordFigure('ingest crash points', { calls, faults: faults.length, log: countBy(log), statesLeft });
  });
});

describe('registry load, crashed at every call', () => {
  it('ends every retry with the clean run’s facts and rejects file', async () => {
    const putSource = async (bucket: string): Promise<ObjectLocation> => {
      const location = { bucket, key: 'registry/StockEtablissement-extrait.csv' };
      await harness.s3.send(new PutObjectCommand({ Bucket: bucket, Key: location.key, Body: registryFile }));
      return location;
    };
    const snapshot = async (place: { tableName: string; bucket: string }) => ({
      table: await tableSnapshot(harness.documents, place.tableName),
      rejects: await bucketSnapshot(harness.s3, place.bucket, 'facts-rejects/'),
    });
    const cleanPlace = await freshPlace('registry');
    const cleanSource = await putSource(cleanPlace.bucket);
    plan.arm({ type: 'none' });
    const clean = await loadRegistry(
      factsDepsOf(clients, cleanPlace.tableName, new ManualClock()),
      cleanSource,
    );
    const calls = plan.count;
    expect(clean).toMatchObject({ loaded: true, rows: REGISTRY_ROWS, rejectedRows: 5 });
    const expected = await snapshot(cleanPlace);
    expect(expected.table.length).toBeGreaterThan(REGISTRY_ROWS);

    recordFigure('registry crash points', { calls, faults: faultsOf(calls).length });
    for (const fault of faultsOf(calls)) {
      const place = await freshPlace('registry');
      const source = await putSource(place.bucket);
      const deps = factsDepsOf(clients, place.tableName, new ManualClock());
      const retried = await crashThenRetry(fault, () => loadRegistry(deps, source));
      expect(retried, JSON.stringify(fault)).toEqual(clean);
      expect(await snapshot(place), JSON.stringify(fault)).toEqual(expected);
    }
  });
});

describe('report build, crashed at every call', () => {
  it('ends every retry with the clean run’s report files, byte for byte', async () => {
    // The report reads a table holding an ingested dataset and registry facts; it only writes S3.
    const table = await freshPlace('report-data');
    plan.arm({ type: 'none' });
    const ingested = await ingestDataset(
      ingestDepsOf(
        clients,
        { tableName: table.tableName, rejectsBucket: table.bucket, referenceBucket: table.bucket },
        new ManualClock(),
        OXFORD,
      ),
      upload,
    );
    expect(ingested.outcome).toBe('ingested');
    const where = (bucket: string) => ({
      tableName: table.tableName,
      reportsBucket: bucket,
      referenceBucket: harness.stack.buckets.reference,
    });
    const request = { territoryId: OXFORD, kind: 'payments' } as const;
    const cleanBucket = await freshPlace('reports');
    plan.arm({ type: 'none' });
    const clean = await publishReport(
      reportDepsOf(clients, where(cleanBucket.bucket), new ManualClock()),
      request,
    );
    const calls = plan.count;
    expect(clean.published).toBe(true);
    const expected = await bucketSnapshot(harness.s3, cleanBucket.bucket, 'reports/');
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);

    // Crashes only: the report's writes are its final puts, all of the same files, so a single failed
    // call ends where a crash does; each retry renders the report's charts, the slow part.
    const crashes = faultsOf(calls).filter((fault) => fault.type === 'crash');
    recordFigure('report crash points', { calls, faults: crashes.length });
    for (const fault of crashes) {
      const place = await freshPlace('reports');
      const deps = reportDepsOf(clients, where(place.bucket), new ManualClock());
      const retried = await crashThenRetry(fault, () => publishReport(deps, request));
      expect(retried, JSON.stringify(fault)).toEqual(clean);
      expect(await bucketSnapshot(harness.s3, place.bucket, 'reports/'), JSON.stringify(fault)).toEqual(
        expected,
      );
    }
  });
});
