import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { logInfo } from '../../shared/runtime/log.ts';
import { logErrors } from '../../shared/runtime/log-errors.ts';
import { registryRefreshDependencies } from '../../shared/runtime/registry-refresh-dependencies.ts';
import { type RegistryRefreshOutcome, refreshRegistry } from '../../shared/use-cases/refresh-registry.ts';

/** What the schedule (through the state machine) or an operator sends: both optional. */
const RefreshRequestSchema = z.object({
  /** Another stock base than the deployment's (a mirror, a folder of a test). */
  base: z.string().min(1).optional(),
  /** Read the stock again even when its files are the ones the last refresh read. */
  force: z.boolean().optional(),
});

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
  const deps = registryRefreshDependencies();
  const request = RefreshRequestSchema.parse(event ?? {});
  const outcome = await refreshRegistry(
    { ...deps, timeLeftMs: () => context.getRemainingTimeInMillis() - CHECKPOINT_MARGIN_MS },
    {
      base: request.base ?? deps.stockBase,
      territoryIds: [deps.territoryId],
      ...(request.force ? { force: true } : {}),
    },
  );
  logInfo({ registryRefresh: outcome.status, ...summaryOf(outcome) });
  return { ...outcome, again: outcome.status === 'paused' };
}

function summaryOf(outcome: RegistryRefreshOutcome) {
  switch (outcome.status) {
    case 'failed':
      return { reason: outcome.reason };
    case 'paused':
      return { file: outcome.file, rows: outcome.rows };
    default:
      return { files: outcome.registry.files.map(({ name, rows, facts }) => ({ name, rows, facts })) };
  }
}

export const handler = middy(registryRefresh).use(logErrors('registry-refresh'));
