import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { handler as ingestHandler } from '../../functions/ingest/handler.ts';
import { handler as reportHandler } from '../../functions/report/handler.ts';
import { createDocumentClient, createS3Client } from '../../shared/adapters/aws-clients.ts';
import { ENTITY, GSI1, keys } from '../../shared/adapters/dynamodb-keys.ts';
import { createS3ParquetLineFiles } from '../../shared/adapters/s3-parquet-line-files.ts';
import { type DatasetRecord, DatasetRecordSchema, type ObjectLocation } from '../../shared/domain/dataset.ts';
import type { SpendLine } from '../../shared/domain/spend-line.ts';
import { type EmbeddedStack, startEmbeddedStack } from '../../shared/local/embedded-stack.ts';
import { localLambdaContext } from '../../shared/local/lambda-context.ts';
import { LocalPipeline, nextSequencer, objectCreatedEvent } from '../../shared/local/local-pipeline.ts';
import type { IngestOutcome } from '../../shared/use-cases/ingest-dataset.ts';
import type { ReportOutcome } from '../../shared/use-cases/publish-report.ts';

const samples = (name: string) => fileURLToPath(new URL(`../../data/samples/${name}`, import.meta.url));

/**
 * 2 401 payment lines counted (line 704, dated 31/02, undated and flagged) and one without an amount
 * (line 1504, rejected), UTF-8 with BOM, `;`, 2 preamble lines.
 */
export const SYNTHETIC_PAYMENTS = samples('SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv');
/** 1 220 UK payment lines, GBP. */
export const UK_PAYMENTS = samples('uk-oxford-spend-over-500-2018q1.csv');
/** 191 DECP contract lines. */
export const DECP_CONTRACTS = samples('decp-isere-2019-flattened.csv');

export const sha256Of = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
export const fileSha256 = (path: string) => sha256Of(readFileSync(path));

/** One embedded stack per test file, with clients of its own to look behind the handlers' back. */
export interface Harness {
  readonly stack: EmbeddedStack;
  readonly pipeline: LocalPipeline;
  readonly documents: DynamoDBDocumentClient;
  readonly s3: S3Client;
  stop(): Promise<void>;
}

/** A stack deployed for the default territory, or for `territoryId` (Oxford's, for files in pounds). */
export async function startHarness(options: { readonly territoryId?: string } = {}): Promise<Harness> {
  const stack = await startEmbeddedStack(options);
  const pipeline = new LocalPipeline(stack);
  const documents = createDocumentClient(stack.dynamoDbEndpoint);
  const s3 = createS3Client(stack.s3Endpoint);
  return {
    stack,
    pipeline,
    documents,
    s3,
    async stop() {
      pipeline.close();
      documents.destroy();
      s3.destroy();
      await stack.stop();
    },
  };
}

/** Puts an object in the uploads bucket as a browser upload would, with the anchor and kind metadata. */
export async function putUpload(
  harness: Harness,
  key: string,
  body: string | Uint8Array,
  metadata: Record<string, string> = {},
): Promise<ObjectLocation> {
  const bucket = harness.stack.buckets.uploads;
  const response = await harness.s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentLength: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
      Metadata: metadata,
    }),
  );
  return { bucket, key, ...(response.ETag ? { eTag: response.ETag } : {}), sequencer: nextSequencer() };
}

export async function deleteUpload(harness: Harness, location: ObjectLocation): Promise<void> {
  await harness.s3.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: location.key }));
}

export async function readBytes(harness: Harness, bucket: string, key: string): Promise<Uint8Array> {
  const response = await harness.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!response.Body) throw new Error(`s3://${bucket}/${key} has no body`);
  return response.Body.transformToByteArray();
}

type Item = Record<string, unknown>;

export async function metaItem(harness: Harness, datasetId: string): Promise<Item | undefined> {
  const response = await harness.documents.send(
    new GetCommand({
      TableName: harness.stack.tableName,
      Key: keys.dataset(datasetId),
      ConsistentRead: true,
    }),
  );
  return response.Item;
}

export async function dataset(harness: Harness, datasetId: string): Promise<DatasetRecord> {
  const item = await metaItem(harness, datasetId);
  if (!item) throw new Error(`no META item for dataset ${datasetId}`);
  return DatasetRecordSchema.parse(item);
}

/** Every item of a partition whose sort key starts with the prefix (`LINE#`, `ROLLUP#`). */
async function partitionItems(harness: Harness, pk: string, prefix: string): Promise<Item[]> {
  const items: Item[] = [];
  const pages = paginateQuery(
    { client: harness.documents },
    {
      TableName: harness.stack.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ConsistentRead: true,
    },
  );
  for await (const page of pages) items.push(...(page.Items ?? []));
  return items;
}

/** The line items an earlier version wrote to the table, from every partition, in sequence order. */
export async function tableLineItems(harness: Harness, datasetId: string): Promise<Item[]> {
  const partitions = await Promise.all(
    keys.linePartitions(datasetId).map((pk) => partitionItems(harness, pk, 'LINE#')),
  );
  return partitions.flat().sort((left, right) => String(left.sk).localeCompare(String(right.sk)));
}

/** A dataset's lines as its line files hold them (none for a dataset never recorded), in file order. */
export async function lineItems(harness: Harness, datasetId: string): Promise<SpendLine[]> {
  const item = await metaItem(harness, datasetId);
  return item ? storedLines(harness, DatasetRecordSchema.parse(item)) : [];
}

/** A dataset's lines as its line files hold them, every one, in file order. */
export async function storedLines(
  harness: Harness,
  owner: Pick<DatasetRecord, 'id' | 'anchorId' | 'kind'>,
): Promise<SpendLine[]> {
  const files = createS3ParquetLineFiles(harness.s3, harness.stack.buckets.uploads);
  const lines: SpendLine[] = [];
  for (const kind of owner.kind ? [owner.kind] : (['payments', 'contracts'] as const)) {
    const page = await files.read({ ...owner, kind }, { offset: 0, limit: Number.MAX_SAFE_INTEGER });
    lines.push(...page.lines);
  }
  return lines;
}

export const rollupItems = (harness: Harness, datasetId: string) =>
  partitionItems(harness, keys.dataset(datasetId).pk, keys.rollupPrefix);

/** Every dataset of the table, through the index the report reads. */
export async function allDatasets(harness: Harness): Promise<DatasetRecord[]> {
  const items: Item[] = [];
  const pages = paginateQuery(
    { client: harness.documents },
    {
      TableName: harness.stack.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :datasets',
      ExpressionAttributeValues: { ':datasets': keys.datasetIndex('', '').gsi1pk },
    },
  );
  for await (const page of pages) items.push(...(page.Items ?? []));
  return items.map((item) => DatasetRecordSchema.parse(item));
}

/** Writes a META item directly, as an ingest that crashed would have left it. */
export async function putMeta(harness: Harness, record: DatasetRecord): Promise<void> {
  await harness.documents.send(
    new PutCommand({
      TableName: harness.stack.tableName,
      Item: {
        ...keys.dataset(record.id),
        ...keys.datasetIndex(record.anchorId, record.id),
        entityType: ENTITY.dataset,
        ...DatasetRecordSchema.parse(record),
      },
    }),
  );
}

export async function putItem(harness: Harness, item: Item): Promise<void> {
  await harness.documents.send(new PutCommand({ TableName: harness.stack.tableName, Item: item }));
}

/** Sums the integer `amountCents` of items, failing loudly on anything that is not an integer. */
export function sumCents(items: readonly Item[]): number {
  let total = 0;
  for (const item of items) {
    const cents = item.amountCents;
    if (typeof cents !== 'number' || !Number.isInteger(cents)) {
      throw new Error(`${String(item.sk)} has a non-integer amountCents: ${String(cents)}`);
    }
    total += cents;
  }
  return total;
}

/** An SQS event whose bodies are S3 notifications (or anything else, to test bad messages). */
export function sqsEvent(messages: readonly { readonly messageId: string; readonly body: string }[]) {
  return {
    Records: messages.map(({ messageId, body }) => ({
      messageId,
      receiptHandle: `receipt-${messageId}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(Date.now()),
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: sha256Of(body).slice(0, 32),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-3:000000000000:ancrage-uploads',
      awsRegion: 'eu-west-3',
    })),
  };
}

export async function invokeIngest(event: unknown) {
  return ingestHandler(event, localLambdaContext('ingest'));
}

/** Sends the S3 event straight to the ingest handler and returns its outcomes. */
export async function ingestS3(location: ObjectLocation): Promise<IngestOutcome[]> {
  const result = await invokeIngest(objectCreatedEvent(location));
  if (!('outcomes' in result)) throw new Error('the ingest handler answered an S3 event as an SQS batch');
  return result.outcomes;
}

export async function ingestOne(location: ObjectLocation): Promise<IngestOutcome> {
  const [outcome, ...others] = await ingestS3(location);
  if (!outcome || others.length > 0) throw new Error('expected exactly one outcome');
  return outcome;
}

export async function invokeReport(event: unknown): Promise<ReportOutcome> {
  return reportHandler(event, localLambdaContext('report'));
}

export async function publishedReport(event: unknown) {
  const outcome = await invokeReport(event);
  if (!outcome.published) throw new Error(`the report was not published: ${outcome.reason}`);
  return outcome;
}

const syntheticText = () => readFileSync(SYNTHETIC_PAYMENTS, 'utf-8').replace(/^\uFEFF/, '');

/**
 * A small payments file cut from the synthetic sample: a preamble line naming `tag` (so each excerpt
 * has its own content), the header, then `rows` data lines from `from` (0-based, among good lines).
 * Returns the text and the cents it should count.
 */
export function paymentsExcerpt(tag: string, rows: number, from = 0): { text: string; cents: number } {
  const picked = syntheticDataLines().slice(from, from + rows);
  if (picked.length !== rows) throw new Error(`the sample has fewer than ${from + rows} good lines`);
  return excerptOf(tag, picked);
}

/** The synthetic sample's lines paid in the months given (`mm`, 2025): a finance system's monthly export. */
export function paymentsOfMonths(tag: string, months: readonly string[]): { text: string; cents: number } {
  const picked = syntheticDataLines().filter((line) =>
    months.includes(line.split(';')[1]?.slice(3, 5) ?? ''),
  );
  return excerptOf(tag, picked);
}

/** Every line after the header of the synthetic sample, as cells (none of its cells holds a ";"). */
const syntheticRows = (): string[][] =>
  syntheticText()
    .split(/\r\n/)
    .slice(3)
    .filter((line) => line !== '')
    .map((line) => line.split(';'));

/** The cents the whole synthetic sample counts: every line with an amount, the undated one included. */
export function syntheticSampleCents(): number {
  return syntheticRows()
    .map((cells) => cells.at(-1) ?? '')
    .filter((amount) => amount !== '')
    .reduce((total, amount) => total + centsOf(amount), 0);
}

/**
 * The share of the synthetic sample's influenceable spend paid to the supplier named `tiers` in the
 * file: lines of nature chapters 63–66 and 68 (taxes, staff, grants, finance, depreciation) left out.
 */
export function syntheticInfluenceableShare(tiers: string): number {
  let all = 0;
  let paid = 0;
  for (const cells of syntheticRows()) {
    const [, , name = '', , , , , nature = '', , amount = ''] = cells;
    if (amount === '' || ['63', '64', '65', '66', '68'].includes(nature.slice(0, 2))) continue;
    all += centsOf(amount);
    if (name === tiers) paid += centsOf(amount);
  }
  return paid / all;
}

function syntheticDataLines(): string[] {
  return syntheticText()
    .split(/\r\n/)
    .slice(3)
    .filter((line) => /^2025-\d{5};/.test(line));
}

function excerptOf(tag: string, picked: readonly string[]): { text: string; cents: number } {
  const header = syntheticText().split(/\r\n/)[2];
  if (!header?.startsWith('N° mandat')) throw new Error('unexpected synthetic sample layout');
  const cents = picked.map((line) => centsOf(line.split(';').at(-1) ?? '')).reduce((a, b) => a + b, 0);
  return { text: `Extraction ${tag}\r\n${header}\r\n${picked.join('\r\n')}\r\n`, cents };
}

/** "5 932,93" → 593293, "-12,50" → -1250, computed independently of the application's parser. */
function centsOf(amount: string): number {
  const compact = amount.replace(/[\s\u00A0\u202F]/g, '');
  const sign = compact.startsWith('-') ? -1 : 1;
  const [units = '', fraction = ''] = compact.replace(/^-/, '').split(',');
  if (!/^\d+$/.test(units) || !/^\d{0,2}$/.test(fraction)) throw new Error(`unexpected amount "${amount}"`);
  return sign * (Number(units) * 100 + Number(fraction.padEnd(2, '0')));
}
