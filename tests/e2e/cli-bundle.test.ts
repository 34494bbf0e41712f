import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCli } from '../../bin/cli-bundle.js';
import { runCli } from '../support/run-cli.ts';

/**
 * The CLI bundled from its sources on first use: built in a small project of its own here, then
 * rebuilt only when a source changes; the real command works bundled and unbundled alike.
 */

let root = '';
const project = () => ({ root, entry: 'src/main.ts' });
const source = (name: string) => join(root, 'src', name);
const bundleOf = async () => {
  const url = await bundledCli(project());
  if (!url) throw new Error('no bundle');
  return url;
};
/** Imports a bundle afresh (a query makes another module of the same file) and returns what it exports. */
const run = async (url: string): Promise<{ answer: string; here: string }> =>
  import(`${url}?${Math.random()}`);

beforeAll(async () => {
  root = `${await mkdtemp(join(tmpdir(), 'cli-bundle-'))}/`;
  await mkdir(join(root, 'src'));
  await writeFile(join(root, 'tsconfig.json'), '{}');
  await writeFile(join(root, 'package.json'), '{"type":"module"}');
  await writeFile(
    source('main.ts'),
    "export { answer } from './answer.ts';\nexport const here: string = import.meta.url;\n",
  );
  await writeFile(source('answer.ts'), "export const answer: string = 'first';\n");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('bundledCli', () => {
  it('bundles the sources, each keeping its own import.meta.url', async () => {
    const bundled = await run(await bundleOf());
    expect(bundled.answer).toBe('first');
    expect(bundled.here).toBe(pathToFileURL(source('main.ts')).href);
  });

  it('reuses the bundle while no source changed, and rebuilds it when one did', async () => {
    const url = await bundleOf();
    const built = (await stat(new URL(url))).mtimeMs;
    expect(await bundleOf()).toBe(url);
    expect((await stat(new URL(url))).mtimeMs).toBe(built);

    // Same size, another time: a change that only the modification time tells must be seen too.
    await writeFile(source('answer.ts'), "export const answer: string = 'third';\n");
    const earlier = new Date(Date.now() - 60_000);
    await utimes(source('answer.ts'), earlier, earlier);
    expect((await run(await bundleOf())).answer).toBe('third');
  });

  it('builds again at the next command when a source changed while it built', async () => {
    // A modification time after the build started stands for a save during it.
    const later = new Date(Date.now() + 60_000);
    await writeFile(source('answer.ts'), "export const answer: string = 'second';\n");
    await utimes(source('answer.ts'), later, later);
    const url = await bundleOf();
    expect((await run(url)).answer).toBe('second');
    const built = (await stat(new URL(url))).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await bundleOf();
    expect((await stat(new URL(url))).mtimeMs).toBeGreaterThan(built);
    const earlier = new Date(Date.now() - 30_000);
    await utimes(source('answer.ts'), earlier, earlier);
  });

  it('gives no bundle when the sources do not build, nor when it is turned off', async () => {
    const before = await readFile(source('answer.ts'), 'utf8');
    await writeFile(source('answer.ts'), 'export const answer: string = ;\n');
    expect(await bundledCli(project())).toBeUndefined();
    await writeFile(source('answer.ts'), before);
    process.env.ANCRAGE_CLI_BUNDLE = 'off';
    try {
      expect(await bundledCli(project())).toBeUndefined();
    } finally {
      delete process.env.ANCRAGE_CLI_BUNDLE;
    }
    expect((await run(await bundleOf())).answer).toBe('second');
  });
});

describe('bundledCli where the cache cannot be written', () => {
  it('gives no bundle, and writes nothing', async () => {
    const blocked = `${await mkdtemp(join(tmpdir(), 'cli-bundle-blocked-'))}/`;
    try {
      await mkdir(join(blocked, 'src'));
      await writeFile(join(blocked, 'tsconfig.json'), '{}');
      await writeFile(join(blocked, 'package.json'), '{"type":"module"}');
      await writeFile(join(blocked, 'src', 'main.ts'), 'export const answer = 1;\n');
      // A file where the cache's folder would go stands for a node_modules that cannot be written.
      await writeFile(join(blocked, 'node_modules'), '');
      expect(await bundledCli({ root: blocked, entry: 'src/main.ts' })).toBeUndefined();
      expect(await readFile(join(blocked, 'node_modules'), 'utf8')).toBe('');
    } finally {
      await rm(blocked, { recursive: true, force: true });
    }
  });
});

describe('the ancrage command', () => {
  it.each([
    ['bundled', {}],
    ['through tsx, unbundled', { ANCRAGE_CLI_BUNDLE: 'off' }],
  ])('answers --help %s', async (_, env) => {
    const { code, stdout } = await runCli(['--help'], { env });
    expect(code).toBe(0);
    expect(stdout).toMatch(/ancrage analyze/);
  });
});
