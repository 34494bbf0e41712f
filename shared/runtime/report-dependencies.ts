import { createDocumentClient, createS3Client } from '../adapters/aws-clients.ts';
import { createDynamoDbDatasetStore } from '../adapters/dynamodb-dataset-store.ts';
import { createDynamoDbProfileStore } from '../adapters/dynamodb-profile-store.ts';
import { createDynamoDbRegistryState } from '../adapters/dynamodb-registry-state.ts';
import { createDynamoDbSurveyStore } from '../adapters/dynamodb-survey-store.ts';
import { loadFrenchGeography } from '../adapters/geography-files.ts';
import { createS3ObjectStore } from '../adapters/s3-object-store.ts';
import { createS3TerritoryCatalog } from '../adapters/s3-territory-catalog.ts';
import { DEFAULT_EXCLUSION_RULES } from '../domain/influenceable.ts';
import { systemClock } from '../ports/clock.ts';
import type { ReportDependencies } from '../use-cases/publish-report.ts';
import { cachedByConfig } from './cached-by-config.ts';
import { traced } from './observability/observability.ts';

/** The report function's composition root. */
export const reportDependencies = cachedByConfig(
  (
    config,
  ): ReportDependencies & {
    territoryId: string;
    language: 'fr' | 'en' | undefined;
  } => {
    const objects = createS3ObjectStore(traced(createS3Client(config.s3Endpoint)));
    const documents = traced(createDocumentClient(config.dynamoDbEndpoint));
    return {
      territoryId: config.territoryId,
      language: config.reportLanguage,
      objects,
      datasets: createDynamoDbDatasetStore(documents, config.tableName),
      territories: createS3TerritoryCatalog(objects, config.referenceBucket),
      profiles: createDynamoDbProfileStore(documents, config.tableName),
      registry: createDynamoDbRegistryState(documents, config.tableName),
      // Read only: the answers the anchors' surveys gathered, for the local multiplier's round 3.
      surveyAnswers: createDynamoDbSurveyStore(documents, config.tableName),
      geography: loadFrenchGeography(config.geographyDirectory),
      exclusionRules: DEFAULT_EXCLUSION_RULES,
      clock: systemClock,
      settings: { reportsBucket: config.reportsBucket },
    };
  },
);
