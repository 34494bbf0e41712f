import { tracingChannel } from 'node:diagnostics_channel';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createS3Client } from '../adapters/aws-clients.ts';
import { createDynamoDbDatasetStore } from '../adapters/dynamodb-dataset-store.ts';
import { mappingProfileKey } from '../adapters/s3-mapping-profiles.ts';
import { territoryKey } from '../contracts/table.ts';
import type { DatasetRecord, ObjectLocation } from '../domain/dataset.ts';
import type { DatasetKind } from '../domain/dataset-kind.ts';
import type { MappingProfile } from '../domain/formats/mapping-profile.ts';
import type { LookupRun } from '../domain/registry/registry-status.ts';
import type { Territory } from '../domain/territory/territory.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';
import { encodeS3EventKey } from '../runtime/events/s3-notifications.ts';
import { type IngestOutcome, UPLOAD_METADATA } from '../use-cases/ingest-dataset.ts';
import type { FactsOutcome } from '../use-cases/load-facts.ts';
import type { ReportOutcome, ReportRequest } from '../use-cases/publish-report.ts';
import type { RegistryRefreshOutcome } from '../use-cases/refresh-registry.ts';
import type { EmbeddedStack } from './embedded-stack.ts';
import { localLambdaContext } from './lambda-context.ts';

export interface UploadRequest {
  readonly path: string;
  readonly anchorId: string;
  readonly kind?: DatasetKind | undefined;
  readonly mappingProfileId?: string | undefined;
  /** The file's place among files given together: they then never share a key. */
  readonly order?: number | undefined;
}

let uploads = 0;

/** Like S3's event sequencer: a hex value that grows with each upload, fixed for one upload's events. */
export function nextSequencer(): string {
  uploads += 1;
  return `${Date.now().toString(16).toUpperCase()}${uploads.toString(16).toUpperCase().padStart(6, '0')}`;
}

/** An S3 ObjectCreated notification as S3 sends it: keys URL-encoded with "+" for spaces. */
export function objectCreatedEvent(location: ObjectLocation) {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-west-3',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'local' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'local', 'x-amz-id-2': 'local' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'local-uploads',
          bucket: {
            name: location.bucket,
            ownerIdentity: { principalId: 'local' },
            arn: `arn:aws:s3:::${location.bucket}`,
          },
          object: {
            key: encodeS3EventKey(location.key),
            ...(location.eTag ? { eTag: location.eTag } : {}),
            ...(location.versionId ? { versionId: location.versionId } : {}),
            ...(location.sequencer ? { sequencer: location.sequencer } : {}),
          },
        },
      },
    ],
  };
}

/** The steps a run goes through, by name: what the pipeline's tracing channel reports. */
type PipelineStep = 'upload' | 'ingest' | 'report' | 'lookUpSuppliers' | 'download';

/**
 * Each step of a local run is published on this tracing channel (`tracing:ancrage:local-pipeline:start`,
 * `…:asyncEnd`, `…:error`, with `{ step }`): what the bench times an `analyze` by, from outside the
 * CLI and whether it runs bundled or not. Nothing is published while nobody subscribes.
 */
const PIPELINE_STEPS_CHANNEL = 'ancrage:local-pipeline';
const pipelineSteps = tracingChannel<unknown, { step: PipelineStep }>(PIPELINE_STEPS_CHANNEL);
const traced = <T>(step: PipelineStep, run: () => Promise<T>): Promise<T> =>
  pipelineSteps.tracePromise(run, { step });

/**
 * Drives the real Lambda handlers in-process against an embedded stack: upload a file, send the S3
 * event to the ingest handler, invoke the report handler, copy the report out.
 */
export class LocalPipeline {
  private readonly s3: S3Client;
  private readonly documents: DynamoDBDocumentClient;
  private readonly datasets: DatasetStore;

  constructor(readonly stack: EmbeddedStack) {
    this.s3 = createS3Client(stack.s3Endpoint);
    this.documents = createDocumentClient(stack.dynamoDbEndpoint);
    this.datasets = createDynamoDbDatasetStore(this.documents, stack.tableName);
    // The handlers read their configuration from the environment, as in Lambda.
    Object.assign(process.env, stack.env);
  }

  async putTerritory(territory: Territory): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.stack.buckets.reference,
        Key: territoryKey(territory.id),
        Body: JSON.stringify(territory),
        ContentType: 'application/json',
      }),
    );
  }

  async putMappingProfile(anchorId: string, profile: MappingProfile): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.stack.buckets.reference,
        Key: mappingProfileKey(anchorId, profile.id),
        Body: JSON.stringify(profile),
        ContentType: 'application/json',
      }),
    );
  }

  /** Streams the file into the uploads bucket under the anchor's prefix. */
  upload(request: UploadRequest): Promise<ObjectLocation> {
    return traced('upload', () => this.putUpload(request));
  }

  private async putUpload(request: UploadRequest): Promise<ObjectLocation> {
    // Files given together are kept apart, in the order given: the first of two identical ones counts.
    const folder = request.order === undefined ? '' : `${String(request.order).padStart(4, '0')}/`;
    const key = `uploads/${request.anchorId}/${folder}${basename(request.path)}`;
    const { size } = await stat(request.path);
    const response = await this.s3.send(
      new PutObjectCommand({
        Bucket: this.stack.buckets.uploads,
        Key: key,
        Body: createReadStream(request.path),
        ContentLength: size,
        Metadata: {
          [UPLOAD_METADATA.anchor]: request.anchorId,
          ...(request.kind ? { [UPLOAD_METADATA.kind]: request.kind } : {}),
          ...(request.mappingProfileId ? { [UPLOAD_METADATA.mapping]: request.mappingProfileId } : {}),
        },
      }),
    );
    return {
      bucket: this.stack.buckets.uploads,
      key,
      ...(response.ETag ? { eTag: response.ETag } : {}),
      sequencer: nextSequencer(),
    };
  }

  ingest(location: ObjectLocation): Promise<IngestOutcome[]> {
    return traced('ingest', async () => {
      const { handler } = await import('../../functions/ingest/handler.ts');
      const result = await handler(objectCreatedEvent(location), localLambdaContext('ingest'));
      if (!('outcomes' in result)) throw new Error('the ingest handler answered an S3 event as an SQS batch');
      return result.outcomes;
    });
  }

  report(request: Omit<ReportRequest, 'territoryId'> & { territoryId?: string }): Promise<ReportOutcome> {
    return traced('report', async () => {
      const { handler } = await import('../../functions/report/handler.ts');
      return handler(request, localLambdaContext('report'));
    });
  }

  /**
   * Puts a facts file in the reference bucket (a SIRENE file under `registry/`, a supplier directory
   * under `directories/<anchorId>/`) and sends its event to the registry-load handler.
   */
  async loadFacts(path: string, directoryOf?: string): Promise<FactsOutcome[]> {
    const key = directoryOf ? `directories/${directoryOf}/${basename(path)}` : `registry/${basename(path)}`;
    const { size } = await stat(path);
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.stack.buckets.reference,
        Key: key,
        Body: createReadStream(path),
        ContentLength: size,
      }),
    );
    const { handler } = await import('../../functions/registry-load/handler.ts');
    const location = { bucket: this.stack.buckets.reference, key, sequencer: nextSequencer() };
    const result = await handler(objectCreatedEvent(location), localLambdaContext('registry-load'));
    if (!('outcomes' in result))
      throw new Error('the registry-load handler answered an S3 event as an SQS batch');
    return result.outcomes;
  }

  /**
   * Sends the registry-refresh handler the request the monthly schedule sends in AWS, again and again
   * while it answers that it stopped at a checkpoint (what the state machine does there).
   */
  async refreshRegistry(request: { base: string; force?: boolean }): Promise<RegistryRefreshOutcome> {
    const { handler } = await import('../../functions/registry-refresh/handler.ts');
    for (;;) {
      const { again, ...outcome } = await handler(request, localLambdaContext('registry-refresh'));
      if (!again) return outcome;
    }
  }

  /** What EventBridge does after an ingest in AWS: the company-lookup handler asks about unknown suppliers. */
  lookUpSuppliers(): Promise<LookupRun | undefined> {
    return traced('lookUpSuppliers', async () => {
      const { handler } = await import('../../functions/company-lookup/handler.ts');
      const run = await handler({}, localLambdaContext('company-lookup'));
      return 'asked' in run ? run : undefined;
    });
  }

  /** Copies every object under a prefix of the reports bucket into a folder. */
  download(prefix: string, outDir: string): Promise<string[]> {
    return traced('download', () => this.copyReports(prefix, outDir));
  }

  private async copyReports(prefix: string, outDir: string): Promise<string[]> {
    const listed = await this.s3.send(
      new ListObjectsV2Command({ Bucket: this.stack.buckets.reports, Prefix: prefix }),
    );
    const written: string[] = [];
    for (const object of listed.Contents ?? []) {
      if (!object.Key) continue;
      const target = join(outDir, object.Key.slice(prefix.length));
      await mkdir(dirname(target), { recursive: true });
      const response = await this.s3.send(
        new GetObjectCommand({ Bucket: this.stack.buckets.reports, Key: object.Key }),
      );
      if (!response.Body) continue;
      await pipeline(response.Body as NodeJS.ReadableStream, createWriteStream(target));
      written.push(target);
    }
    return written;
  }

  async readObject(bucket: string, key: string): Promise<string> {
    const response = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return response.Body ? response.Body.transformToString('utf-8') : '';
  }

  /** A dataset as it stands now: a later file may have superseded it since it was ingested. */
  async dataset(datasetId: string): Promise<DatasetRecord | undefined> {
    return this.datasets.getDataset(datasetId);
  }

  close(): void {
    this.s3.destroy();
    this.documents.destroy();
  }
}
