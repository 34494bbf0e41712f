import * as z from 'zod';
import type { ObjectLocation } from '../domain/dataset.ts';

const S3RecordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      versionId: z.string().optional(),
      eTag: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

export const S3EventSchema = z.object({ Records: z.array(S3RecordSchema) });

/** What S3 sends once when a notification is configured: not a file. */
export const S3TestEventSchema = z.object({ Event: z.literal('s3:TestEvent') });

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

export function locationsOf(event: z.infer<typeof S3EventSchema>): ObjectLocation[] {
  return event.Records.filter((record) => record.eventName.startsWith('ObjectCreated')).map((record) => ({
    bucket: record.s3.bucket.name,
    key: decodeS3EventKey(record.s3.object.key),
    ...(record.s3.object.versionId ? { versionId: record.s3.object.versionId } : {}),
    ...(record.s3.object.eTag ? { eTag: record.s3.object.eTag } : {}),
    ...(record.s3.object.sequencer ? { sequencer: record.s3.object.sequencer } : {}),
  }));
}

/** S3 "Object Created" delivered through EventBridge (how the deployed stack routes uploads). */
export const S3EventBridgeSchema = z.object({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  detail: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      etag: z.string().optional(),
      'version-id': z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

/**
 * The objects an S3 notification speaks of, in either shape: a classic notification (keys
 * URL-encoded) or an EventBridge event (keys as they are). `undefined` when it is neither.
 */
export function locationsOfNotification(body: unknown): ObjectLocation[] | undefined {
  const classic = S3EventSchema.safeParse(body);
  if (classic.success) return locationsOf(classic.data);
  const bridged = S3EventBridgeSchema.safeParse(body);
  if (!bridged.success) return undefined;
  const { bucket, object } = bridged.data.detail;
  return [
    {
      bucket: bucket.name,
      key: object.key,
      ...(object['version-id'] ? { versionId: object['version-id'] } : {}),
      ...(object.etag ? { eTag: object.etag } : {}),
      ...(object.sequencer ? { sequencer: object.sequencer } : {}),
    },
  ];
}
