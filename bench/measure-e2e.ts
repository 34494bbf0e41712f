import type { DatasetRecord } from '../shared/domain/dataset.ts';
import type { LocalPipeline } from '../shared/local/local-pipeline.ts';
import { BENCH_ANCHOR_ID } from './bench-constants.ts';
import type { DynamoDbRequestCounter, DynamoDbRequests } from './dynamodb-request-counter.ts';

export interface EndToEndIngest {
  readonly uploadMs: number;
  /** The ingest handler's run, from the S3 event to its answer. */
  readonly ms: number;
  /** CPU time during that run: this process (the handler) and the emulator process. */
  readonly handlerCpuMs: number;
  readonly emulatorCpuMs: number;
  readonly dataset: DatasetRecord;
  readonly requests: DynamoDbRequests;
}

/**
 * Uploads the file to the embedded S3 and sends its ObjectCreated event to the real ingest handler,
 * which streams it from S3 and writes lines and rollups to the embedded DynamoDB over HTTP.
 */
export async function measureEndToEndIngest(
  pipeline: LocalPipeline,
  counter: DynamoDbRequestCounter,
  path: string,
  emulatorCpuMs: () => number | undefined,
): Promise<EndToEndIngest> {
  const uploadStarted = performance.now();
  const location = await pipeline.upload({ path, anchorId: BENCH_ANCHOR_ID, kind: 'payments' });
  const uploadMs = performance.now() - uploadStarted;
  counter.take();
  const cpuBefore = process.cpuUsage();
  const emulatorBefore = emulatorCpuMs() ?? 0;
  const started = performance.now();
  const [outcome] = await pipeline.ingest(location);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const emulator = (emulatorCpuMs() ?? 0) - emulatorBefore;
  const requests = counter.take();
  if (outcome?.outcome !== 'ingested') {
    throw new Error(`the bench file was not ingested: ${outcome?.outcome} ${outcome?.dataset.message ?? ''}`);
  }
  return {
    uploadMs,
    ms,
    handlerCpuMs: (cpu.user + cpu.system) / 1000,
    emulatorCpuMs: emulator,
    dataset: outcome.dataset,
    requests,
  };
}
