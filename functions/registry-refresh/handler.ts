import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { parse } from '@aws-lambda-powertools/parser';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { shapeOf } from '../../shared/runtime/events/event-shape.ts';
import { refuseEvent } from '../../shared/runtime/events/refused-event.ts';
import { lambdaHandler } from '../../shared/runtime/observability/lambda-handler.ts';
import { observabilityOf } from '../../shared/runtime/observability/observability.ts';
import { registryRefreshDependencies } from '../../shared/runtime/registry-refresh-dependencies.ts';
import { type RegistryRefreshOutcome, refreshRegistry } from '../../shared/use-cases/refresh-registry.ts';

/** What the schedule (through the state machine) or an operator sends: both optional, nothing else (a typo is refused, not ignored). */
const RefreshRequestSchema = z.strictObject({
  /** Another stock base than the deployment's (a mirror, a folder of a test). */
  base: z.string().min(1).optional(),
  /** Read the stock again even when its files are the ones the last refresh read. */
  force: z.boolean().optional(),
});

const observed = observabilityOf('registry-refresh');

/**
 * Time kept back for the last row group, its facts and the checkpoint: a row group of INSEE's national
 * Parquet (the columns read) is read in seconds; the margin covers a slow network.
 */
const CHECKPOINT_MARGIN_MS = 3 * 60 * 1000;

/**
 * Refreshes the register from INSEE's monthly stock. A run that nears Lambda's limit leaves a checkpoint
 * and answers `again: true`: the state machine calls it again, and it goes on from there.
 */
async function registryRefresh(
  event: unknown,
  context: Context,
): Promise<RegistryRefreshOutcome & { again: boolean }> {
  const parsed = parse(event ?? {}, undefined, RefreshRequestSchema, true);
  if (!parsed.success) {
    // Answered as failed, not thrown: the state machine stops on it rather than retrying it.
    const reason = `not a refresh request ({base?, force?}); ${shapeOf(event)}`;
    refuseEvent(observed, reason);
    return { status: 'failed', reason, again: false };
  }
  const request = parsed.data;
  const deps = registryRefreshDependencies();
  const outcome = await refreshRegistry(
    { ...deps, timeLeftMs: () => context.getRemainingTimeInMillis() - CHECKPOINT_MARGIN_MS },
    {
      base: request.base ?? deps.stockBase,
      territoryIds: [deps.territoryId],
      ...(request.force ? { force: true } : {}),
    },
  );
  recordRefresh(outcome);
  return { ...outcome, again: outcome.status === 'paused' };
}

function recordRefresh(outcome: RegistryRefreshOutcome): void {
  const { logger, metrics } = observed;
  if (outcome.status === 'refreshed') {
    for (const file of outcome.registry.files) {
      metrics.addMetric(METRICS.registryRowsRead, MetricUnit.Count, file.rows);
      metrics.addMetric(METRICS.registryFactsStored, MetricUnit.Count, file.facts);
    }
  }
  if (outcome.status === 'failed') logger.error('registry refresh failed', { reason: outcome.reason });
  else logger.info('registry refresh', { status: outcome.status, ...summaryOf(outcome) });
}

function summaryOf(outcome: Exclude<RegistryRefreshOutcome, { status: 'failed' }>) {
  switch (outcome.status) {
    case 'paused':
      return { file: outcome.file, rows: outcome.rows };
    default:
      return { files: outcome.registry.files.map(({ name, rows, facts }) => ({ name, rows, facts })) };
  }
}

export const handler = lambdaHandler(observed, registryRefresh);
