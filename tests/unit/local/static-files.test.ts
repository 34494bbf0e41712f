import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticFile, sendFile } from '../../../shared/local/static-files.ts';

let parent: string;
let root: string;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'ancrage-static-'));
  root = join(parent, 'dist');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app.js'), '');
  await writeFile(join(root, 'assets', 'secret.env'), '');
  await writeFile(join(parent, 'outside.html'), 'secret');
});

afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('resolveStaticFile: the built front end, nothing outside it', () => {
  it.each([
    ['/', 'index.html'],
    ['/assets/app.js', 'assets/app.js'],
    ['/datasets/abc', 'index.html'],
    ['/suppliers', 'index.html'],
  ])('%s → %s', async (path, file) => {
    expect(await resolveStaticFile(root, path)).toBe(join(root, file));
  });

  it.each([
    '/../outside.html',
    '/assets/../../outside.html',
    '/%2e%2e/outside.html',
    '/assets%2F..%2F..%2Foutside.html',
    '/..%5Coutside.html',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/missing.js',
    '/assets/secret.env',
  ])('refuses %s', async (path) => {
    expect(await resolveStaticFile(root, path)).toBeUndefined();
  });

  it('names the content types a Vite build produces', () => {
    expect(contentTypeOf('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('a.woff2')).toBe('font/woff2');
  });
});

describe('sendFile', () => {
  /** Serves one path through sendFile, as serve does once it has resolved it. */
  async function served(path: string): Promise<{ status: number; body: string }> {
    const server = createServer((_, response) => {
      void sendFile(response, path, { 'cache-control': 'no-cache' });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      return { status: answer.status, body: await answer.text() };
    } finally {
      server.close();
    }
  }

  it('sends the file with its type', async () => {
    expect(await served(join(root, 'index.html'))).toEqual({ status: 200, body: '<!doctype html>' });
  });

  it('answers 404 for a file gone since it was found (a front end rebuilt meanwhile), without throwing', async () => {
    const gone = join(root, 'assets', 'gone.js');
    await writeFile(gone, 'x');
    expect(await resolveStaticFile(root, '/assets/gone.js')).toBe(gone);
    await rm(gone);
    expect((await served(gone)).status).toBe(404);
  });
});
