import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { METRICS } from '../../shared/contracts/metrics.ts';
import type { LookupRun } from '../../shared/domain/registry/registry-status.ts';
import { wantedIdentifiers } from '../../shared/domain/registry/stock-selection.ts';
import { companyLookupDependencies } from '../../shared/runtime/company-lookup-dependencies.ts';
import { datasetIngestedOf } from '../../shared/runtime/events/dataset-ingested.ts';
import { lambdaHandler } from '../../shared/runtime/observability/lambda-handler.ts';
import { observabilityOf } from '../../shared/runtime/observability/observability.ts';
import { suppliersOfCountedDatasets } from '../../shared/use-cases/counted-suppliers.ts';
import { lookUpUnknownSuppliers } from '../../shared/use-cases/look-up-suppliers.ts';

/** Time kept back to store the run and ask for the rebuild; a lookup waits at most its timeouts. */
const STOP_MARGIN_MS = 60 * 1000;

const observed = observabilityOf('company-lookup');

/**
 * Asks the configured company-search API about the SIRETs and SIRENs of the counted datasets that
 * the register knows nothing of. Any event starts a run; after an ingest ("dataset ingested") that
 * found something, the reports it counts in are rebuilt (they were being built from the register as
 * it was, at the same time).
 */
async function companyLookup(
  event: unknown,
  context: Context,
): Promise<LookupRun | { readonly status: 'off' }> {
  const deps = companyLookupDependencies();
  const lookup = await deps.lookup();
  if (!lookup) return { status: 'off' };
  const wanted = wantedIdentifiers(await suppliersOfCountedDatasets(deps.datasets));
  const run = await lookUpUnknownSuppliers(
    { ...deps, lookup, timeLeftMs: () => context.getRemainingTimeInMillis() - STOP_MARGIN_MS },
    wanted,
  );
  recordRun(run);
  const ingested = datasetIngestedOf(event);
  if (ingested && run.found > 0 && deps.rebuilds) {
    const { kind, anchorId } = ingested;
    await deps.rebuilds.request([{ kind }, { kind, anchorId }]);
  }
  return run;
}

function recordRun(run: LookupRun): void {
  const { logger, metrics } = observed;
  metrics.addMetric(METRICS.companyLookupsAsked, MetricUnit.Count, run.asked);
  metrics.addMetric(METRICS.companyLookupsFound, MetricUnit.Count, run.found);
  metrics.addMetric(METRICS.companyLookupsUnanswered, MetricUnit.Count, run.unanswered);
  if (run.offline) logger.warn('company lookups skipped: the API could not be reached', { ...run });
  else logger.info('company lookups', { ...run });
}

export const handler = lambdaHandler(observed, companyLookup);
