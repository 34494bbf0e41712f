import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'BatchWriteItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems']);

export interface DynamoDbRequests {
  readonly total: number;
  readonly reads: number;
  readonly writes: number;
  readonly byOperation: Readonly<Record<string, number>>;
}

/**
 * Counts the HTTP requests this process sends to DynamoDB, by operation, from Node's own
 * `http.client.request.start` diagnostics channel: every request the SDK really sends (retries
 * included) carries `X-Amz-Target: DynamoDB_20120810.<Operation>`, and S3 requests carry none. Exact,
 * and it needs no access to the clients the handlers build for themselves.
 */
export function countDynamoDbRequests() {
  let counts = new Map<string, number>();
  const listener = (message: unknown) => {
    const target = (message as { request: ClientRequest }).request.getHeader('x-amz-target');
    if (typeof target !== 'string' || !target.startsWith('DynamoDB_')) return;
    const operation = target.slice(target.indexOf('.') + 1);
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
  };
  subscribe('http.client.request.start', listener);
  return {
    /** The counts since the last reset, then starts again from zero. */
    take(): DynamoDbRequests {
      const byOperation = Object.fromEntries(counts);
      counts = new Map();
      const sum = (operations: ReadonlySet<string>) =>
        Object.entries(byOperation).reduce(
          (total, [name, count]) => total + (operations.has(name) ? count : 0),
          0,
        );
      return {
        total: Object.values(byOperation).reduce((total, count) => total + count, 0),
        reads: sum(READS),
        writes: sum(WRITES),
        byOperation,
      };
    },
    stop(): void {
      unsubscribe('http.client.request.start', listener);
    },
  };
}

export type DynamoDbRequestCounter = ReturnType<typeof countDynamoDbRequests>;
