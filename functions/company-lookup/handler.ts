import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { DatasetKindSchema } from '../../shared/domain/dataset-kind.ts';
import type { LookupRun } from '../../shared/domain/registry/registry-status.ts';
import { wantedIdentifiers } from '../../shared/domain/registry/stock-selection.ts';
import { DATASET_INGESTED } from '../../shared/ports/dataset-events.ts';
import { companyLookupDependencies } from '../../shared/runtime/company-lookup-dependencies.ts';
import { logInfo } from '../../shared/runtime/log.ts';
import { logErrors } from '../../shared/runtime/log-errors.ts';
import { suppliersOfCountedDatasets } from '../../shared/use-cases/counted-suppliers.ts';
import { lookUpUnknownSuppliers } from '../../shared/use-cases/look-up-suppliers.ts';

/** EventBridge's "dataset ingested": its suppliers may be unknown to the register. */
const DatasetIngestedSchema = z.object({
  source: z.literal(DATASET_INGESTED.source),
  'detail-type': z.literal(DATASET_INGESTED.detailType),
  detail: z.object({ kind: DatasetKindSchema, anchorId: z.string().min(1) }),
});

/** Time kept back to store the run and ask for the rebuild; a lookup waits at most its timeouts. */
const STOP_MARGIN_MS = 60 * 1000;

/**
 * Asks the configured company-search API about the SIRETs and SIRENs of the counted datasets that
 * the register knows nothing of. After an ingest that found something, the reports it counts in are
 * rebuilt (they were being built from the register as it was, at the same time).
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
  logInfo({ companyLookup: run });
  const ingested = DatasetIngestedSchema.safeParse(event);
  if (ingested.success && run.found > 0 && deps.rebuilds) {
    const { kind, anchorId } = ingested.data.detail;
    await deps.rebuilds.request([{ kind }, { kind, anchorId }]);
  }
  return run;
}

export const handler = middy(companyLookup).use(logErrors('company-lookup'));
