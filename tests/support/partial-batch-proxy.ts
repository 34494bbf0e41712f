/**
 * A loopback HTTP proxy in front of the DynamoDB emulator that records every operation and, on the
 * batch calls a rule picks, does what DynamoDB does when a partition is busy: it processes part of
 * the batch and hands the rest back as `UnprocessedItems` (BatchWriteItem) or `UnprocessedKeys`
 * (BatchGetItem). dynalite never does; the client's own retry code then runs for real.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Batch = Record<string, unknown[]>;
type KeysBatch = Record<string, { Keys: unknown[] } & Record<string, unknown>>;

export interface PartialBatchProxy {
  readonly endpoint: string;
  /** Each operation in the order it arrived (`Scan`, `BatchWriteItem`…), and whether it was cut. */
  readonly seen: { readonly operation: string; readonly cut: boolean }[];
  /** Whether to process only the first half of this batch call (`index` counts every request). */
  setRule(rule: (operation: string, index: number) => boolean): void;
  close(): Promise<void>;
}

/** Keeps the first half of each table's list (at least one), returns what is held back. */
function halve<T>(lists: Record<string, T[]>): Record<string, T[]> {
  const held: Record<string, T[]> = {};
  for (const [table, list] of Object.entries(lists)) {
    const kept = Math.max(1, Math.floor(list.length / 2));
    if (list.length > kept) held[table] = list.splice(kept);
  }
  return held;
}

export async function startPartialBatchProxy(target: string): Promise<PartialBatchProxy> {
  const upstream = new URL(target);
  const seen: { operation: string; cut: boolean }[] = [];
  let rule: (operation: string, index: number) => boolean = () => false;

  const server: Server = createServer((incoming, answer) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const operation = String(incoming.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const cut =
        (operation === 'BatchWriteItem' || operation === 'BatchGetItem') && rule(operation, seen.length);
      seen.push({ operation, cut });
      let body = Buffer.concat(chunks);
      let merge: (response: Record<string, unknown>) => void = () => {};
      if (cut) {
        const input = JSON.parse(body.toString('utf-8')) as { RequestItems: Batch | KeysBatch };
        if (operation === 'BatchWriteItem') {
          const held = halve(input.RequestItems as Batch);
          merge = (response) => {
            response.UnprocessedItems = held;
          };
        } else {
          const requests = input.RequestItems as KeysBatch;
          const held = halve(Object.fromEntries(Object.entries(requests).map(([t, r]) => [t, r.Keys])));
          merge = (response) => {
            response.UnprocessedKeys = Object.fromEntries(
              Object.entries(held).map(([table, keys]) => [table, { ...requests[table], Keys: keys }]),
            );
          };
        }
        body = Buffer.from(JSON.stringify(input));
      }
      const headers = { ...incoming.headers, 'content-length': String(body.length) };
      const forwarded = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers,
        },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (part: Buffer) => parts.push(part));
          response.on('end', () => {
            let text = Buffer.concat(parts).toString('utf-8');
            if (cut && response.statusCode === 200) {
              const json = JSON.parse(text) as Record<string, unknown>;
              merge(json);
              text = JSON.stringify(json);
            }
            // The body changed: dynalite's checksum of the original no longer holds.
            const { 'x-amz-crc32': _crc, 'content-length': _length, ...rest } = response.headers;
            answer.writeHead(response.statusCode ?? 500, {
              ...rest,
              'content-length': Buffer.byteLength(text),
            });
            answer.end(text);
          });
        },
      );
      forwarded.on('error', (error) => answer.destroy(error));
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    setRule(next) {
      rule = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
