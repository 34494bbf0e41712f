/**
 * A local HTTP server standing in for a company-search API: it replays the recorded answers under
 * `tests/fixtures/recorded/company-lookup/` and plays the faults a real provider has (429 with
 * Retry-After, 5xx, a request that never gets an answer).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

const RECORDED = new URL('../fixtures/recorded/company-lookup/', import.meta.url);

/** The text of a recorded answer, e.g. `recorded('api-sirene', 'siret-80000701500020.json')`. */
export const recorded = (provider: 'recherche-entreprises' | 'api-sirene', file: string): string =>
  readFileSync(new URL(`${provider}/${file}`, RECORDED), 'utf8');

export type Reply =
  | { readonly status: number; readonly body?: string; readonly headers?: Readonly<Record<string, string>> }
  | 'hang';

export interface ReceivedRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** How many requests this path (query included) received before, this one excluded. */
  readonly before: number;
}

export interface LookupServer {
  readonly url: string;
  readonly received: readonly ReceivedRequest[];
  close(): Promise<void>;
}

export async function startLookupServer(reply: (request: ReceivedRequest) => Reply): Promise<LookupServer> {
  const received: ReceivedRequest[] = [];
  const counts = new Map<string, number>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const key = `${url.pathname}${url.search}`;
    const before = counts.get(key) ?? 0;
    counts.set(key, before + 1);
    const seen = { path: url.pathname, query: url.searchParams, headers: request.headers, before };
    received.push(seen);
    const answer = reply(seen);
    if (answer === 'hang') return; // never answered: the client's timeout must end it
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on any more: connecting to it is refused at once. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
