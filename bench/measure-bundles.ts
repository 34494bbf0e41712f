import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER } from '../infra/esm-require-banner.ts';
import { projectRoot } from './bench-paths.ts';
import { median } from './median.ts';

export interface BundleMeasure {
  readonly name: string;
  readonly bytes: number;
  /** The packages (and the project's own code) taking the most bytes of the minified output. */
  readonly largest: readonly { readonly source: string; readonly bytes: number }[];
  /** A fresh `node` importing the bundle, minus a bare `node -e ''`: median over the runs. */
  readonly coldInitMs: number;
}

function wallMs(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr.toString()}`);
  return ms;
}

/**
 * Where an input comes from: `@scope/name` for a scoped package, a family such as `vega*` for
 * `vega`, `vega-lite`, `vega-scale`… (they come together), the top folder for the project's own files.
 */
function sourceOf(input: string): string {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1) return parts.slice(0, 2).join('/');
  const name = parts[at + 1] ?? '';
  if (name.startsWith('@')) return `${name}/${parts[at + 2] ?? ''}`;
  const family = name.split('-')[0] ?? name;
  return family === name ? name : `${family}*`;
}

/** Which functions there are: one folder per Lambda under `functions/`. */
export const functionNames = (): string[] =>
  readdirSync(join(projectRoot, 'functions'))
    .filter((name) => statSync(join(projectRoot, 'functions', name, 'handler.ts'), { throwIfNoEntry: false }))
    .sort();

/**
 * Bundles each handler as the brief's command does (`--bundle --minify --platform=node
 * --target=node22 --format=esm --external:@aws-sdk/*`; the SDK is in the Lambda runtime), then times
 * a cold `import()` of each bundle in a fresh process.
 */
export async function measureBundles(out: string, coldRuns: number): Promise<BundleMeasure[]> {
  mkdirSync(out, { recursive: true });
  const measures: BundleMeasure[] = [];
  const baseline = median(Array.from({ length: coldRuns }, () => wallMs(['-e', ''])));
  for (const name of functionNames()) {
    const outfile = join(out, `${name}.mjs`);
    const result = await build({
      entryPoints: [join(projectRoot, 'functions', name, 'handler.ts')],
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      external: ['@aws-sdk/*'],
      banner: { js: ESM_REQUIRE_BANNER },
      outfile,
      metafile: true,
      logLevel: 'warning',
    });
    const output = Object.values(result.metafile.outputs)[0];
    const bySource = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
      const source = sourceOf(input);
      bySource.set(source, (bySource.get(source) ?? 0) + bytesInOutput);
    }
    const largest = [...bySource]
      .map(([source, bytes]) => ({ source, bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 4);
    const script = `await import(${JSON.stringify(pathToFileURL(outfile).href)})`;
    const runs = Array.from({ length: coldRuns }, () => wallMs(['--input-type=module', '-e', script]));
    measures.push({
      name,
      bytes: statSync(outfile).size,
      largest,
      coldInitMs: Math.max(0, median(runs) - baseline),
    });
  }
  return measures;
}
