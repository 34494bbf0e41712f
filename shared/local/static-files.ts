import { open, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const CONTENT_TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json'],
  ['.webmanifest', 'application/manifest+json'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.ico', 'image/x-icon'],
  ['.woff2', 'font/woff2'],
  ['.woff', 'font/woff'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.map', 'application/json'],
]);

export const contentTypeOf = (path: string) => CONTENT_TYPES.get(extname(path).toLowerCase());

/**
 * The file of a built front end for a URL path, never outside the folder: `..`, encoded slashes or
 * backslashes and NUL are refused. A path without an extension is a page of the single-page app:
 * its `index.html`. Undefined when there is no such file.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return undefined;
  const base = resolve(root);
  const wanted = resolve(base, ...segments);
  if (wanted !== base && !wanted.startsWith(base + sep)) return undefined;
  const candidates = extname(wanted) ? [wanted] : [join(wanted, 'index.html'), join(base, 'index.html')];
  for (const candidate of candidates) {
    const found = await stat(candidate).catch(() => undefined);
    if (found?.isFile() && contentTypeOf(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Sends a file, opened before anything is answered: one that vanished since it was found (a front
 * end rebuilt while `serve` runs) is a 404, not an error thrown outside any request. A client that
 * goes away mid-file closes the file with it.
 */
export async function sendFile(
  response: ServerResponse,
  path: string,
  headers: Record<string, string>,
): Promise<void> {
  const file = await open(path).catch(() => undefined);
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No such file\n');
    return;
  }
  const type = contentTypeOf(path) ?? 'application/octet-stream';
  response.writeHead(200, { ...headers, 'content-type': type });
  await pipeline(file.createReadStream(), response).catch(() => undefined);
}
