import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { parse } from '@aws-lambda-powertools/parser';
import type { Context, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { ObjectLocation } from '../../domain/dataset.ts';
import type { Observability } from '../observability/observability.ts';
import { SqsEventSchema } from './aws-event-schemas.ts';
import { refuseEvent } from './refused-event.ts';
import { parseS3Notification } from './s3-notifications.ts';

/**
 * What handling one object says: `retry` leaves its message on the queue to be delivered again,
 * `now` (work paused at a checkpoint) without waiting for the visibility timeout.
 */
export type Handled<T> = { readonly result: T; readonly retry: false | 'later' | 'now' };

export type Requeue = (record: {
  readonly eventSourceARN: string;
  readonly receiptHandle: string;
}) => Promise<void>;

export interface NotificationOptions {
  readonly observed: Observability;
  readonly context: Context;
  /** Makes a message visible again at once (SQS ChangeMessageVisibility to 0). */
  readonly requeue?: Requeue;
}

/** Thrown for a message that is to be delivered again: Batch reports it as an item failure. */
class DeliverAgain extends Error {}

/**
 * Runs a handler over S3 notifications, however they arrive: an SQS batch (Powertools Batch reports
 * failures per message, so only those are retried and, after the queue's limit, parked in its
 * dead-letter queue) or a direct S3 / EventBridge event (a failure throws, for Lambda to retry). A
 * message or event that is no notification is refused — logged once, counted, never retried: it
 * would fail the same way each time.
 */
export async function forEachNotification<T>(
  event: unknown,
  handle: (location: ObjectLocation) => Promise<Handled<T>>,
  options: NotificationOptions,
): Promise<SQSBatchResponse | { outcomes: T[] }> {
  const sqs = parse(event, undefined, SqsEventSchema, true);
  if (sqs.success) {
    const processor = new BatchProcessor(EventType.SQS);
    return processPartialResponse(
      event as { Records: SQSRecord[] },
      (record: SQSRecord) => handleMessage(record, handle, options),
      processor,
      {
        context: options.context,
        // One message per batch: a checkpointed ingest "fails" on purpose, and is no function error.
        throwOnFullBatchFailure: false,
      },
    );
  }
  const notification = parseS3Notification(event);
  if (!notification.success) {
    refuseEvent(options.observed, notification.reason);
    return { outcomes: [] };
  }
  const outcomes: T[] = [];
  for (const location of notification.locations) outcomes.push((await handle(location)).result);
  return { outcomes };
}

async function handleMessage<T>(
  record: SQSRecord,
  handle: (location: ObjectLocation) => Promise<Handled<T>>,
  { observed, requeue }: NotificationOptions,
): Promise<void> {
  const notification = parseS3Notification(jsonOrText(record.body));
  if (!notification.success) {
    refuseEvent(observed, notification.reason, { messageId: record.messageId });
    return;
  }
  const handled: Handled<T>[] = [];
  try {
    for (const location of notification.locations) handled.push(await handle(location));
  } catch (error) {
    observed.logger.error('message failed: it will be delivered again', {
      messageId: record.messageId,
      error: error instanceof Error ? error : String(error),
    });
    throw error;
  }
  if (!handled.some((one) => one.retry)) return;
  if (requeue && handled.some((one) => one.retry === 'now')) {
    await requeue({ eventSourceARN: record.eventSourceARN, receiptHandle: record.receiptHandle });
  }
  throw new DeliverAgain(`message ${record.messageId} is to be delivered again`);
}

const jsonOrText = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
};
