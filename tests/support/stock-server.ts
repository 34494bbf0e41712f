/**
 * An in-process HTTP file server for the stock readers: HEAD, GET, single `Range` requests (206 with
 * Content-Range), ETag / If-Match (412), Last-Modified, 404 — and faults a real server or network
 * produces now and then, injected per file.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface StockServerFaults {
  /** Answer the first `times` requests for the file 429 with this `Retry-After`. */
  readonly tooManyRequests?: { readonly times: number; readonly retryAfter: string };
  /** Answer the first `times` requests for the file 500. */
  readonly serverErrors?: number;
  /** Refuse HEAD (405), as some CDNs and presigned URLs do. */
  readonly refuseHead?: boolean;
  /** Send the full Content-Length but drop the connection after this many body bytes of a GET. */
  readonly cutAfterBytes?: number;
  /** From this request on (1-based, counting all requests for the file), the file has a new ETag. */
  readonly newVersionFromRequest?: number;
  /** Wait this long before answering each request. */
  readonly delayMs?: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly name: string;
  readonly range: string | undefined;
  readonly ifMatch: string | undefined;
}

interface Served {
  bytes: Uint8Array;
  faults: StockServerFaults;
  requests: number;
}

export interface StockServer {
  /** The base URL, to which file names are appended (no trailing slash). */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Serves (or replaces) a file, with the faults it should show. */
  setFile(name: string, bytes: Uint8Array, faults?: StockServerFaults): void;
  close(): Promise<void>;
}

const LAST_MODIFIED = new Date('2025-02-01T06:00:00Z').toUTCString();

const etagOf = (bytes: Uint8Array, generation: number): string =>
  `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}-${generation}"`;

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` as [start, end) within `size`; `undefined` if unsatisfiable. */
function rangeOf(header: string, size: number): [number, number] | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return undefined;
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size : Math.min(size, Number(to) + 1);
  return start < end ? [start, end] : undefined;
}

function answer(served: Served, request: IncomingMessage, response: ServerResponse): void {
  const { faults, bytes } = served;
  const number = served.requests;
  if (faults.tooManyRequests && number <= faults.tooManyRequests.times) {
    response.writeHead(429, { 'retry-after': faults.tooManyRequests.retryAfter }).end();
    return;
  }
  if (faults.serverErrors && number <= faults.serverErrors) {
    response.writeHead(500).end('boom');
    return;
  }
  if (request.method === 'HEAD' && faults.refuseHead) {
    response.writeHead(405).end();
    return;
  }
  const generation = faults.newVersionFromRequest && number >= faults.newVersionFromRequest ? 2 : 1;
  const etag = etagOf(bytes, generation);
  const ifMatch = request.headers['if-match'];
  if (ifMatch !== undefined && ifMatch !== etag && ifMatch !== '*') {
    response.writeHead(412, { etag }).end();
    return;
  }
  const headers = { etag, 'last-modified': LAST_MODIFIED, 'accept-ranges': 'bytes' };
  const rangeHeader = request.headers.range;
  let start = 0;
  let end = bytes.byteLength;
  if (rangeHeader !== undefined) {
    const range = rangeOf(rangeHeader, bytes.byteLength);
    if (range === undefined) {
      response.writeHead(416, { ...headers, 'content-range': `bytes */${bytes.byteLength}` }).end();
      return;
    }
    [start, end] = range;
    response.writeHead(206, {
      ...headers,
      'content-length': end - start,
      'content-range': `bytes ${start}-${end - 1}/${bytes.byteLength}`,
    });
  } else {
    response.writeHead(200, { ...headers, 'content-length': bytes.byteLength });
  }
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const body = bytes.subarray(start, end);
  if (faults.cutAfterBytes !== undefined && faults.cutAfterBytes < body.byteLength) {
    response.write(body.subarray(0, faults.cutAfterBytes), () => response.destroy());
    return;
  }
  response.end(body);
}

/** Starts a server on 127.0.0.1 (a free port) serving `files`, or the files of a folder. */
export async function startStockServer(
  files: Readonly<Record<string, Uint8Array>> | { readonly folder: string } = {},
): Promise<StockServer> {
  const served = new Map<string, Served>();
  const requests: RecordedRequest[] = [];
  const setFile = (name: string, bytes: Uint8Array, faults: StockServerFaults = {}) => {
    served.set(name, { bytes, faults, requests: 0 });
  };
  if ('folder' in files && typeof files.folder === 'string') {
    for (const name of await readdir(files.folder)) setFile(name, await readFile(join(files.folder, name)));
  } else {
    for (const [name, bytes] of Object.entries(files as Record<string, Uint8Array>)) setFile(name, bytes);
  }
  const server = createServer((request, response) => {
    const name = decodeURIComponent((request.url ?? '/').replace(/^\/+/, '').split('?')[0] ?? '');
    const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);
    requests.push({
      method: request.method ?? 'GET',
      name,
      range: header(request.headers.range),
      ifMatch: header(request.headers['if-match']),
    });
    const file = served.get(name);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    file.requests++;
    void sleep(file.faults.delayMs ?? 0).then(() => answer(file, request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setFile,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
