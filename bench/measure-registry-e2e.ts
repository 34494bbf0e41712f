import type { LocalPipeline } from '../shared/local/local-pipeline.ts';
import type { DynamoDbRequestCounter, DynamoDbRequests } from './dynamodb-request-counter.ts';

export interface RegistryEndToEnd {
  readonly rows: number;
  readonly ms: number;
  readonly requests: DynamoDbRequests;
}

/**
 * Puts SIRENE files in the embedded reference bucket and sends each one's event to the real
 * registry-load handler, which writes the facts to the embedded DynamoDB.
 */
export async function measureRegistryEndToEnd(
  pipeline: LocalPipeline,
  counter: DynamoDbRequestCounter,
  paths: readonly string[],
): Promise<RegistryEndToEnd> {
  counter.take();
  const started = performance.now();
  let rows = 0;
  for (const path of paths) {
    const [outcome] = await pipeline.loadFacts(path);
    if (!outcome?.loaded)
      throw new Error(`${path} was not loaded: ${outcome ? outcome.reason : 'no outcome'}`);
    rows += outcome.rows;
  }
  return { rows, ms: performance.now() - started, requests: counter.take() };
}
