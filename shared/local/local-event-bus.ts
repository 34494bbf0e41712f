import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One event as a rule sees it. */
export interface BusEvent {
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
}

export interface LocalEventBus {
  /** For the functions' EventBridge client (`ANCRAGE_EVENTS_ENDPOINT`). */
  readonly endpoint: string;
  readonly busName: string;
  /** Resolves once every event received so far has been delivered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const PUT_EVENTS = 'AWSEvents.PutEvents';

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface PutEventsEntry {
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
}

/**
 * Stands in for EventBridge under `ancrage serve`: answers PutEvents on loopback as the real service
 * does and hands each event to `deliver`, one at a time and in order, after answering — as the bus
 * invokes a rule's target asynchronously. A delivery that fails is logged, like a target's failure
 * going to its dead-letter queue; it does not stop the next.
 */
export async function startLocalEventBus(
  deliver: (event: BusEvent) => Promise<void>,
): Promise<LocalEventBus> {
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (event: BusEvent) => {
    queue = queue.then(() =>
      deliver(event).catch((error: unknown) => {
        process.stderr.write(
          `ancrage: the ${event.detailType} event could not be delivered: ${String(error)}\n`,
        );
      }),
    );
  };
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    if (request.method !== 'POST' || request.headers['x-amz-target'] !== PUT_EVENTS) {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ __type: 'UnknownOperationException' }));
      return;
    }
    let entries: PutEventsEntry[];
    try {
      entries = (JSON.parse(body) as { Entries?: PutEventsEntry[] }).Entries ?? [];
    } catch {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ __type: 'SerializationException' }));
      return;
    }
    for (const entry of entries) {
      enqueue({
        source: entry.Source ?? '',
        detailType: entry.DetailType ?? '',
        detail: JSON.parse(entry.Detail ?? '{}'),
      });
    }
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(
      JSON.stringify({ FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: randomUUID() })) }),
    );
  });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address() as AddressInfo));
  });
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    busName: 'local',
    async idle() {
      // Deliveries may enqueue more events (ingest → report): wait until the chain stops growing.
      let seen: Promise<void> | undefined;
      while (seen !== queue) {
        seen = queue;
        await seen;
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
