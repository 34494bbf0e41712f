import * as z from 'zod';

/*
 * The AWS event shapes the functions take, with the fields they read; other fields pass through.
 * Powertools Parser's own schemas (`@aws-lambda-powertools/parser/schemas`) describe the same events,
 * but they import zod as `{ z }`, which esbuild cannot tree-shake: each bundle would carry zod whole
 * with its locales (+344 KB; the report bundle 1.63 MB, over the 1.5 MB limit) and start ~37 ms
 * slower (BENCHMARKS.md). Parser's `parse` validates them, as it would its own.
 */

const S3ObjectSchema = z.object({
  key: z.string().min(1),
  versionId: z.string().optional(),
  eTag: z.string().optional(),
  sequencer: z.string().optional(),
});

/** S3's classic event notification (direct, or in an SQS message's body): keys URL-encoded. */
export const S3EventSchema = z.object({
  Records: z
    .array(
      z.object({
        eventSource: z.literal('aws:s3'),
        eventName: z.string(),
        s3: z.object({ bucket: z.object({ name: z.string().min(1) }), object: S3ObjectSchema }),
      }),
    )
    .min(1),
});

/** EventBridge's envelope, as a rule hands an event to its target whole. */
export const EventBridgeSchema = z.object({
  version: z.string(),
  id: z.string(),
  source: z.string(),
  account: z.string(),
  time: z.iso.datetime(),
  region: z.string(),
  resources: z.array(z.string()),
  'detail-type': z.string(),
  detail: z.unknown(),
});

/** S3's "Object Created" through EventBridge: keys as they are. */
export const S3ObjectCreatedSchema = EventBridgeSchema.extend({
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

/** What S3 sends once when a notification is configured: not a file. */
export const S3TestEventSchema = z.object({ Event: z.literal('s3:TestEvent') });

/** An SQS event source's batch; Powertools Batch reads the records. */
export const SqsEventSchema = z.object({
  Records: z
    .array(
      z.object({
        messageId: z.string(),
        receiptHandle: z.string(),
        body: z.string(),
        eventSource: z.literal('aws:sqs'),
        eventSourceARN: z.string(),
      }),
    )
    .min(1),
});
