/**
 * The functions' dependencies built by hand from the real adapters, so a suite can give them a clock
 * it controls and clients it breaks, and point them at a table or bucket of its own.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoDbDatasetStore } from '../../../shared/adapters/dynamodb-dataset-store.ts';
import { createDynamoDbProfileStore } from '../../../shared/adapters/dynamodb-profile-store.ts';
import { createFileReader } from '../../../shared/adapters/file-reader.ts';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import { createS3MappingProfiles } from '../../../shared/adapters/s3-mapping-profiles.ts';
import { createS3ObjectStore } from '../../../shared/adapters/s3-object-store.ts';
import { createS3ParquetLineFiles } from '../../../shared/adapters/s3-parquet-line-files.ts';
import { createS3TerritoryCatalog } from '../../../shared/adapters/s3-territory-catalog.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import type { FrenchGeography } from '../../../shared/domain/geography/french-geography.ts';
import { DEFAULT_EXCLUSION_RULES } from '../../../shared/domain/influenceable.ts';
import { DEFAULT_TERRITORY_ID } from '../../../shared/domain/territory/bundled-territories.ts';
import { tableDefinition } from '../../../shared/local/table-definition.ts';
import type { Clock } from '../../../shared/ports/clock.ts';
import type { IngestDependencies } from '../../../shared/use-cases/ingest-dataset.ts';
import type { FactsDependencies } from '../../../shared/use-cases/load-facts.ts';
import type { ReportDependencies } from '../../../shared/use-cases/publish-report.ts';

/** A clock that stands still until told to move: leases expire when the test says so. */
export class ManualClock implements Clock {
  constructor(private millis = Date.UTC(2025, 5, 2, 9, 0)) {}

  now(): Date {
    return new Date(this.millis);
  }

  advance(ms: number): void {
    this.millis += ms;
  }
}

export const LEASE_MS = 15 * 60_000;

export async function createTable(documents: DynamoDBDocumentClient, tableName: string): Promise<void> {
  await documents.send(new CreateTableCommand(tableDefinition(tableName)));
}

export async function createBucket(s3: S3Client, bucket: string): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
}

export interface Clients {
  readonly documents: DynamoDBDocumentClient;
  readonly s3: S3Client;
}

export function ingestDepsOf(
  clients: Clients,
  where: { tableName: string; rejectsBucket: string; referenceBucket: string },
  clock: Clock,
  territoryId = DEFAULT_TERRITORY_ID,
): IngestDependencies {
  const objects = createS3ObjectStore(clients.s3);
  return {
    objects,
    datasets: createDynamoDbDatasetStore(clients.documents, where.tableName),
    lineFiles: createS3ParquetLineFiles(clients.s3, where.rejectsBucket),
    reader: createFileReader(KNOWN_FORMATS),
    mappings: createS3MappingProfiles(objects, where.referenceBucket),
    clock,
    formats: KNOWN_FORMATS,
    territories: createS3TerritoryCatalog(objects, where.referenceBucket),
    settings: {
      territoryId,
      rejectsBucket: where.rejectsBucket,
      maxRejectedRatio: 0.5,
      leaseMs: LEASE_MS,
      holderSplit: 'equal',
    },
  };
}

export function factsDepsOf(clients: Clients, tableName: string, clock: Clock): FactsDependencies {
  return {
    objects: createS3ObjectStore(clients.s3),
    profiles: createDynamoDbProfileStore(clients.documents, tableName),
    reader: createFileReader(KNOWN_FORMATS),
    clock,
  };
}

let geography: FrenchGeography | undefined;

export function reportDepsOf(
  clients: Clients,
  where: { tableName: string; reportsBucket: string; referenceBucket: string },
  clock: Clock,
): ReportDependencies {
  const objects = createS3ObjectStore(clients.s3);
  geography ??= loadFrenchGeography();
  return {
    objects,
    datasets: createDynamoDbDatasetStore(clients.documents, where.tableName),
    territories: createS3TerritoryCatalog(objects, where.referenceBucket),
    profiles: createDynamoDbProfileStore(clients.documents, where.tableName),
    geography,
    exclusionRules: DEFAULT_EXCLUSION_RULES,
    clock,
    settings: { reportsBucket: where.reportsBucket },
  };
}
