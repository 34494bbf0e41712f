import middy from '@middy/core';
import { z } from 'zod';
import { DatasetKindSchema } from '../../shared/domain/dataset-kind.ts';
import { logErrors } from '../../shared/runtime/log-errors.ts';
import { reportDependencies } from '../../shared/runtime/report-dependencies.ts';
import { publishReport, type ReportOutcome } from '../../shared/use-cases/publish-report.ts';

const ReportEventSchema = z.object({
  kind: DatasetKindSchema,
  territoryId: z.string().min(1).optional(),
  language: z.enum(['fr', 'en']).optional(),
  anchorId: z.string().min(1).optional(),
});

/** Rebuilds one report (a territory, a kind, the consortium or one anchor) from the stored rollups. */
async function report(event: unknown): Promise<ReportOutcome> {
  const request = ReportEventSchema.parse(event);
  const deps = reportDependencies();
  return publishReport(deps, { ...request, territoryId: request.territoryId ?? deps.territoryId });
}

export const handler = middy(report).use(logErrors('report'));
