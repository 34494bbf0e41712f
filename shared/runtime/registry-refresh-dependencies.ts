import { createDocumentClient, createS3Client } from '../adapters/aws-clients.ts';
import { createDynamoDbDatasetStore } from '../adapters/dynamodb-dataset-store.ts';
import { createDynamoDbProfileStore } from '../adapters/dynamodb-profile-store.ts';
import { createDynamoDbRegistryState } from '../adapters/dynamodb-registry-state.ts';
import { createS3ObjectStore } from '../adapters/s3-object-store.ts';
import { createS3TerritoryCatalog } from '../adapters/s3-territory-catalog.ts';
import { openRegistryStockSource } from '../adapters/sirene-stock/open-stock-source.ts';
import { systemClock } from '../ports/clock.ts';
import type { RegistryRefreshDependencies } from '../use-cases/refresh-registry.ts';
import { cachedByConfig } from './cached-by-config.ts';
import { traced } from './observability/observability.ts';

/** The registry-refresh function's composition root. */
export const registryRefreshDependencies = cachedByConfig(
  (config): Omit<RegistryRefreshDependencies, 'timeLeftMs'> & { territoryId: string; stockBase: string } => {
    const documents = traced(createDocumentClient(config.dynamoDbEndpoint));
    return {
      territoryId: config.territoryId,
      stockBase: config.registryStockBase,
      openStock: (base) => openRegistryStockSource(base),
      datasets: createDynamoDbDatasetStore(documents, config.tableName),
      profiles: createDynamoDbProfileStore(documents, config.tableName),
      territories: createS3TerritoryCatalog(
        createS3ObjectStore(traced(createS3Client(config.s3Endpoint))),
        config.referenceBucket,
      ),
      state: createDynamoDbRegistryState(documents, config.tableName),
      clock: systemClock,
    };
  },
);
