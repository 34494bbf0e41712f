import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { OBJECT_PREFIXES } from '../../shared/contracts/table.ts';
import { forEachNotification } from '../../shared/runtime/events/notification-batch.ts';
import { lambdaHandler } from '../../shared/runtime/observability/lambda-handler.ts';
import { observabilityOf } from '../../shared/runtime/observability/observability.ts';
import { registryDependencies } from '../../shared/runtime/registry-dependencies.ts';
import { type FactsOutcome, loadDirectory, loadRegistry } from '../../shared/use-cases/load-facts.ts';

/** `directories/<anchorId>/<file>` in the reference bucket: an anchor's supplier directory. */
const DIRECTORY_KEY = new RegExp(`^${OBJECT_PREFIXES.directories}([^/]+)/.+`);

const observed = observabilityOf('registry-load');

/**
 * Loads a file dropped in the reference bucket as supplier facts: a SIRENE stock file under
 * `registry/`, an anchor's supplier directory under `directories/<anchorId>/`. A file that gives no
 * fact at all (the wrong file, the wrong columns) is counted: an alarm tells the operators.
 */
async function registryLoad(event: unknown, context: Context) {
  const deps = registryDependencies();
  const { logger } = observed;
  return forEachNotification(
    event,
    async (location) => {
      const anchorId = DIRECTORY_KEY.exec(location.key)?.[1];
      logger.appendKeys({ objectKey: location.key, ...(anchorId ? { anchorId } : {}) });
      const outcome = anchorId
        ? await loadDirectory(deps, location, anchorId)
        : await loadRegistry(deps, location);
      recordLoad(outcome);
      return { result: outcome, retry: false as const };
    },
    { observed, context },
  );
}

function recordLoad(outcome: FactsOutcome): void {
  const { logger, metrics } = observed;
  if (outcome.loaded) {
    metrics.addMetric(METRICS.registryRowsRead, MetricUnit.Count, outcome.rows);
    metrics.addMetric(METRICS.registryFactsStored, MetricUnit.Count, outcome.facts);
  }
  if (!outcome.loaded || outcome.facts === 0) {
    metrics.addMetric(METRICS.registryLoadsEmpty, MetricUnit.Count, 1);
    logger.error('file gave no facts', outcome.loaded ? { rows: outcome.rows } : { reason: outcome.reason });
  } else
    logger.info('file loaded', {
      rows: outcome.rows,
      facts: outcome.facts,
      rejectedRows: outcome.rejectedRows,
    });
}

export const handler = lambdaHandler(observed, registryLoad);
