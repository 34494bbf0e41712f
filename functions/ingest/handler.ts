import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { ingestDependencies } from '../../shared/runtime/ingest-dependencies.ts';
import { logErrors } from '../../shared/runtime/log-errors.ts';
import { locationsOf, S3EventSchema, S3TestEventSchema } from '../../shared/runtime/s3-event.ts';
import { type IngestOutcome, ingestDataset } from '../../shared/use-cases/ingest-dataset.ts';

const SqsEventSchema = z.object({
  Records: z.array(z.object({ messageId: z.string(), body: z.string(), eventSource: z.literal('aws:sqs') })),
});

async function ingestS3Event(body: unknown): Promise<IngestOutcome[]> {
  if (S3TestEventSchema.safeParse(body).success) return [];
  const locations = locationsOf(S3EventSchema.parse(body));
  const outcomes: IngestOutcome[] = [];
  for (const location of locations) outcomes.push(await ingestDataset(ingestDependencies(), location));
  return outcomes;
}

/**
 * Ingests uploaded files. Fed by SQS (S3 notifications, with partial batch failures so one bad
 * message is retried alone) or directly by an S3 event.
 */
async function ingest(event: unknown): Promise<SQSBatchResponse | { outcomes: IngestOutcome[] }> {
  const sqs = SqsEventSchema.safeParse(event);
  if (!sqs.success) return { outcomes: await ingestS3Event(event) };
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of (event as SQSEvent).Records) {
    try {
      const outcomes = await ingestS3Event(JSON.parse(record.body));
      // Another attempt holds the dataset: leave the message on the queue to look again later.
      if (outcomes.some((outcome) => outcome.outcome === 'in-progress')) {
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    } catch (error) {
      console.error(JSON.stringify({ level: 'ERROR', messageId: record.messageId, message: String(error) }));
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

export const handler = middy(ingest).use(logErrors('ingest'));
