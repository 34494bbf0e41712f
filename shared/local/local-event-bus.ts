import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http-helpers.ts';

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

/** EventBridge takes at most 256 KB of entries per PutEvents call. */
const MAX_PUT_EVENTS_BYTES = 256 * 1024;

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
 *
 * An event identical to one still waiting is not queued again: the rules' targets rebuild reports
 * from what is stored when they run, so the waiting one does the same work. Without it, each click
 * on "rebuild" queued four report builds of seconds each, and a script could queue hours of them.
 */
/** An entry's detail: a JSON object, as EventBridge requires, or undefined. */
function detailOf(text: unknown): Record<string, unknown> | undefined {
  try {
    const detail: unknown = JSON.parse(typeof text === 'string' ? text : '{}');
    return detail !== null && typeof detail === 'object' && !Array.isArray(detail)
      ? (detail as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export async function startLocalEventBus(
  deliver: (event: BusEvent) => Promise<void>,
): Promise<LocalEventBus> {
  let queue: Promise<void> = Promise.resolve();
  // Events waiting for delivery, by content: see `enqueue`.
  const waiting = new Set<string>();
  const enqueue = (event: BusEvent) => {
    const key = JSON.stringify([event.source, event.detailType, event.detail]);
    if (waiting.has(key)) return;
    waiting.add(key);
    queue = queue.then(() => {
      waiting.delete(key);
      return deliver(event).catch((error: unknown) => {
        process.stderr.write(
          `ancrage: the ${event.detailType} event could not be delivered: ${String(error)}\n`,
        );
      });
    });
  };
  const server = createServer(async (request, response) => {
    let body: string;
    try {
      body = (await readBody(request, MAX_PUT_EVENTS_BYTES)).toString('utf8');
    } catch {
      // Too large, or the connection dropped: answered as EventBridge answers a bad request.
      response.writeHead(413, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ __type: 'ValidationException' }));
      return;
    }
    if (request.method !== 'POST' || request.headers['x-amz-target'] !== PUT_EVENTS) {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ __type: 'UnknownOperationException' }));
      return;
    }
    let entries: unknown;
    try {
      entries = (JSON.parse(body) as { Entries?: unknown } | null)?.Entries;
    } catch {
      entries = undefined;
    }
    if (!Array.isArray(entries)) {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ __type: 'SerializationException' }));
      return;
    }
    // As EventBridge does, an entry whose detail is not a JSON object fails alone; the others are put.
    const results = entries.map((entry: PutEventsEntry) => {
      const detail = detailOf(entry?.Detail);
      if (detail === undefined) {
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
      }
      enqueue({ source: entry.Source ?? '', detailType: entry.DetailType ?? '', detail });
      return { EventId: randomUUID() };
    });
    const failed = results.filter((result) => 'ErrorCode' in result).length;
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(JSON.stringify({ FailedEntryCount: failed, Entries: results }));
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
