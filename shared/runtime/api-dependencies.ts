import { createDocumentClient, createEventBridgeClient, createS3Client } from '../adapters/aws-clients.ts';
import { createDynamoDbDatasetStore } from '../adapters/dynamodb-dataset-store.ts';
import { createDynamoDbProfileStore } from '../adapters/dynamodb-profile-store.ts';
import { createDynamoDbSurveyStore } from '../adapters/dynamodb-survey-store.ts';
import { createEventBridgeReportRebuilds } from '../adapters/eventbridge-report-rebuilds.ts';
import { loadFrenchGeography } from '../adapters/geography-files.ts';
import { createS3MappingProfiles } from '../adapters/s3-mapping-profiles.ts';
import { createS3ObjectStore } from '../adapters/s3-object-store.ts';
import { createS3ParquetLineFiles } from '../adapters/s3-parquet-line-files.ts';
import { createS3TerritoryCatalog } from '../adapters/s3-territory-catalog.ts';
import { createS3UploadSigner } from '../adapters/s3-upload-signer.ts';
import { createSesClient, createSesSurveyMailer } from '../adapters/ses-survey-mailer.ts';
import { systemClock } from '../ports/clock.ts';
import type { ApiDependencies } from './api/request.ts';
import { cachedByConfig } from './cached-by-config.ts';
import { traced } from './observability/observability.ts';

/** Presigned forms live 15 minutes at most. */
const UPLOAD_EXPIRY_SECONDS = 15 * 60;

/** The API function's composition root. */
export const apiDependencies = cachedByConfig((config): ApiDependencies => {
  const s3 = traced(createS3Client(config.s3Endpoint));
  const documents = traced(createDocumentClient(config.dynamoDbEndpoint));
  const objects = createS3ObjectStore(s3);
  if (!config.reportsBaseUrl) {
    throw new Error('invalid function configuration: REPORTS_BASE_URL is needed to link to the reports');
  }
  return {
    datasets: createDynamoDbDatasetStore(documents, config.tableName),
    lineFiles: createS3ParquetLineFiles(s3, config.uploadsBucket),
    objects,
    profiles: createDynamoDbProfileStore(documents, config.tableName),
    mappings: createS3MappingProfiles(objects, config.referenceBucket),
    territories: createS3TerritoryCatalog(objects, config.referenceBucket),
    signer: createS3UploadSigner(s3),
    rebuilds: config.eventBusName
      ? createEventBridgeReportRebuilds(
          traced(createEventBridgeClient(config.eventsEndpoint)),
          config.eventBusName,
        )
      : undefined,
    surveys: createDynamoDbSurveyStore(documents, config.tableName),
    // Each table is read on first use: only the survey candidates' page reads them.
    geography: loadFrenchGeography(config.geographyDirectory),
    mailer: config.surveySender
      ? createSesSurveyMailer(async () => traced(await createSesClient(undefined)), config.surveySender)
      : undefined,
    clock: systemClock,
    settings: {
      uploadsBucket: config.uploadsBucket,
      reportsBucket: config.reportsBucket,
      territoryId: config.territoryId,
      reportsBaseUrl: config.reportsBaseUrl,
      maxUploadBytes: config.maxUploadMb * 1024 * 1024,
      uploadExpirySeconds: UPLOAD_EXPIRY_SECONDS,
    },
  };
});
