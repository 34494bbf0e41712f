import type { SQSBatchResponse } from 'aws-lambda';
import * as z from 'zod';
import type { ObjectLocation } from '../domain/dataset.ts';
import { locationsOfNotification, S3TestEventSchema } from './s3-event.ts';

const SqsRecordSchema = z.object({
  messageId: z.string(),
  body: z.string(),
  eventSource: z.literal('aws:sqs'),
  eventSourceARN: z.string().optional(),
  receiptHandle: z.string().optional(),
});
const SqsEventSchema = z.object({ Records: z.array(SqsRecordSchema) });

/**
 * What handling one object says: `retry` leaves its message on the queue to be delivered again,
 * `now` (work paused at a checkpoint) without waiting for the visibility timeout.
 */
export type Handled<T> = { readonly result: T; readonly retry: false | 'later' | 'now' };

export type Requeue = (record: {
  readonly eventSourceARN: string;
  readonly receiptHandle: string;
}) => Promise<void>;

async function handleNotification<T>(
  body: unknown,
  handle: (location: ObjectLocation) => Promise<Handled<T>>,
): Promise<Handled<T>[]> {
  if (S3TestEventSchema.safeParse(body).success) return [];
  const locations = locationsOfNotification(body);
  if (!locations) throw new Error('not an S3 notification');
  const handled: Handled<T>[] = [];
  for (const location of locations) handled.push(await handle(location));
  return handled;
}

/**
 * Runs a handler over S3 notifications, however they arrive: an SQS batch (failures reported per
 * message, so only those are retried and, after the queue's limit, parked in its dead-letter queue)
 * or a direct S3 / EventBridge event (a failure throws, for Lambda to retry).
 */
export async function forEachNotification<T>(
  event: unknown,
  handle: (location: ObjectLocation) => Promise<Handled<T>>,
  requeue?: Requeue,
): Promise<SQSBatchResponse | { outcomes: T[] }> {
  const sqs = SqsEventSchema.safeParse(event);
  if (!sqs.success)
    return { outcomes: (await handleNotification(event, handle)).map((handled) => handled.result) };
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of sqs.data.Records) {
    try {
      const handled = await handleNotification(JSON.parse(record.body), handle);
      if (handled.some((one) => one.retry)) batchItemFailures.push({ itemIdentifier: record.messageId });
      if (
        requeue &&
        record.eventSourceARN &&
        record.receiptHandle &&
        handled.some((one) => one.retry === 'now')
      ) {
        await requeue({ eventSourceARN: record.eventSourceARN, receiptHandle: record.receiptHandle });
      }
    } catch (error) {
      console.error(JSON.stringify({ level: 'ERROR', messageId: record.messageId, message: String(error) }));
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
