import { type StockDescription, type StockFile, StockUnreadableError } from '../../ports/registry-stock.ts';
import { requestWithRetries } from './http-request.ts';
import { changedWhileRead, type StockLocation } from './stock-location.ts';
import type { StockCandidate } from './stock-names.ts';
import type { ResolvedReadingOptions } from './stock-reading-options.ts';

const isStrong = (etag: string): boolean => !etag.startsWith('W/');

/** Joins a folder-like base URL and a file name, whether or not the base ends with a slash. */
export const urlOf = (base: string, name: string): string => `${base.replace(/\/+$/, '')}/${name}`;

function sizeOf(response: Response): number | undefined {
  const range = response.headers.get('content-range');
  const total = range?.match(/\/(\d+)\s*$/)?.[1];
  if (total !== undefined) return Number(total);
  const length = response.headers.get('content-length');
  return response.status === 200 && length !== null ? Number(length) : undefined;
}

/** HEAD, or a one-byte ranged GET where HEAD is refused: the file's size, date and version, or 404. */
async function probe(url: string, options: ResolvedReadingOptions): Promise<Response | undefined> {
  const head = await requestWithRetries(url, { method: 'HEAD' }, options, url);
  head.done();
  if (head.response.status === 404 || head.response.status === 410) return undefined;
  if (head.response.ok) return head.response;
  if (![403, 405, 501].includes(head.response.status)) {
    throw new StockUnreadableError(`${url}: HTTP ${head.response.status} when asked for its size`);
  }
  const get = await requestWithRetries(url, { method: 'GET', headers: { range: 'bytes=0-0' } }, options, url);
  await get.response.body?.cancel();
  get.done();
  if (get.response.status === 404 || get.response.status === 410) return undefined;
  if (get.response.ok) return get.response;
  throw new StockUnreadableError(`${url}: HTTP ${get.response.status} when asked for its size`);
}

/** What the server says of `candidate` under `base`; `undefined` when it has no such file (404). */
export async function describeHttpStock(
  base: string,
  file: StockFile,
  candidate: StockCandidate,
  options: ResolvedReadingOptions,
): Promise<StockDescription | undefined> {
  const url = urlOf(base, candidate.name);
  const response = await probe(url, options);
  if (response === undefined) return undefined;
  const sizeBytes = sizeOf(response);
  if (sizeBytes === undefined || !Number.isSafeInteger(sizeBytes)) {
    throw new StockUnreadableError(`${url}: the server does not say how large the file is`);
  }
  const lastModified = response.headers.get('last-modified');
  const publishedAt = lastModified === null ? undefined : new Date(lastModified).toISOString();
  const etag = response.headers.get('etag');
  return {
    file,
    name: candidate.name,
    format: candidate.format,
    location: url,
    sizeBytes,
    publishedAt,
    version: etag ?? `${sizeBytes}-${lastModified ?? 'undated'}`,
  };
}

/** Reads a described file over HTTP, each answer checked to come from the same version. */
export function httpStockLocation(
  description: StockDescription,
  options: ResolvedReadingOptions,
): StockLocation {
  const url = description.location;
  const etag =
    description.version.startsWith('"') || description.version.startsWith('W/"')
      ? description.version
      : undefined;
  // If-Match makes the server refuse (412) rather than serve another version; a weak ETag cannot be matched.
  const ifMatch: Record<string, string> = etag !== undefined && isStrong(etag) ? { 'if-match': etag } : {};

  function checkVersion(response: Response): void {
    if (response.status === 412)
      throw new StockUnreadableError(changedWhileRead(description, 'its ETag no longer matches'));
    const answered = response.headers.get('etag');
    if (etag !== undefined && answered !== etag) {
      throw new StockUnreadableError(changedWhileRead(description, `ETag ${answered} instead of ${etag}`));
    }
  }

  async function* wholeFile(): AsyncGenerator<Uint8Array> {
    const request = await requestWithRetries(url, { method: 'GET', headers: ifMatch }, options, url);
    const { response } = request;
    let count = 0;
    try {
      checkVersion(response);
      if (response.status !== 200 || response.body === null) {
        throw new StockUnreadableError(`${url}: HTTP ${response.status} when downloading it`);
      }
      const announced = sizeOf(response);
      if (announced !== undefined && announced !== description.sizeBytes) {
        throw new StockUnreadableError(
          changedWhileRead(description, `${announced} bytes instead of ${description.sizeBytes}`),
        );
      }
      try {
        for await (const chunk of response.body) {
          request.touch();
          count += chunk.byteLength;
          if (count > description.sizeBytes) break;
          yield chunk;
        }
      } catch (error) {
        if (error instanceof StockUnreadableError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new StockUnreadableError(
          `${url}: the download broke off after ${count} of ${description.sizeBytes} bytes (${reason})`,
        );
      }
      if (count !== description.sizeBytes) {
        throw new StockUnreadableError(
          `${url}: the download ${count < description.sizeBytes ? 'stopped' : 'ran on'} at ${count} bytes, not the ${description.sizeBytes} announced`,
        );
      }
    } finally {
      request.done();
      if (count !== description.sizeBytes) await response.body?.cancel().catch(() => undefined);
    }
  }

  async function slice(start: number, end: number): Promise<Uint8Array> {
    if (end <= start) return new Uint8Array(0);
    const headers = { ...ifMatch, range: `bytes=${start}-${end - 1}` };
    const request = await requestWithRetries(url, { method: 'GET', headers }, options, url);
    try {
      checkVersion(request.response);
      if (request.response.status !== 206) {
        await request.response.body?.cancel();
        throw new StockUnreadableError(
          `${url}: HTTP ${request.response.status} to a range request (206 expected)`,
        );
      }
      const total = sizeOf(request.response);
      if (total !== description.sizeBytes) {
        throw new StockUnreadableError(
          changedWhileRead(description, `${total} bytes instead of ${description.sizeBytes}`),
        );
      }
      const bytes = new Uint8Array(await request.response.arrayBuffer());
      if (bytes.byteLength !== end - start) {
        throw new StockUnreadableError(
          `${url}: bytes ${start}–${end} came back ${bytes.byteLength} bytes long`,
        );
      }
      return bytes;
    } catch (error) {
      if (error instanceof StockUnreadableError) throw error;
      throw new StockUnreadableError(
        `${url}: reading bytes ${start}–${end} failed (${error instanceof Error ? error.message : String(error)})`,
      );
    } finally {
      request.done();
    }
  }

  async function assertUnchanged(): Promise<void> {
    const fresh = await describeHttpStock(
      url.slice(0, url.length - description.name.length),
      description.file,
      description,
      options,
    );
    if (fresh === undefined) throw new StockUnreadableError(changedWhileRead(description, 'it is gone'));
    if (fresh.version !== description.version || fresh.sizeBytes !== description.sizeBytes) {
      throw new StockUnreadableError(
        changedWhileRead(description, `version ${fresh.version} instead of ${description.version}`),
      );
    }
  }

  return { description, wholeFile, slice, assertUnchanged };
}
