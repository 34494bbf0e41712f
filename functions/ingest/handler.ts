import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { ingestDependencies } from '../../shared/runtime/ingest-dependencies.ts';
import { logErrors } from '../../shared/runtime/log-errors.ts';
import { forEachNotification } from '../../shared/runtime/notification-batch.ts';
import { ingestDataset } from '../../shared/use-cases/ingest-dataset.ts';

/**
 * Ingests uploaded files, from SQS (S3 notifications routed by EventBridge) or a direct S3 event.
 * A file too long for one run pauses at a checkpoint and goes on when its message comes back; a
 * counted dataset announces itself so the reports are rebuilt.
 */
async function ingest(event: unknown, context: Context) {
  const deps = { ...ingestDependencies(), remainingMs: () => context.getRemainingTimeInMillis() };
  return forEachNotification(
    event,
    async (location) => {
      const outcome = await ingestDataset(deps, location);
      if (outcome.outcome === 'ingested') await deps.events?.ingested(outcome.dataset);
      // Paused at a checkpoint: go on now. Held by another run: look again after the visibility timeout.
      const retry =
        outcome.outcome === 'continued' ? 'now' : outcome.outcome === 'in-progress' ? 'later' : false;
      return { result: outcome, retry };
    },
    deps.requeue,
  );
}

export const handler = middy(ingest).use(logErrors('ingest'));
