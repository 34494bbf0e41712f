import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { REBUILD_REQUESTED, type ReportRebuilds } from '../ports/report-rebuilds.ts';

/**
 * One "rebuild requested" event per report; the rule passes its detail (`{kind, anchorId?}`) to the
 * report function as an on-demand request.
 */
export function createEventBridgeReportRebuilds(
  client: EventBridgeClient,
  eventBusName: string,
): ReportRebuilds {
  return {
    async request(requests) {
      if (requests.length === 0) return;
      const response = await client.send(
        new PutEventsCommand({
          Entries: requests.map((request) => ({
            EventBusName: eventBusName,
            Source: REBUILD_REQUESTED.source,
            DetailType: REBUILD_REQUESTED.detailType,
            Detail: JSON.stringify(request),
          })),
        }),
      );
      if ((response.FailedEntryCount ?? 0) > 0) {
        const reason = response.Entries?.find((entry) => entry.ErrorMessage)?.ErrorMessage;
        throw new Error(`EventBridge refused a rebuild request: ${reason}`);
      }
    },
  };
}
