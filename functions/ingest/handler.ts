import middy from '@middy/core';
import { ingestDependencies } from '../../shared/runtime/ingest-dependencies.ts';
import { logErrors } from '../../shared/runtime/log-errors.ts';
import { forEachNotification } from '../../shared/runtime/notification-batch.ts';
import { ingestDataset } from '../../shared/use-cases/ingest-dataset.ts';

/**
 * Ingests uploaded files, from SQS (S3 notifications routed by EventBridge) or a direct S3 event.
 * A dataset another attempt is still ingesting is retried later; a counted one announces itself.
 */
async function ingest(event: unknown) {
  const deps = ingestDependencies();
  return forEachNotification(event, async (location) => {
    const outcome = await ingestDataset(deps, location);
    if (outcome.outcome === 'ingested') await deps.events?.ingested(outcome.dataset);
    return { result: outcome, retry: outcome.outcome === 'in-progress' };
  });
}

export const handler = middy(ingest).use(logErrors('ingest'));
