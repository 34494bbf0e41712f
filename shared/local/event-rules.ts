import { randomUUID } from 'node:crypto';
import { DATASET_INGESTED } from '../ports/dataset-events.ts';
import { REBUILD_REQUESTED } from '../ports/report-rebuilds.ts';
import { localLambdaContext } from './lambda-context.ts';
import type { BusEvent } from './local-event-bus.ts';

/**
 * The app stack's EventBridge rules, in-process: "dataset ingested" goes to the report function as
 * the whole event; "rebuild requested" passes only its detail (the rule's input path `$.detail`).
 */
export async function deliverToRules(event: BusEvent): Promise<void> {
  const { handler } = await import('../../functions/report/handler.ts');
  if (event.source === DATASET_INGESTED.source && event.detailType === DATASET_INGESTED.detailType) {
    await handler(eventBridgeEnvelope(event), localLambdaContext('report'));
  } else if (event.source === REBUILD_REQUESTED.source && event.detailType === REBUILD_REQUESTED.detailType) {
    await handler(event.detail, localLambdaContext('report'));
  }
}

/** The event as EventBridge hands it to a target, with the envelope's fields. */
export function eventBridgeEnvelope(event: BusEvent) {
  return {
    version: '0',
    id: randomUUID(),
    source: event.source,
    account: '000000000000',
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: 'local',
    resources: [],
    'detail-type': event.detailType,
    detail: event.detail,
  };
}
