/**
 * What "the same table and reports" means for the reliability suites: every item of the table and
 * every object under a prefix, read behind the handlers' back, with the fields that only say *when*
 * something happened taken out.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';

export type Item = Record<string, unknown>;

/** Fields that record a moment, not a fact: two correct runs differ there and nowhere else. */
const TIMESTAMP_FIELDS = new Set(['receivedAt', 'uploadedAt', 'updatedAt', 'at']);

/** Drops the timestamp fields (and any other named) at any depth (override history entries carry an `at`). */
export function withoutTimestamps(value: unknown, ignored: ReadonlySet<string> = TIMESTAMP_FIELDS): unknown {
  if (Array.isArray(value)) return value.map((inner) => withoutTimestamps(inner, ignored));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !ignored.has(key))
      .map(([key, inner]) => [key, withoutTimestamps(inner, ignored)]),
  );
}

const byKey = (a: Item, b: Item) =>
  String(a.pk).localeCompare(String(b.pk)) || String(a.sk).localeCompare(String(b.sk));

/**
 * Every item of the table (a full scan), timestamps (and the `also` fields) removed, sorted by pk
 * then sk.
 */
export async function tableSnapshot(
  documents: DynamoDBDocumentClient,
  tableName: string,
  also: readonly string[] = [],
): Promise<Item[]> {
  const ignored = new Set([...TIMESTAMP_FIELDS, ...also]);
  const items: Item[] = [];
  for await (const page of paginateScan(
    { client: documents },
    { TableName: tableName, ConsistentRead: true },
  ))
    items.push(...(page.Items ?? []));
  return items.map((item) => withoutTimestamps(item, ignored) as Item).sort(byKey);
}

/** How many items of each kind a snapshot holds, for messages and for the docs' figures. */
export function itemCounts(items: readonly Item[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const kind = String(item.entityType ?? 'untyped');
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

export async function readObjectText(s3: S3Client, bucket: string, key: string): Promise<string | undefined> {
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return response.Body ? await response.Body.transformToString('utf-8') : undefined;
  } catch (error) {
    if (error instanceof Error && error.name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/**
 * Every object under a prefix, key → text. One listing page only (s3rver's pagination needs the
 * legacy OpenSSL provider): the suites keep far fewer than 1 000 objects per prefix, checked here.
 */
export async function bucketSnapshot(
  s3: S3Client,
  bucket: string,
  prefix: string,
): Promise<Record<string, string>> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  if (listed.IsTruncated) throw new Error(`more than one page of objects under s3://${bucket}/${prefix}`);
  const snapshot: Record<string, string> = {};
  for (const key of (listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])).sort()) {
    snapshot[key] = (await readObjectText(s3, bucket, key)) ?? '';
  }
  return snapshot;
}

/** A report.json without the one field that says when it was built. */
export function reportWithoutGeneratedAt(text: string): unknown {
  const { generatedAt: _when, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
}

/** Every report.json under the reports prefix, parsed, minus `generatedAt`. */
export async function reportsSnapshot(s3: S3Client, bucket: string): Promise<Record<string, unknown>> {
  const objects = await bucketSnapshot(s3, bucket, 'reports/');
  return Object.fromEntries(
    Object.entries(objects)
      .filter(([key]) => key.endsWith('/report.json'))
      .map(([key, text]) => [key, reportWithoutGeneratedAt(text)]),
  );
}
