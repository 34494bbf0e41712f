import { createDocumentClient, createS3Client } from '../adapters/aws-clients.ts';
import { createDynamoDbProfileStore } from '../adapters/dynamodb-profile-store.ts';
import { createFileReader } from '../adapters/file-reader.ts';
import { createS3ObjectStore } from '../adapters/s3-object-store.ts';
import { KNOWN_FORMATS } from '../domain/formats/known-formats.ts';
import { systemClock } from '../ports/clock.ts';
import type { ProfileStore } from '../ports/profile-store.ts';
import type { FactsDependencies } from '../use-cases/load-facts.ts';
import { cachedByConfig } from './cached-by-config.ts';
import { traced } from './observability/observability.ts';
import { ingestProgress } from './progress.ts';

/** The registry-load function's composition root (SIRENE files, supplier directories, overrides). */
export const registryDependencies = cachedByConfig(
  (config): FactsDependencies & { readonly profiles: ProfileStore } => ({
    objects: createS3ObjectStore(traced(createS3Client(config.s3Endpoint))),
    profiles: createDynamoDbProfileStore(
      traced(createDocumentClient(config.dynamoDbEndpoint)),
      config.tableName,
    ),
    reader: createFileReader(KNOWN_FORMATS, config.inflation),
    clock: systemClock,
    onProgress: (progress) => ingestProgress.emit('progress', progress),
  }),
);
