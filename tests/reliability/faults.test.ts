/**
 * DESIGN §12: throttling and `UnprocessedItems` are retried with backoff; persistent failure fails
 * the dataset visibly (status + DLQ), never half-counts it. Faults the emulators cannot produce are
 * injected as close to the wire as the tool allows:
 * - throttling by a loopback proxy in front of dynalite answering DynamoDB's throttling errors, so the
 *   AWS SDK's own retry middleware runs for real (a mocked `send` would skip it);
 * - `UnprocessedItems`, a reset S3 stream and a vanished object version with aws-sdk-client-mock on
 *   the clients' `send`, every other call passing through to the emulators.
 * Every file goes through the real ingest handler as an SQS message, as in AWS.
 */
import { GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../../shared/adapters/batch-write.ts';
import type { ObjectLocation } from '../../shared/domain/dataset.ts';
import { objectCreatedEvent } from '../../shared/local/local-pipeline.ts';
import { ENV } from '../../shared/runtime/env.ts';
import { datasetIdOf } from '../../shared/use-cases/ingest-dataset.ts';
import {
  dataset,
  deleteUpload,
  type Harness,
  invokeIngest,
  lineItems,
  publishedReport,
  putUpload,
  rollupItems,
  sqsEvent,
  startHarness,
  sumCents,
} from '../integration/helpers.ts';
import { oxfordSlice, recordFigure } from './support/fixtures.ts';
import {
  startThrottlingProxy,
  type ThrottleError,
  type ThrottlingProxy,
} from './support/throttling-proxy.ts';

let harness: Harness;
let proxy: ThrottlingProxy;
let uploads = 0;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  // The slices are Oxford's spend, in pounds: a deployment for Oxford counts them.
  harness = await startHarness({ territoryId: 'oxford' });
  proxy = await startThrottlingProxy(harness.stack.dynamoDbEndpoint);
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.restoreAllMocks();
  Object.assign(process.env, harness.stack.env);
});

afterAll(async () => {
  await proxy?.close();
  await harness?.stop();
});

/** A new upload of an Oxford slice: its own key, content and dataset. */
async function uploadSlice(from: number, count: number): Promise<ObjectLocation> {
  uploads += 1;
  return putUpload(harness, `uploads/oxford-city/slice-${uploads}.csv`, oxfordSlice(from, count), {
    anchor: 'oxford-city',
  });
}

/** Delivers the upload's S3 event as one SQS message; returns the ids SQS would keep (retry, then DLQ). */
async function deliverViaSqs(location: ObjectLocation): Promise<string[]> {
  uploads += 1;
  const messageId = `message-${uploads}`;
  const response = await invokeIngest(
    sqsEvent([{ messageId, body: JSON.stringify(objectCreatedEvent(location)) }]),
  );
  if (!('batchItemFailures' in response)) throw new Error('an SQS batch was answered as an S3 event');
  return response.batchItemFailures.map((failure) =>
    failure.itemIdentifier === messageId ? 'this' : 'other',
  );
}

/** What the table holds for a dataset, from the items themselves. */
async function counted(location: ObjectLocation) {
  const id = datasetIdOf(location);
  const [meta, lines, rollups] = await Promise.all([
    dataset(harness, id),
    lineItems(harness, id),
    rollupItems(harness, id),
  ]);
  return { meta, lines: lines.length, lineCents: sumCents(lines), rollupCents: sumCents(rollups) };
}

/** The ids and gross total of the consortium payments report. */
async function paymentsReport() {
  const { report } = await publishedReport({ kind: 'payments' });
  return { datasets: report.datasets.map((entry) => entry.id), gross: report.totals.gross };
}

type RawSend = (this: unknown, command: unknown) => Promise<unknown>;

/**
 * Mocks `send` on every client of the class (the handler's too) with aws-sdk-client-mock; calls no
 * test configures go to the emulators unchanged, and `real` sends one there on purpose.
 */
function mockDocuments() {
  const original = DynamoDBDocumentClient.prototype.send as unknown as RawSend;
  const stub = mockClient(DynamoDBDocumentClient);
  stub.send.callsFake(function (this: unknown, command) {
    return original.call(this, command) as Promise<never>;
  });
  cleanups.push(() => stub.restore());
  return { stub, real: (client: unknown, command: unknown) => original.call(client, command) };
}

function mockS3() {
  const original = S3Client.prototype.send as unknown as RawSend;
  const stub = mockClient(S3Client);
  stub.send.callsFake(function (this: unknown, command) {
    return original.call(this, command) as Promise<never>;
  });
  cleanups.push(() => stub.restore());
  return { stub, real: (client: unknown, command: unknown) => original.call(client, command) };
}

describe('throttling, retried by the AWS SDK (a proxy answers as DynamoDB does)', () => {
  const throttleBatchWrites = (errors: readonly (ThrottleError | undefined)[], forever?: ThrottleError) => {
    let batchWrites = 0;
    proxy.setRule((operation) => {
      if (operation !== 'BatchWriteItem') return undefined;
      return errors[batchWrites++] ?? forever;
    });
    process.env[ENV.dynamoDbEndpoint] = proxy.endpoint;
    cleanups.push(() => proxy.setRule(() => undefined));
  };

  it('retries ProvisionedThroughputExceededException and ThrottlingException with backoff, then counts the file once', async () => {
    const location = await uploadSlice(0, 60);
    vi.spyOn(Math, 'random').mockReturnValue(0.2);
    const before = proxy.seen.length;
    throttleBatchWrites(['ProvisionedThroughputExceededException', 'ThrottlingException']);

    expect(await deliverViaSqs(location)).toEqual([]);

    const seen = proxy.seen.slice(before);
    const throttled = seen.filter((request) => request.throttled);
    expect(throttled.map((request) => request.throttled)).toEqual([
      'ProvisionedThroughputExceededException',
      'ThrottlingException',
    ]);
    // Each throttled request is sent again, identical, after a backoff delay.
    const gaps = throttled.map((request) => {
      const retry = seen.find((later) => later.at > request.at && later.body === request.body);
      expect(retry, 'the throttled request was never sent again').toBeDefined();
      return (retry?.at ?? 0) - request.at;
    });
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(20);
    recordFigure('throttling backoff gaps (ms)', gaps.map(Math.round));
    const { meta, lines, lineCents, rollupCents } = await counted(location);
    expect(meta).toMatchObject({ status: 'INGESTED', lines: 60 });
    expect(lines).toBe(60);
    expect(lineCents).toBe(meta.amountCents);
    expect(rollupCents).toBe(meta.amountCents);
  });

  it('throttled on every try: the SDK gives up, the dataset is FAILED with nothing counted, the message goes back to the queue', async () => {
    const location = await uploadSlice(60, 60);
    const reportBefore = await paymentsReport();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const before = proxy.seen.length;
    throttleBatchWrites([], 'ProvisionedThroughputExceededException');

    expect(await deliverViaSqs(location)).toEqual(['this']);

    const attempts = proxy.seen.slice(before).filter((request) => request.operation === 'BatchWriteItem');
    const perBody = new Map<string, number>();
    for (const request of attempts) perBody.set(request.body, (perBody.get(request.body) ?? 0) + 1);
    // The SDK's standard mode: the same few attempts for every request (4 for this SDK's DynamoDB
    // client), then the error surfaces to the adapter, which does not retry it again.
    const tries = new Set(perBody.values());
    expect(tries.size).toBe(1);
    expect([...tries][0]).toBeGreaterThanOrEqual(3);
    recordFigure('persistent throttling', { requests: perBody.size, attemptsEach: [...tries][0] });
    const failed = await counted(location);
    expect(failed.meta).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/retried/) });
    expect(failed.rollupCents).toBe(0);
    Object.assign(process.env, harness.stack.env);
    expect(await paymentsReport()).toEqual(reportBefore);

    // The throttling passes; SQS redelivers the message and the file is counted, once.
    proxy.setRule(() => undefined);
    expect(await deliverViaSqs(location)).toEqual([]);
    const ingested = await counted(location);
    expect(ingested.meta).toMatchObject({ status: 'INGESTED', lines: 60 });
    expect(ingested.rollupCents).toBe(ingested.meta.amountCents);
    expect(ingested.lineCents).toBe(ingested.meta.amountCents);
  });
});

describe('UnprocessedItems (aws-sdk-client-mock on the document client)', () => {
  type Request = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];
  const tableName = () => harness.stack.tableName;
  const keyOf = (request: Request | undefined) =>
    `${String(request?.PutRequest?.Item?.pk)}|${String(request?.PutRequest?.Item?.sk)}`;

  it('returned again and again, then drained: each leftover retried after a growing backoff, the file counted whole once', async () => {
    const location = await uploadSlice(120, 100);
    vi.spyOn(Math, 'random').mockReturnValue(0.2);
    const { stub, real } = mockDocuments();
    // Each call writes the first half of what it is given and hands the rest back (the rollups: lines
    // are in files), until 12 calls.
    let calls = 0;
    const returned = new Map<string, { at: number; attempt: number }>();
    const gaps: { attempt: number; gap: number }[] = [];
    stub.on(BatchWriteCommand).callsFake(async (input: BatchWriteCommandInput, getClient: () => unknown) => {
      const requests = input.RequestItems?.[tableName()] ?? [];
      const chained = returned.get(keyOf(requests[0]));
      const attempt = (chained?.attempt ?? 0) + 1;
      if (chained) gaps.push({ attempt, gap: performance.now() - chained.at });
      calls += 1;
      if (calls > 12 || requests.length === 1) {
        return real(getClient(), new BatchWriteCommand(input));
      }
      const half = Math.ceil(requests.length / 2);
      await real(
        getClient(),
        new BatchWriteCommand({ RequestItems: { [tableName()]: requests.slice(0, half) } }),
      );
      const rest = requests.slice(half);
      returned.set(keyOf(rest[0]), { at: performance.now(), attempt });
      return { UnprocessedItems: { [tableName()]: rest } };
    });

    expect(await deliverViaSqs(location)).toEqual([]);

    expect(gaps.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...gaps.map((gap) => gap.attempt))).toBeGreaterThanOrEqual(3);
    // Full jitter with Math.random() = 0.2: at least 20, 40, 80… ms before the n-th retry.
    for (const { attempt, gap } of gaps)
      expect(gap).toBeGreaterThanOrEqual(backoffDelay(attempt - 1, () => 0.2) - 1);
    recordFigure('UnprocessedItems drained', { calls, retries: gaps.length });
    const { meta, lines, lineCents, rollupCents } = await counted(location);
    expect(meta).toMatchObject({ status: 'INGESTED', lines: 100 });
    expect(lines).toBe(100);
    expect(lineCents).toBe(meta.amountCents);
    expect(rollupCents).toBe(meta.amountCents);
  });

  it('returned forever: the batch write throws after its bound, the dataset is FAILED and its partial rollups are counted by no report', async () => {
    const location = await uploadSlice(220, 100);
    const reportBefore = await paymentsReport();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { stub, real } = mockDocuments();
    // The first rollup batch goes through; every later one is left unprocessed.
    let rollupBatches = 0;
    const attemptsOf = new Map<string, number>();
    stub.on(BatchWriteCommand).callsFake(async (input: BatchWriteCommandInput, getClient: () => unknown) => {
      const requests = input.RequestItems?.[tableName()] ?? [];
      const isRollup = String(requests[0]?.PutRequest?.Item?.sk).startsWith('ROLLUP#');
      if (!isRollup || (rollupBatches === 0 && attemptsOf.size === 0)) {
        if (isRollup) rollupBatches += 1;
        return real(getClient(), new BatchWriteCommand(input));
      }
      attemptsOf.set(keyOf(requests[0]), (attemptsOf.get(keyOf(requests[0])) ?? 0) + 1);
      return { UnprocessedItems: { [tableName()]: requests } };
    });

    expect(await deliverViaSqs(location)).toEqual(['this']);

    // Let the sibling batches still in flight reach their own bound.
    await vi.waitFor(() => expect(Math.min(...attemptsOf.values())).toBe(8), { timeout: 10_000 });
    expect(Math.max(...attemptsOf.values())).toBe(8);
    const failed = await counted(location);
    expect(failed.meta).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/retried/) });
    // Half-written: some rollups, and no line file (they are kept for counted datasets only). The
    // report counts neither.
    expect(failed.lines).toBe(0);
    expect(failed.rollupCents).not.toBe(0);
    expect(await paymentsReport()).toEqual(reportBefore);

    cleanups.splice(0).forEach((cleanup) => {
      cleanup();
    });
    expect(await deliverViaSqs(location)).toEqual([]);
    const ingested = await counted(location);
    expect(ingested.meta.status).toBe('INGESTED');
    expect(ingested.lines).toBe(100);
    expect(ingested.rollupCents).toBe(ingested.meta.amountCents);
    const reportAfter = await paymentsReport();
    expect(reportAfter.datasets).toEqual([...reportBefore.datasets, ingested.meta.id].sort());
    expect(Math.round(reportAfter.gross * 100)).toBe(
      Math.round(reportBefore.gross * 100) + ingested.meta.amountCents,
    );
    recordFigure('UnprocessedItems forever', { attemptsPerBatch: [...attemptsOf.values()] });
  });
});

describe('S3 faults', () => {
  /** The S3 body as a stream that breaks after `bytes` bytes, as a reset connection does. */
  function resetAfter(bytes: number) {
    const { stub, real } = mockS3();
    let resets = 0;
    stub
      .on(GetObjectCommand)
      .callsFake(
        async (input: ConstructorParameters<typeof GetObjectCommand>[0], getClient: () => unknown) => {
          const response = (await real(getClient(), new GetObjectCommand(input))) as {
            Body?: AsyncIterable<Uint8Array>;
          };
          if (!input.Key?.startsWith('uploads/') || resets > 0) return response;
          resets += 1;
          const source = response.Body;
          if (!source) return response;
          async function* broken() {
            let sent = 0;
            for await (const chunk of source as AsyncIterable<Uint8Array>) {
              if (sent + chunk.byteLength >= bytes) {
                yield chunk.subarray(0, bytes - sent);
                throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
              }
              sent += chunk.byteLength;
              yield chunk;
            }
          }
          return { ...response, Body: broken() };
        },
      );
  }

  it.each([
    ['while the encoding is sniffed', 2_000, 320, 30],
    ['half-way through parsing', 70_000, 350, 600],
  ])(
    'a stream reset %s: FAILED, back to the queue, and the redelivery counts the whole file',
    async (_when, bytes, from, count) => {
      const location = await uploadSlice(from, count);
      resetAfter(bytes);

      expect(await deliverViaSqs(location)).toEqual(['this']);

      const failed = await counted(location);
      expect(failed.meta).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/retried/) });
      expect(failed.rollupCents).toBe(0);

      expect(await deliverViaSqs(location)).toEqual([]);
      const ingested = await counted(location);
      expect(ingested.meta).toMatchObject({ status: 'INGESTED', lines: count });
      expect(ingested.lineCents).toBe(ingested.meta.amountCents);
      expect(ingested.rollupCents).toBe(ingested.meta.amountCents);
    },
  );

  it('NoSuchKey (the upload deleted after its event): FAILED with a message an officer understands, not retried', async () => {
    const location = await uploadSlice(920, 10);
    await deleteUpload(harness, location);

    expect(await deliverViaSqs(location)).toEqual([]);

    const { meta, lines } = await counted(location);
    expect(meta).toMatchObject({ status: 'FAILED', fileName: location.key.split('/').at(-1) });
    expect(meta.message).toMatch(/deleted before it could be read; upload it again/);
    expect(lines).toBe(0);
  });

  it('NoSuchKey thrown by the SDK class itself is read as a missing file', async () => {
    const location = await uploadSlice(930, 10);
    const { stub } = mockS3();
    stub
      .on(GetObjectCommand, { Key: location.key })
      .rejects(
        new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }),
      );

    expect(await deliverViaSqs(location)).toEqual([]);
    expect((await counted(location)).meta.message).toMatch(/upload it again/);
  });

  it('NoSuchVersion (the uploaded version deleted): FAILED with a readable message, not retried', async () => {
    const location = { ...(await uploadSlice(940, 10)), versionId: 'v-deleted' };
    const { stub } = mockS3();
    stub.on(GetObjectCommand, { Key: location.key }).rejects(
      new S3ServiceException({
        name: 'NoSuchVersion',
        $fault: 'client',
        message: 'The specified version does not exist.',
        $metadata: { httpStatusCode: 404 },
      }),
    );

    expect(await deliverViaSqs(location)).toEqual([]);
    expect((await counted(location)).meta.message).toMatch(/upload it again/);
  });
});
