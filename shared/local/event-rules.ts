import { randomUUID } from 'node:crypto';
import { DATASET_INGESTED } from '../ports/dataset-events.ts';
import { REBUILD_REQUESTED } from '../ports/report-rebuilds.ts';
import { localLambdaContext } from './lambda-context.ts';
import type { BusEvent } from './local-event-bus.ts';

/**
 * The app stack's EventBridge rules, in-process: "dataset ingested" goes, as the whole event, to the
 * report function and to the company lookup (which does nothing when `COMPANY_LOOKUP` is `off`, and
 * asks for a rebuild when it found something), side by side as two rules' targets run; "rebuild
 * requested" passes only its detail to the report function (the rule's input path `$.detail`).
 */
export async function deliverToRules(event: BusEvent): Promise<void> {
  const { handler: report } = await import('../../functions/report/handler.ts');
  if (event.source === DATASET_INGESTED.source && event.detailType === DATASET_INGESTED.detailType) {
    const { handler: lookUp } = await import('../../functions/company-lookup/handler.ts');
    const envelope = eventBridgeEnvelope(event);
    // Each target fails on its own, as each rule has its own retries and dead letters.
    const delivered = await Promise.allSettled([
      report(envelope, localLambdaContext('report')),
      lookUp(envelope, localLambdaContext('company-lookup')),
    ]);
    const failed = delivered.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  } else if (event.source === REBUILD_REQUESTED.source && event.detailType === REBUILD_REQUESTED.detailType) {
    await report(event.detail, localLambdaContext('report'));
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
