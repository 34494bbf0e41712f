import { SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient, createEventBridgeClient, createS3Client } from '../adapters/aws-clients.ts';
import { createDynamoDbDatasetStore } from '../adapters/dynamodb-dataset-store.ts';
import { createEventBridgeDatasetEvents } from '../adapters/eventbridge-dataset-events.ts';
import { createFileReader } from '../adapters/file-reader.ts';
import { createS3MappingProfiles } from '../adapters/s3-mapping-profiles.ts';
import { createS3ObjectStore } from '../adapters/s3-object-store.ts';
import { createS3ParquetLineFiles } from '../adapters/s3-parquet-line-files.ts';
import { createS3TerritoryCatalog } from '../adapters/s3-territory-catalog.ts';
import { createSqsRequeue } from '../adapters/sqs-requeue.ts';
import { KNOWN_FORMATS } from '../domain/formats/known-formats.ts';
import { systemClock } from '../ports/clock.ts';
import type { DatasetEvents } from '../ports/dataset-events.ts';
import type { IngestDependencies } from '../use-cases/ingest-dataset.ts';
import { cachedByConfig } from './cached-by-config.ts';
import type { Requeue } from './events/notification-batch.ts';
import { traced } from './observability/observability.ts';
import { ingestProgress } from './progress.ts';

/** A crashed ingest's claim expires after this; Lambda's own limit is 15 minutes. */
const INGEST_LEASE_MS = 16 * 60 * 1000;

/** The ingest function's composition root: real adapters, built once per execution environment. */
export const ingestDependencies = cachedByConfig(
  (config): IngestDependencies & { events: DatasetEvents | undefined; requeue: Requeue } => {
    const s3 = traced(createS3Client(config.s3Endpoint));
    const objects = createS3ObjectStore(s3);
    return {
      requeue: createSqsRequeue(traced(new SQSClient({}))),
      events: config.eventBusName
        ? createEventBridgeDatasetEvents(
            traced(createEventBridgeClient(config.eventsEndpoint)),
            config.eventBusName,
          )
        : undefined,
      objects,
      datasets: createDynamoDbDatasetStore(
        traced(createDocumentClient(config.dynamoDbEndpoint)),
        config.tableName,
      ),
      lineFiles: createS3ParquetLineFiles(s3, config.uploadsBucket),
      reader: createFileReader(KNOWN_FORMATS, config.inflation),
      mappings: createS3MappingProfiles(objects, config.referenceBucket),
      clock: systemClock,
      formats: KNOWN_FORMATS,
      territories: createS3TerritoryCatalog(objects, config.referenceBucket),
      settings: {
        territoryId: config.territoryId,
        rejectsBucket: config.uploadsBucket,
        maxRejectedRatio: config.maxRejectedRatio,
        leaseMs: INGEST_LEASE_MS,
        holderSplit: config.holderSplit,
      },
      onProgress: (progress) => ingestProgress.emit('progress', progress),
    };
  },
);
