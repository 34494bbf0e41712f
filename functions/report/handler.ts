import middy from '@middy/core';
import * as z from 'zod';
import { DatasetKindSchema } from '../../shared/domain/dataset-kind.ts';
import { DATASET_INGESTED } from '../../shared/ports/dataset-events.ts';
import { logErrors } from '../../shared/runtime/log-errors.ts';
import { reportDependencies } from '../../shared/runtime/report-dependencies.ts';
import {
  publishAfterIngest,
  publishReport,
  type ReportOutcome,
} from '../../shared/use-cases/publish-report.ts';

const ReportRequestSchema = z.object({
  kind: DatasetKindSchema,
  territoryId: z.string().min(1).optional(),
  language: z.enum(['fr', 'en']).optional(),
  anchorId: z.string().min(1).optional(),
});

/** EventBridge's "dataset ingested": rebuild the consortium report and those the upload counts in. */
const DatasetIngestedSchema = z.object({
  source: z.literal(DATASET_INGESTED.source),
  'detail-type': z.literal(DATASET_INGESTED.detailType),
  detail: z.object({ kind: DatasetKindSchema, anchorId: z.string().min(1) }),
});

/**
 * Rebuilds reports from the stored rollups: on demand (a territory, a kind, the consortium or one
 * anchor), or after each dataset ingested.
 */
async function report(event: unknown): Promise<ReportOutcome> {
  const deps = reportDependencies();
  const ingested = DatasetIngestedSchema.safeParse(event);
  if (ingested.success) {
    const { kind, anchorId } = ingested.data.detail;
    return publishAfterIngest(deps, {
      kind,
      uploaderId: anchorId,
      territoryId: deps.territoryId,
      language: deps.language,
    });
  }
  const request = ReportRequestSchema.parse(event);
  return publishReport(deps, {
    ...request,
    territoryId: request.territoryId ?? deps.territoryId,
    language: request.language ?? deps.language,
  });
}

export const handler = middy(report).use(logErrors('report'));
