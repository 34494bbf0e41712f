import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { createDocumentClient } from '../adapters/aws-clients.ts';
import { DEFAULT_TERRITORY_ID } from '../domain/territory/bundled-territories.ts';
import { ENV } from '../runtime/env.ts';
import { closeDynaliteIterators } from './dynalite-iterators.ts';
import { answeringLocalClientsOnly } from './local-clients-only.ts';
import { tableDefinition } from './table-definition.ts';
import { replacingObjectsWhole } from './whole-object-writes.ts';

export interface EmbeddedStack {
  /** The environment the functions read, pointing at the emulators. */
  readonly env: Readonly<Record<string, string>>;
  readonly buckets: { readonly uploads: string; readonly reports: string; readonly reference: string };
  readonly tableName: string;
  readonly s3Endpoint: string;
  readonly dynamoDbEndpoint: string;
  stop(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

function listen(server: Server): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve(server.address() as AddressInfo));
  });
}

/**
 * Starts in-process DynamoDB (dynalite) and S3 (s3rver) on random loopback ports, with the table and
 * buckets created: the same AWS SDK adapters then run against them over HTTP. No AWS account needed.
 */
export async function startEmbeddedStack(
  options: { territoryId?: string | undefined; stateDirectory?: string | undefined } = {},
): Promise<EmbeddedStack> {
  const buckets = { uploads: 'ancrage-uploads', reports: 'ancrage-reports', reference: 'ancrage-reference' };
  const tableName = 'ancrage';
  // With a state directory the stack persists between runs (a local workspace); otherwise it is
  // in memory and a temporary folder, gone when it stops.
  const persistent = options.stateDirectory !== undefined;
  const directory = options.stateDirectory
    ? join(options.stateDirectory, 's3')
    : await mkdtemp(join(tmpdir(), 'ancrage-s3-'));
  if (options.stateDirectory) await mkdir(join(options.stateDirectory, 'dynamodb'), { recursive: true });
  closeDynaliteIterators();
  const dynamo = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.stateDirectory ? { path: join(options.stateDirectory, 'dynamodb') } : {}),
  });
  const s3 = new S3rver({
    address: LOOPBACK,
    port: 0,
    silent: true,
    directory,
    configureBuckets: Object.values(buckets).map((name) => ({ name })),
  });
  replacingObjectsWhole(s3.store);
  const [dynamoAddress, s3Address] = await Promise.all([listen(dynamo), s3.run()]);
  answeringLocalClientsOnly(dynamo);
  answeringLocalClientsOnly(s3.httpServer);
  const dynamoDbEndpoint = `http://${LOOPBACK}:${dynamoAddress.port}`;
  const s3Endpoint = `http://${LOOPBACK}:${s3Address.port}`;
  const documents = createDocumentClient(dynamoDbEndpoint);
  try {
    await documents.send(new CreateTableCommand(tableDefinition(tableName)));
  } catch (error) {
    if (!(persistent && error instanceof ResourceInUseException)) throw error;
  } finally {
    documents.destroy();
  }

  return {
    env: {
      [ENV.tableName]: tableName,
      [ENV.uploadsBucket]: buckets.uploads,
      [ENV.reportsBucket]: buckets.reports,
      [ENV.referenceBucket]: buckets.reference,
      [ENV.territoryId]: options.territoryId ?? DEFAULT_TERRITORY_ID,
      [ENV.maxRejectedRatio]: '0.5',
      [ENV.holderSplit]: 'equal',
      [ENV.s3Endpoint]: s3Endpoint,
      [ENV.dynamoDbEndpoint]: dynamoDbEndpoint,
      // Where `ancrage serve` publishes the reports bucket's HTML reports.
      [ENV.reportsBaseUrl]: '/reports/',
    },
    buckets,
    tableName,
    s3Endpoint,
    dynamoDbEndpoint,
    async stop() {
      await Promise.all([s3.close(), new Promise<void>((resolve) => dynamo.close(() => resolve()))]);
      if (!persistent) await rm(directory, { recursive: true, force: true });
    },
  };
}
