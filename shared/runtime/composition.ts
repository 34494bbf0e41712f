import { createDocumentClient, createS3Client } from '../adapters/aws-clients.ts';
import { createDynamoDbDatasetStore } from '../adapters/dynamodb-dataset-store.ts';
import { createDynamoDbProfileStore } from '../adapters/dynamodb-profile-store.ts';
import { createFileReader } from '../adapters/file-reader.ts';
import { loadFrenchGeography } from '../adapters/geography-files.ts';
import { createS3MappingProfiles } from '../adapters/s3-mapping-profiles.ts';
import { createS3ObjectStore } from '../adapters/s3-object-store.ts';
import { createS3TerritoryCatalog } from '../adapters/s3-territory-catalog.ts';
import { KNOWN_FORMATS } from '../domain/formats/known-formats.ts';
import { DEFAULT_EXCLUSION_RULES } from '../domain/influenceable.ts';
import { systemClock } from '../ports/clock.ts';
import type { IngestDependencies } from '../use-cases/ingest-dataset.ts';
import type { FactsDependencies } from '../use-cases/load-facts.ts';
import type { ReportDependencies } from '../use-cases/publish-report.ts';
import { type RuntimeConfig, readRuntimeConfig } from './env.ts';
import { ingestProgress } from './progress.ts';

/** A crashed ingest's claim expires after this; Lambda's own limit is 15 minutes. */
const INGEST_LEASE_MS = 16 * 60 * 1000;

export interface Dependencies {
  readonly config: RuntimeConfig;
  readonly ingest: IngestDependencies;
  readonly report: ReportDependencies;
  readonly registry: FactsDependencies;
}

/** The composition root: real adapters, built once per execution environment. */
export function createDependencies(config: RuntimeConfig): Dependencies {
  const objects = createS3ObjectStore(createS3Client(config.s3Endpoint));
  const documents = createDocumentClient(config.dynamoDbEndpoint);
  const datasets = createDynamoDbDatasetStore(documents, config.tableName);
  const profiles = createDynamoDbProfileStore(documents, config.tableName);
  const reader = createFileReader(KNOWN_FORMATS);
  return {
    config,
    ingest: {
      objects,
      datasets,
      reader,
      mappings: createS3MappingProfiles(objects, config.referenceBucket),
      clock: systemClock,
      formats: KNOWN_FORMATS,
      settings: {
        rejectsBucket: config.uploadsBucket,
        maxRejectedRatio: config.maxRejectedRatio,
        leaseMs: INGEST_LEASE_MS,
        holderSplit: config.holderSplit,
      },
      onProgress: (progress) => ingestProgress.emit('progress', progress),
    },
    report: {
      objects,
      datasets,
      territories: createS3TerritoryCatalog(objects, config.referenceBucket),
      profiles,
      geography: loadFrenchGeography(config.geographyDirectory),
      exclusionRules: DEFAULT_EXCLUSION_RULES,
      clock: systemClock,
      settings: { reportsBucket: config.reportsBucket },
    },
    registry: {
      objects,
      profiles,
      reader,
      clock: systemClock,
      onProgress: (progress) => ingestProgress.emit('progress', progress),
    },
  };
}

let cached: { readonly signature: string; readonly dependencies: Dependencies } | undefined;

/**
 * Built on first use rather than at import, so tests and the local stack can set the environment
 * first; rebuilt only if the configuration changes (a test starting a second embedded stack).
 */
export function dependencies(env: NodeJS.ProcessEnv = process.env): Dependencies {
  const config = readRuntimeConfig(env);
  const signature = JSON.stringify(config);
  if (cached?.signature !== signature) cached = { signature, dependencies: createDependencies(config) };
  return cached.dependencies;
}
