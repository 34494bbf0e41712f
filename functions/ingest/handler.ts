import type { Context } from 'aws-lambda';
import { forEachNotification } from '../../shared/runtime/events/notification-batch.ts';
import { ingestDependencies } from '../../shared/runtime/ingest-dependencies.ts';
import { recordIngest } from '../../shared/runtime/observability/ingest-metrics.ts';
import { lambdaHandler } from '../../shared/runtime/observability/lambda-handler.ts';
import { observabilityOf } from '../../shared/runtime/observability/observability.ts';
import { ingestDataset } from '../../shared/use-cases/ingest-dataset.ts';

const observed = observabilityOf('ingest');

/**
 * Ingests uploaded files, from SQS (S3 notifications routed by EventBridge) or a direct S3 event.
 * A file too long for one run pauses at a checkpoint and goes on when its message comes back; a
 * counted dataset announces itself so the reports are rebuilt.
 */
async function ingest(event: unknown, context: Context) {
  const deps = { ...ingestDependencies(), remainingMs: () => context.getRemainingTimeInMillis() };
  const { logger, metrics } = observed;
  return forEachNotification(
    event,
    async (location) => {
      logger.appendKeys({ objectKey: location.key });
      const started = performance.now();
      const outcome = await ingestDataset(deps, location).catch((error: unknown) => {
        // Thrown on a technical error (the dataset is recorded FAILED): its message is delivered again.
        recordIngest(metrics, 'threw', performance.now() - started);
        throw error;
      });
      recordIngest(metrics, outcome, performance.now() - started);
      const { id, anchorId, status, lines, rejectedLines } = outcome.dataset;
      logger.appendKeys({ datasetId: id, anchorId });
      logger.info('dataset read', { outcome: outcome.outcome, status, lines, rejectedLines });
      // Announced again when a redelivery finds it counted: the run that counted it may have ended
      // before its announcement went out, and a rebuild more is harmless.
      const counted =
        outcome.outcome === 'ingested' || (outcome.outcome === 'already-done' && status === 'INGESTED');
      if (counted) await deps.events?.ingested(outcome.dataset);
      // Paused at a checkpoint: go on now. Held by another run: look again after the visibility timeout.
      const retry =
        outcome.outcome === 'continued' ? 'now' : outcome.outcome === 'in-progress' ? 'later' : false;
      return { result: outcome, retry };
    },
    { observed, context, requeue: deps.requeue },
  );
}

export const handler = lambdaHandler(observed, ingest);
