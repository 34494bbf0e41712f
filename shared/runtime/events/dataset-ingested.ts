import { parse } from '@aws-lambda-powertools/parser';
import * as z from 'zod';
import { DatasetKindSchema } from '../../domain/dataset-kind.ts';
import { DATASET_INGESTED } from '../../ports/dataset-events.ts';
import { EventBridgeSchema } from './aws-event-schemas.ts';

/** EventBridge's "dataset ingested", as the rules deliver it whole to the report and lookup functions. */
export const DatasetIngestedSchema = EventBridgeSchema.extend({
  source: z.literal(DATASET_INGESTED.source),
  'detail-type': z.literal(DATASET_INGESTED.detailType),
  detail: z.object({ kind: DatasetKindSchema, anchorId: z.string().min(1) }),
});

export type DatasetIngested = z.infer<typeof DatasetIngestedSchema>['detail'];

/** The ingest an event announces, or `undefined` when it is another kind of request. */
export function datasetIngestedOf(event: unknown): DatasetIngested | undefined {
  const parsed = parse(event, undefined, DatasetIngestedSchema, true);
  return parsed.success ? parsed.data.detail : undefined;
}
