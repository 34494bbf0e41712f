import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../shared/contracts/environment.ts';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { localLambdaContext } from '../../shared/local/lambda-context.ts';
import { objectCreatedEvent } from '../../shared/local/local-pipeline.ts';
import { datasetIdOf } from '../../shared/use-cases/ingest-dataset.ts';
import { metricSum, withPowertoolsOutput } from '../support/powertools-output.ts';
import {
  dataset,
  deleteUpload,
  fileSha256,
  type Harness,
  ingestOne,
  invokeIngest,
  lineItems,
  paymentsExcerpt,
  putUpload,
  readBytes,
  rollupItems,
  SYNTHETIC_PAYMENTS,
  sha256Of,
  sqsEvent,
  startHarness,
  sumCents,
  tableLineItems,
  UK_PAYMENTS,
} from './helpers.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

/** The physical line numbers of the synthetic sample's counted lines: 4 to 2405, but 1504 (no amount). */
const syntheticLineNumbers = () =>
  Array.from({ length: 2402 }, (_, index) => index + 4).filter((line) => line !== 1504);

describe('ingest handler fed an S3 event', () => {
  it('records the dataset, one LINE item per accepted line, rollups and the rejects file', async () => {
    const location = await harness.pipeline.upload({ path: SYNTHETIC_PAYMENTS, anchorId: 'anchor-1' });
    const id = datasetIdOf(location);

    const outcome = await ingestOne(location);

    expect(outcome.outcome).toBe('ingested');
    expect(outcome.dataset.id).toBe(id);
    const meta = await dataset(harness, id);
    expect(meta).toMatchObject({
      status: 'INGESTED',
      source: { bucket: harness.stack.buckets.uploads, key: location.key },
      fileName: 'SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv',
      anchorId: 'anchor-1',
      kind: 'payments',
      currency: 'EUR',
      format: 'fr-payments-csv',
      encoding: 'utf-8-bom',
      delimiter: ';',
      lines: 2401,
      rejectedLines: 1,
      blankLines: 0,
      preambleLines: 2,
      headerLine: 3,
      sizeBytes: statSync(SYNTHETIC_PAYMENTS).size,
      contentSha256: fileSha256(SYNTHETIC_PAYMENTS),
      rejectsKey: `rejects/${id}.csv`,
    });
    expect(meta.leaseUntil).toBeUndefined();
    expect(meta.message).toBeUndefined();

    const lines = await lineItems(harness, id);
    expect(lines).toHaveLength(2401);
    expect(lines.every((line) => Number.isInteger(line.amountCents))).toBe(true);
    expect(lines.map((line) => line.lineNumber)).toEqual(syntheticLineNumbers());
    expect(sumCents(lines)).toBe(meta.amountCents);
    // In one file named by its first line, in sequence order; no line in the table.
    expect(lines.map((line) => line.sequence)).toEqual(Array.from({ length: 2401 }, (_, i) => i + 1));
    expect(await tableLineItems(harness, id)).toHaveLength(0);

    const rollups = await rollupItems(harness, id);
    expect(rollups).toHaveLength(meta.suppliers);
    expect(rollups.length).toBeGreaterThan(0);
    expect(sumCents(rollups)).toBe(meta.amountCents);
    expect(rollups.reduce((total, rollup) => total + Number(rollup.lines), 0)).toBe(2401);
    expect(meta.reconciliation).toMatchObject({
      controlCents: meta.amountCents,
      countedCents: meta.amountCents,
      rejected: { lines: 1, withAmount: 0, cents: 0 },
      flags: [{ flag: 'undated', lines: 1, cents: 12000 }],
    });

    const rejects = await readBytes(harness, harness.stack.buckets.uploads, `rejects/${id}.csv`);
    expect([...rejects.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder('utf-8').decode(rejects).split('\r\n');
    expect(rows[0]).toBe('line;status;reason;amount;content;code;params');
    const rejected = rows.slice(1).filter((row) => row !== '');
    expect(rejected.map((row) => row.split(';').slice(0, 2))).toEqual([['1504', 'rejected']]);
    expect(rejected[0]).toContain('2025-YYYYY');
  });

  it('ingests the same kind of notification delivered through SQS, with no batch item failure', async () => {
    const location = await harness.pipeline.upload({ path: UK_PAYMENTS, anchorId: 'anchor-2' });
    const id = datasetIdOf(location);

    // A £ file counts only in a £ territory: this delivery is Oxford's deployment.
    const deployed = process.env[ENV.territoryId];
    process.env[ENV.territoryId] = 'oxford';
    const result = await invokeIngest(
      sqsEvent([{ messageId: 'sqs-uk-1', body: JSON.stringify(objectCreatedEvent(location)) }]),
    ).finally(() => {
      process.env[ENV.territoryId] = deployed;
    });

    expect(result).toEqual({ batchItemFailures: [] });
    const meta = await dataset(harness, id);
    expect(meta).toMatchObject({
      status: 'INGESTED',
      anchorId: 'anchor-2',
      kind: 'payments',
      currency: 'GBP',
      format: 'uk-spend-csv',
      encoding: 'utf-8',
      delimiter: ',',
      lines: 1220,
      rejectedLines: 0,
      contentSha256: fileSha256(UK_PAYMENTS),
      rejectsKey: `rejects/${id}.csv`,
    });
    const lines = await lineItems(harness, id);
    expect(lines).toHaveLength(1220);
    expect(sumCents(lines)).toBe(meta.amountCents);
    const rollups = await rollupItems(harness, id);
    expect(sumCents(rollups)).toBe(meta.amountCents);
    const rejects = new TextDecoder('utf-8').decode(
      await readBytes(harness, harness.stack.buckets.uploads, `rejects/${id}.csv`),
    );
    expect(rejects).toBe('line;status;reason;amount;content;code;params\r\n');
  });

  it('reads keys with spaces, accents and "+" that the event carries URL-encoded as S3 sends them', async () => {
    const cases = [
      {
        key: 'uploads/anchor-1/Mandats été 2025.csv',
        encoded: 'uploads/anchor-1/Mandats+%C3%A9t%C3%A9+2025.csv',
      },
      { key: 'uploads/anchor-1/mandats 1+2.csv', encoded: 'uploads/anchor-1/mandats+1%2B2.csv' },
    ];
    for (const [index, { key, encoded }] of cases.entries()) {
      const excerpt = paymentsExcerpt(`clé ${index}`, 40, index * 40);
      const location = await putUpload(harness, key, excerpt.text, { anchor: 'anchor-1' });
      const event = objectCreatedEvent(location);
      expect(event.Records[0]?.s3.object.key).toBe(encoded);

      const result = await invokeIngest(event);

      expect(result).toHaveProperty('outcomes');
      const outcomes = 'outcomes' in result ? result.outcomes : [];
      expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['ingested']);
      const meta = await dataset(harness, datasetIdOf(location));
      expect(meta.source.key).toBe(key);
      expect(meta.fileName).toBe(key.slice('uploads/anchor-1/'.length));
      expect(meta.anchorId).toBe('anchor-1');
      expect(meta).toMatchObject({ status: 'INGESTED', kind: 'payments', format: 'fr-payments-csv' });
      expect(meta.lines).toBe(40);
      expect(meta.amountCents).toBe(excerpt.cents);
      expect(meta.contentSha256).toBe(sha256Of(excerpt.text));
    }
  });

  it('takes the anchor from the key the upload was allowed to write, not from metadata that names another', async () => {
    const excerpt = paymentsExcerpt('anchor metadata', 20, 400);
    const location = await putUpload(harness, 'uploads/anchor-1/mandats-meta.csv', excerpt.text, {
      anchor: 'anchor-2',
    });

    await invokeIngest(objectCreatedEvent(location));

    const meta = await dataset(harness, datasetIdOf(location));
    expect(meta).toMatchObject({ status: 'INGESTED', anchorId: 'anchor-1' });
    expect((await rollupItems(harness, meta.id)).every((rollup) => rollup.anchorId === 'anchor-1')).toBe(
      true,
    );
  });

  it('marks a dataset FAILED with a readable message when the object was deleted after its event', async () => {
    const location = await putUpload(
      harness,
      'uploads/anchor-1/deleted.csv',
      paymentsExcerpt('deleted', 5).text,
    );
    const event = objectCreatedEvent(location);
    await deleteUpload(harness, location);

    const result = await invokeIngest(event);

    expect('outcomes' in result && result.outcomes.map((outcome) => outcome.outcome)).toEqual(['failed']);
    const meta = await dataset(harness, datasetIdOf(location));
    expect(meta.status).toBe('FAILED');
    expect(meta.message).toMatch(/deleted/);
    expect(meta.message).toMatch(/upload it again/);
    expect(meta.leaseUntil).toBeUndefined();
    expect(await lineItems(harness, meta.id)).toHaveLength(0);
    expect(await rollupItems(harness, meta.id)).toHaveLength(0);
  });

  it('refuses the messages of an SQS batch that are no S3 notification, once each, and ingests the others', async () => {
    const good = paymentsExcerpt('batch', 40, 100);
    const location = await putUpload(harness, 'uploads/anchor-3/batch.csv', good.text, {
      anchor: 'anchor-3',
    });

    const { result, logs, emf } = await withPowertoolsOutput(async () => {
      const { handler } = await import('../../functions/ingest/handler.ts');
      return handler(
        sqsEvent([
          { messageId: 'not-an-s3-event', body: JSON.stringify({ hello: 'world' }) },
          { messageId: 'not-json', body: 'this is not JSON' },
          { messageId: 's3-test-event', body: JSON.stringify({ Event: 's3:TestEvent', Bucket: 'x' }) },
          { messageId: 'good', body: JSON.stringify(objectCreatedEvent(location)) },
        ]),
        localLambdaContext('ingest'),
      );
    });

    // Not retried: they would fail the same way on every delivery, then sit in the dead-letter queue.
    expect(result).toEqual({ batchItemFailures: [] });
    const refused = logs.filter((line) => line.message === 'event refused');
    expect(refused.map((line) => line.messageId)).toEqual(['not-an-s3-event', 'not-json']);
    expect(refused[0]).toMatchObject({ level: 'ERROR', service: 'ingest' });
    expect(refused[0]?.reason).toContain('its fields are "hello"');
    expect(refused[1]?.reason).toContain('it is string');
    expect(metricSum(emf, METRICS.eventsRefused, { service: 'ingest' })).toBe(2);
    expect(metricSum(emf, METRICS.datasetsIngested)).toBe(1);
    const meta = await dataset(harness, datasetIdOf(location));
    expect(meta).toMatchObject({
      status: 'INGESTED',
      anchorId: 'anchor-3',
      lines: 40,
      amountCents: good.cents,
    });
    expect(await lineItems(harness, meta.id)).toHaveLength(40);
  });

  it('rejects a payments file uploaded as contracts, naming both kinds, without burning its content', async () => {
    const excerpt = paymentsExcerpt('wrong kind', 40, 200);
    const wrong = await putUpload(harness, 'uploads/anchor-1/as-contracts.csv', excerpt.text, {
      anchor: 'anchor-1',
      kind: 'contracts',
    });

    const outcome = await ingestOne(wrong);

    expect(outcome.outcome).toBe('rejected');
    const meta = await dataset(harness, datasetIdOf(wrong));
    expect(meta).toMatchObject({ status: 'REJECTED', requestedKind: 'contracts', kind: 'payments' });
    expect(meta.message).toMatch(/contracts/);
    expect(meta.message).toMatch(/payments/);
    expect(await rollupItems(harness, meta.id)).toHaveLength(0);

    // Uploaded again with the right kind, the same content is counted: the mismatch did not claim it.
    const right = await putUpload(harness, 'uploads/anchor-1/as-payments.csv', excerpt.text, {
      anchor: 'anchor-1',
      kind: 'payments',
    });
    const retried = await ingestOne(right);
    expect(retried.outcome).toBe('ingested');
    expect(retried.dataset).toMatchObject({ kind: 'payments', lines: 40, amountCents: excerpt.cents });
  });

  const notCsv: readonly [string, string | Uint8Array][] = [
    [
      'PNG bytes',
      new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5c, 0x72, 0xa8, 0x66, 0xff,
        0xd8, 0x9c,
      ]),
    ],
    [
      'prose without a header',
      'Bonjour,\nvoici les mandats demandés.\nCordialement,\nLe service financier\n'.repeat(10),
    ],
    ['an empty file', ''],
  ];

  it.each(notCsv)('rejects %s with a message', async (name, body) => {
    const location = await putUpload(
      harness,
      `uploads/anchor-1/not-csv-${name.replace(/\W+/g, '-')}.csv`,
      body,
    );

    const outcome = await ingestOne(location);

    expect(outcome.outcome).toBe('rejected');
    const meta = await dataset(harness, datasetIdOf(location));
    expect(meta.status).toBe('REJECTED');
    expect(meta.message?.length ?? 0).toBeGreaterThan(10);
    expect(meta.lines).toBe(0);
    expect(await lineItems(harness, meta.id)).toHaveLength(0);
    expect(await rollupItems(harness, meta.id)).toHaveLength(0);
  });
});

describe('ingest handler and short files', () => {
  it('records the format, kind and currency of a file of fewer than 30 lines', async () => {
    const excerpt = paymentsExcerpt('short', 20, 300);
    const location = await putUpload(harness, 'uploads/anchor-1/short.csv', excerpt.text);

    const outcome = await ingestOne(location);

    expect(outcome.outcome).toBe('ingested');
    expect(await dataset(harness, datasetIdOf(location))).toMatchObject({
      status: 'INGESTED',
      lines: 20,
      amountCents: excerpt.cents,
      format: 'fr-payments-csv',
      kind: 'payments',
      currency: 'EUR',
    });
  });

  it('rejects a payments file of fewer than 30 lines uploaded as contracts', async () => {
    const excerpt = paymentsExcerpt('short wrong kind', 20, 320);
    const location = await putUpload(harness, 'uploads/anchor-1/short-as-contracts.csv', excerpt.text, {
      kind: 'contracts',
    });

    const outcome = await ingestOne(location);

    expect(outcome.outcome).toBe('rejected');
    expect(outcome.dataset.message).toMatch(/contracts.*payments/);
  });
});

describe('ingest handler and a corrected upload', () => {
  it('ingests the same file re-uploaded under the same name with the kind corrected', async () => {
    const excerpt = paymentsExcerpt('corrected', 40, 400);
    const key = 'uploads/anchor-1/corrected.csv';
    const wrong = await putUpload(harness, key, excerpt.text, { kind: 'contracts' });
    expect((await ingestOne(wrong)).outcome).toBe('rejected');

    const right = await putUpload(harness, key, excerpt.text, { kind: 'payments' });
    const outcome = await ingestOne(right);

    expect(outcome.outcome).toBe('ingested');
    expect(outcome.dataset).toMatchObject({
      status: 'INGESTED',
      requestedKind: 'payments',
      kind: 'payments',
    });
  });
});
