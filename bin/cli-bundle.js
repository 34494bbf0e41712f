// The CLI's own TypeScript as one JavaScript module, rebuilt whenever a source it was built from
// changed. Loading ~390 TypeScript modules one by one through tsx's loader cost every command ~0.4 s
// before it did anything (`ancrage --help` 0.9 s, 0.6 s bundled; BENCHMARKS.md); the packages stay
// outside the bundle and load as Node loads them. No bundle (esbuild absent, a cache that cannot be
// written) is no error: the caller runs the sources through tsx, as it did before.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PROJECT = { root: fileURLToPath(new URL('../', import.meta.url)), entry: 'shared/cli/main.ts' };
/** A change to how bundles are built makes every earlier one stale. */
const BUILD_VERSION = 1;
/** Read by the build as well as the sources: a change to them may change the output. */
const CONFIG_FILES = ['tsconfig.json', 'package.json'];

/**
 * Where a project's bundle and its manifest (each source's size and modification time) are kept: in a
 * folder of its own per checkout, as checkouts may share one node_modules (a link to it).
 */
const cacheOf = (root) => {
  const folder = `${root}node_modules/.cache/ancrage-cli/${createHash('sha256').update(root).digest('hex').slice(0, 16)}/`;
  return { folder, bundle: `${folder}main.mjs`, manifest: `${folder}manifest.json` };
};

const statsOf = (root, paths) => Promise.all(paths.map((path) => stat(`${root}${path}`)));
const stampOf = ({ size, mtimeMs }) => `${size}:${mtimeMs}`;

async function isFresh(root, cache) {
  try {
    const manifest = JSON.parse(await readFile(cache.manifest, 'utf8'));
    if (manifest.version !== BUILD_VERSION || manifest.node !== process.version) return false;
    const stats = await statsOf(root, Object.keys(manifest.inputs));
    return Object.values(manifest.inputs).every((recorded, at) => recorded === stampOf(stats[at]));
  } catch {
    return false;
  }
}

/**
 * A module's `import.meta.url` stays its source file's URL inside the bundle: the worker thread, the
 * bundled data and the samples are found beside the sources, as they are without a bundle.
 */
const ownUrl = {
  name: 'own-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
        loader: 'ts',
      };
    });
  },
};

/** Written under a name of its own, then renamed: two commands starting at once never read half a file. */
async function replace(path, contents) {
  const temporary = `${path}.${randomUUID()}`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

async function rebuild(root, entry, cache) {
  // First, so that a cache that cannot be written (a read-only node_modules) costs no build.
  await mkdir(cache.folder, { recursive: true });
  const startedMs = Date.now();
  const { build } = await import('esbuild');
  const { outputFiles, metafile } = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: cache.bundle,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownUrl],
  });
  await replace(cache.bundle, outputFiles[0].contents);
  const paths = [...Object.keys(metafile.inputs), ...CONFIG_FILES];
  const stats = await statsOf(root, paths);
  // A source saved while the build read it may be in the bundle as it was before: no manifest then,
  // so that the next command builds again.
  if (stats.some(({ mtimeMs }) => mtimeMs >= startedMs)) {
    await rm(cache.manifest, { force: true });
    return;
  }
  const inputs = Object.fromEntries(paths.map((path, at) => [path, stampOf(stats[at])]));
  await replace(cache.manifest, JSON.stringify({ version: BUILD_VERSION, node: process.version, inputs }));
}

/**
 * The URL of an up-to-date bundle of the CLI (of `entry` under `root`, for tests), built if needed;
 * undefined when none can be had, or when ANCRAGE_CLI_BUNDLE=off asks for the sources themselves.
 */
export async function bundledCli({ root, entry } = PROJECT) {
  if (process.env.ANCRAGE_CLI_BUNDLE === 'off') return undefined;
  const cache = cacheOf(root);
  try {
    if (!(await isFresh(root, cache))) await rebuild(root, entry, cache);
    return pathToFileURL(cache.bundle).href;
  } catch {
    await rm(cache.bundle, { force: true }).catch(() => undefined);
    return undefined;
  }
}
