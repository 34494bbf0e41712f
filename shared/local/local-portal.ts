import { createDocumentClient, createS3Client } from '../adapters/aws-clients.ts';
import { createDynamoDbDatasetStore } from '../adapters/dynamodb-dataset-store.ts';
import { ENV } from '../contracts/environment.ts';
import type { ObjectLocation } from '../domain/dataset.ts';
import { BUNDLED_TERRITORIES, DEFAULT_TERRITORY_ID } from '../domain/territory/bundled-territories.ts';
import { startEmbeddedStack } from './embedded-stack.ts';
import { deliverToRules } from './event-rules.ts';
import { startLocalEventBus } from './local-event-bus.ts';
import { LocalPipeline } from './local-pipeline.ts';
import { startPortalServer } from './portal-server.ts';
import { SAMPLE_DATASETS } from './samples.ts';

export interface LocalPortalOptions {
  readonly port: number;
  /** Keeps datasets, corrections and reports between runs; in memory otherwise. */
  readonly stateDirectory: string | undefined;
  readonly staticDir: string | undefined;
  readonly territoryId?: string | undefined;
  /** Progress lines while the sample data loads. */
  readonly log?: (line: string) => void;
}

export interface LocalPortal {
  readonly url: string;
  /** Resolves once every upload so far is ingested and every report it triggered is rebuilt. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `ancrage serve`: the embedded stack, a local event bus playing the app stack's rules (an ingested
 * dataset rebuilds its reports, a rebuild request too), the bundled sample data loaded as `demo`
 * loads it, and the portal server in front. Everything a deployed stack does, on loopback.
 */
export async function startLocalPortal(options: LocalPortalOptions): Promise<LocalPortal> {
  const log = options.log ?? (() => undefined);
  const territoryId = options.territoryId ?? DEFAULT_TERRITORY_ID;
  const territory = BUNDLED_TERRITORIES.get(territoryId);
  if (!territory) throw new Error(`"${territoryId}" is not a bundled territory`);
  const stack = await startEmbeddedStack({ territoryId, stateDirectory: options.stateDirectory });
  const bus = await startLocalEventBus(deliverToRules);
  const pipeline = new LocalPipeline(stack);
  Object.assign(process.env, { [ENV.eventBusName]: bus.busName, [ENV.eventsEndpoint]: bus.endpoint });
  const s3 = createS3Client(stack.s3Endpoint);
  const documents = createDocumentClient(stack.dynamoDbEndpoint);
  const datasets = createDynamoDbDatasetStore(documents, stack.tableName);

  // S3 delivers one event per object, and ingest takes them one at a time (the queue's concurrency).
  let ingests: Promise<void> = Promise.resolve();
  const uploaded = (location: ObjectLocation) => {
    ingests = ingests.then(async () => {
      try {
        await pipeline.ingest(location);
      } catch (error) {
        process.stderr.write(`ancrage serve: ${location.key} could not be ingested: ${String(error)}\n`);
      }
    });
  };

  try {
    for (const sample of SAMPLE_DATASETS) {
      // A persistent state keeps what an earlier run loaded: load the samples once only.
      if ((await datasets.listDatasets({ anchorId: sample.anchorId })).length > 0) continue;
      log(`loading the sample ${sample.kind} of ${sample.anchorName}…`);
      // Its registry extract first, as `npm start` does: the report the ingest triggers then shows
      // head offices, types and sizes.
      for (const registry of sample.registries) await pipeline.loadFacts(registry);
      const location = await pipeline.upload({
        path: sample.path,
        anchorId: sample.anchorId,
        kind: sample.kind,
      });
      await pipeline.ingest(location);
    }
    await bus.idle();
  } catch (error) {
    await bus.stop();
    await stack.stop();
    throw error;
  }

  const anchors = [
    ...territory.anchors.map(({ id, name }) => ({ id, name })),
    ...SAMPLE_DATASETS.map((sample) => ({ id: sample.anchorId, name: sample.anchorName })),
  ];
  const server = await startPortalServer({
    stack,
    s3,
    port: options.port,
    staticDir: options.staticDir,
    anchors,
    uploaded,
  });
  const idle = async () => {
    let seen: Promise<void> | undefined;
    while (seen !== ingests) {
      seen = ingests;
      await seen;
    }
    await bus.idle();
  };
  return {
    url: server.url,
    idle,
    async stop() {
      await server.stop();
      await idle();
      await bus.stop();
      pipeline.close();
      s3.destroy();
      documents.destroy();
      await stack.stop();
      delete process.env[ENV.eventBusName];
      delete process.env[ENV.eventsEndpoint];
    },
  };
}
