import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticFile } from '../../../shared/local/static-files.ts';

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
