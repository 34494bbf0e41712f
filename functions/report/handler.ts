import { parse } from '@aws-lambda-powertools/parser';
import * as z from 'zod';
import { DatasetKindSchema } from '../../shared/domain/dataset-kind.ts';
import { DatasetIngestedSchema } from '../../shared/runtime/events/dataset-ingested.ts';
import { shapeOf } from '../../shared/runtime/events/event-shape.ts';
import { refuseEvent } from '../../shared/runtime/events/refused-event.ts';
import { lambdaHandler } from '../../shared/runtime/observability/lambda-handler.ts';
import { observabilityOf } from '../../shared/runtime/observability/observability.ts';
import { reportObservers } from '../../shared/runtime/observability/report-metrics.ts';
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

/** After an ingest (the whole EventBridge event), or on demand (the rule passes the request alone). */
const ReportEventSchema = z.union([
  DatasetIngestedSchema.transform(({ detail }) => ({ after: detail })),
  ReportRequestSchema.transform((request) => ({ request })),
]);

const observed = observabilityOf('report');

/**
 * Rebuilds reports from the stored rollups: on demand (a territory, a kind, the consortium or one
 * anchor), or after each dataset ingested: the consortium report and those the upload counts in.
 */
async function report(event: unknown): Promise<ReportOutcome> {
  const parsed = parse(event, undefined, ReportEventSchema, true);
  if (!parsed.success) {
    const reason = `neither "dataset ingested" nor a report request ({kind, territoryId?, language?, anchorId?}); ${shapeOf(event)}`;
    refuseEvent(observed, reason);
    return { published: false, reason };
  }
  const deps = { ...reportDependencies(), ...reportObservers(observed.logger, observed.metrics) };
  if ('after' in parsed.data) {
    const { kind, anchorId } = parsed.data.after;
    observed.logger.appendKeys({ anchorId });
    return publishAfterIngest(deps, {
      kind,
      uploaderId: anchorId,
      territoryId: deps.territoryId,
      language: deps.language,
    });
  }
  const { request } = parsed.data;
  if (request.anchorId) observed.logger.appendKeys({ anchorId: request.anchorId });
  return publishReport(deps, {
    ...request,
    territoryId: request.territoryId ?? deps.territoryId,
    language: request.language ?? deps.language,
  });
}

export const handler = lambdaHandler(observed, report);
