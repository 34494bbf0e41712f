import { createDocumentClient, createS3Client } from '../adapters/aws-clients.ts';
import { createDynamoDbDatasetStore } from '../adapters/dynamodb-dataset-store.ts';
import { createDynamoDbProfileStore } from '../adapters/dynamodb-profile-store.ts';
import { createS3ObjectStore } from '../adapters/s3-object-store.ts';
import { createS3UploadSigner } from '../adapters/s3-upload-signer.ts';
import { systemClock } from '../ports/clock.ts';
import type { ApiDependencies } from './api/routes.ts';
import { cachedByConfig } from './cached-by-config.ts';

/** Presigned forms live 15 minutes at most. */
const UPLOAD_EXPIRY_SECONDS = 15 * 60;

/** The API function's composition root. */
export const apiDependencies = cachedByConfig((config): ApiDependencies => {
  const s3 = createS3Client(config.s3Endpoint);
  const documents = createDocumentClient(config.dynamoDbEndpoint);
  return {
    datasets: createDynamoDbDatasetStore(documents, config.tableName),
    objects: createS3ObjectStore(s3),
    profiles: createDynamoDbProfileStore(documents, config.tableName),
    signer: createS3UploadSigner(s3),
    clock: systemClock,
    settings: {
      uploadsBucket: config.uploadsBucket,
      reportsBucket: config.reportsBucket,
      maxUploadBytes: config.maxUploadMb * 1024 * 1024,
      uploadExpirySeconds: UPLOAD_EXPIRY_SECONDS,
    },
  };
});
