import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../../shared/contracts/metrics.ts';
import type { DatasetRecord } from '../../../shared/domain/dataset.ts';
import { eventBridgeEnvelope } from '../../../shared/local/event-rules.ts';
import { localLambdaContext } from '../../../shared/local/lambda-context.ts';
import { objectCreatedEvent } from '../../../shared/local/local-pipeline.ts';
import { DATASET_INGESTED } from '../../../shared/ports/dataset-events.ts';
import { datasetIdOf } from '../../../shared/use-cases/ingest-dataset.ts';
import { ukSpendTotalCents } from '../../support/independent-sums.ts';
import {
  type EmfBlob,
  metricSum,
  metricValues,
  TEST_NAMESPACE,
  withPowertoolsOutput,
} from '../../support/powertools-output.ts';
import { dataset, type Harness, putUpload, sqsEvent, startHarness, UK_PAYMENTS } from '../helpers.ts';

/**
 * What the functions tell CloudWatch (Powertools: EMF metrics, JSON logs) for a real file: Oxford
 * City Council's spend over £500, 2018 Q1, ingested through SQS as the deployed stack delivers it,
 * then its reports rebuilt. Expected figures are counted from the file by papaparse, or read from
 * the dataset record the portal shows.
 */

const ANCHOR = 'oxford-city';
let harness: Harness;
let ingested: { emf: readonly EmfBlob[]; logs: readonly Record<string, unknown>[]; requestId: string };
let record: DatasetRecord;

beforeAll(async () => {
  harness = await startHarness({ territoryId: 'oxford' });
  const location = await putUpload(
    harness,
    `uploads/${ANCHOR}/oxford-2018q1.csv`,
    readFileSync(UK_PAYMENTS),
    {
      anchor: ANCHOR,
    },
  );
  const context = localLambdaContext('ingest');
  const { emf, logs } = await withPowertoolsOutput(async () => {
    const { handler } = await import('../../../functions/ingest/handler.ts');
    return handler(
      sqsEvent([{ messageId: 'upload', body: JSON.stringify(objectCreatedEvent(location)) }]),
      context,
    );
  });
  ingested = { emf, logs, requestId: context.awsRequestId };
  record = await dataset(harness, datasetIdOf(location));
});

afterAll(async () => harness?.stop());

describe('the ingest function, for a real file', () => {
  it('publishes its metrics in its namespace, under its service alone', () => {
    expect(ingested.emf.length).toBeGreaterThan(0);
    for (const blob of ingested.emf) {
      const [set] = blob._aws.CloudWatchMetrics;
      expect(set?.Namespace).toBe(TEST_NAMESPACE);
      expect(blob.service).toBe('ingest');
    }
    const withDatasets = ingested.emf.find((blob) => METRICS.datasetsIngested in blob);
    expect(withDatasets?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['service']]);
  });

  it('counts the dataset, and every line of the file as accepted or rejected', () => {
    const { lines } = ukSpendTotalCents(UK_PAYMENTS);
    expect(record.status).toBe('INGESTED');
    expect(metricSum(ingested.emf, METRICS.datasetsIngested)).toBe(1);
    expect(metricSum(ingested.emf, METRICS.datasetsRejected)).toBe(0);
    expect(metricSum(ingested.emf, METRICS.datasetsFailed)).toBe(0);
    expect(metricSum(ingested.emf, METRICS.linesAccepted)).toBe(record.lines);
    expect(
      metricSum(ingested.emf, METRICS.linesAccepted) + metricSum(ingested.emf, METRICS.linesRejected),
    ).toBe(lines - (record.blankLines ?? 0) - (record.reconciliation?.totalRows.lines ?? 0));
    expect(metricSum(ingested.emf, METRICS.rejectedAmountCents)).toBe(record.reconciliation?.rejected.cents);
  });

  it('counts the flagged lines per flag, each flag a dimension of its own', () => {
    const flags = record.reconciliation?.flags ?? [];
    expect(flags.length).toBeGreaterThan(0);
    for (const { flag, lines } of flags) {
      expect(metricValues(ingested.emf, METRICS.flaggedLines, { flag })).toEqual([lines]);
    }
    const perFlag = ingested.emf.filter((blob) => METRICS.flaggedLines in blob);
    expect(perFlag.map((blob) => blob._aws.CloudWatchMetrics[0]?.Dimensions)).toEqual(
      flags.map(() => [['service', 'flag']]),
    );
  });

  it('times the run, and tells a cold start', () => {
    const [duration] = metricValues(ingested.emf, METRICS.ingestDuration);
    const [speed] = metricValues(ingested.emf, METRICS.ingestLinesPerSecond);
    expect(duration).toBeGreaterThan(0);
    expect(speed).toBeCloseTo(((record.lines + record.rejectedLines) * 1000) / (duration ?? 1), 3);
    expect(metricSum(ingested.emf, 'ColdStart', { function_name: 'ingest' })).toBe(1);
  });

  it('logs JSON lines that carry the function, the request and the dataset they speak of', () => {
    expect(ingested.logs.length).toBeGreaterThan(0);
    for (const line of ingested.logs) {
      expect(line).toMatchObject({
        service: 'ingest',
        function_name: 'ingest',
        function_request_id: ingested.requestId,
      });
      expect(typeof line.cold_start).toBe('boolean');
    }
    expect(ingested.logs.find((line) => line.message === 'dataset read')).toMatchObject({
      level: 'INFO',
      datasetId: record.id,
      anchorId: ANCHOR,
      objectKey: `uploads/${ANCHOR}/oxford-2018q1.csv`,
      outcome: 'ingested',
      lines: record.lines,
    });
  });
});

describe('the report function, after the ingest', () => {
  it('counts each report it publishes, with its time and its reads', async () => {
    const { emf, logs } = await withPowertoolsOutput(async () => {
      const { handler } = await import('../../../functions/report/handler.ts');
      const event = eventBridgeEnvelope({
        source: DATASET_INGESTED.source,
        detailType: DATASET_INGESTED.detailType,
        detail: { kind: 'payments', anchorId: ANCHOR },
      });
      return handler(event, localLambdaContext('report'));
    });
    // The uploader's report and the consortium's.
    expect(metricSum(emf, METRICS.reportsBuilt, { service: 'report' })).toBe(2);
    expect(metricValues(emf, METRICS.reportBuildDuration)).toHaveLength(2);
    // At least: the dataset listed and its rollups read, for each report.
    for (const reads of metricValues(emf, METRICS.reportReads)) expect(reads).toBeGreaterThan(1);
    const published = logs.filter((line) => line.message === 'report published');
    expect(published).toHaveLength(2);
    for (const line of published) expect(line).toMatchObject({ service: 'report', anchorId: ANCHOR });
  });
});

describe('the ingest function, for the same file uploaded again, corrected', () => {
  it('counts the dataset it takes out of the count', async () => {
    // Corrected: its last line gone. The same content again would be refused as a copy instead.
    const corrected = readFileSync(UK_PAYMENTS, 'utf8').trimEnd().split('\n').slice(0, -1).join('\n');
    const again = await putUpload(harness, `uploads/${ANCHOR}/oxford-2018q1.csv`, corrected, {
      anchor: ANCHOR,
    });
    const { emf } = await withPowertoolsOutput(async () => {
      const { handler } = await import('../../../functions/ingest/handler.ts');
      return handler(objectCreatedEvent(again), localLambdaContext('ingest'));
    });
    expect(metricSum(emf, METRICS.datasetsIngested)).toBe(1);
    expect(metricSum(emf, METRICS.datasetsSuperseded)).toBe(1);
    expect((await dataset(harness, record.id)).status).toBe('SUPERSEDED');
  });
});
