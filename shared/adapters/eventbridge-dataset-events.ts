import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DATASET_INGESTED, type DatasetEvents } from '../ports/dataset-events.ts';

/** Publishes "dataset ingested" on an EventBridge bus; a rule there starts the report rebuild. */
export function createEventBridgeDatasetEvents(
  client: EventBridgeClient,
  eventBusName: string,
): DatasetEvents {
  return {
    async ingested(dataset) {
      const response = await client.send(
        new PutEventsCommand({
          Entries: [
            {
              EventBusName: eventBusName,
              Source: DATASET_INGESTED.source,
              DetailType: DATASET_INGESTED.detailType,
              Detail: JSON.stringify({
                datasetId: dataset.id,
                kind: dataset.kind,
                anchorId: dataset.anchorId,
              }),
            },
          ],
        }),
      );
      if ((response.FailedEntryCount ?? 0) > 0) {
        throw new Error(
          `EventBridge refused the event for dataset ${dataset.id}: ${response.Entries?.[0]?.ErrorMessage}`,
        );
      }
    },
  };
}
