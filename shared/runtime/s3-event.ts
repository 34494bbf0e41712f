import { z } from 'zod';
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
