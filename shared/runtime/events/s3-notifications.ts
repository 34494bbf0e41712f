import { parse } from '@aws-lambda-powertools/parser';
import * as z from 'zod';
import type { ObjectLocation } from '../../domain/dataset.ts';
import { S3EventSchema, S3ObjectCreatedSchema, S3TestEventSchema } from './aws-event-schemas.ts';
import { shapeOf } from './event-shape.ts';

/**
 * S3 URL-encodes keys in events, with "+" for spaces. This is the one place they are decoded; the
 * embedded stack encodes the events it sends the same way, so both paths meet here.
 */
export function decodeS3EventKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

const optional = <K extends string>(key: K, value: string | undefined) =>
  (value ? { [key]: value } : {}) as Partial<Record<K, string>>;

/**
 * An upload's notification, in any shape it reaches a function: S3's classic notification (keys
 * URL-encoded; only ObjectCreated records are files to read), S3's "Object Created" through
 * EventBridge (how the deployed stack routes uploads; keys as they are), or S3's test event (no file).
 */
const S3NotificationSchema = z.union([
  S3EventSchema.transform((event): ObjectLocation[] =>
    event.Records.filter((record) => record.eventName.startsWith('ObjectCreated')).map(({ s3 }) => ({
      bucket: s3.bucket.name,
      key: decodeS3EventKey(s3.object.key),
      ...optional('versionId', s3.object.versionId),
      ...optional('eTag', s3.object.eTag),
      ...optional('sequencer', s3.object.sequencer),
    })),
  ),
  S3ObjectCreatedSchema.transform(({ detail: { bucket, object } }): ObjectLocation[] => [
    {
      bucket: bucket.name,
      key: object.key,
      ...optional('versionId', object['version-id']),
      ...optional('eTag', object.etag),
      ...optional('sequencer', object.sequencer),
    },
  ]),
  S3TestEventSchema.transform((): ObjectLocation[] => []),
]);

/** The objects a notification speaks of, or why it is not one, in a line an operator can read. */
export function parseS3Notification(
  body: unknown,
):
  | { readonly success: true; readonly locations: ObjectLocation[] }
  | { readonly success: false; readonly reason: string } {
  const parsed = parse(body, undefined, S3NotificationSchema, true);
  if (parsed.success) return { success: true, locations: parsed.data };
  return {
    success: false,
    reason: `not an S3 notification (S3 event records, EventBridge "Object Created" or s3:TestEvent); ${shapeOf(body)}`,
  };
}
