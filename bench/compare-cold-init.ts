import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER } from '../infra/esm-require-banner.ts';
import { benchOut, projectRoot } from './bench-paths.ts';
import { functionNames } from './measure-bundles.ts';
import { median } from './median.ts';

/**
 * Each function's bundle at an earlier revision and now, imported by fresh processes taking turns
 * (so the machine's load weighs on both alike): size, and median cold init minus a bare `node -e ''`.
 *
 *   npx tsx bench/compare-cold-init.ts --base <revision> [--runs 31]
 *
 * The earlier revision is checked out in a temporary worktree that uses this checkout's node_modules.
 */
const { values } = parseArgs({
  options: { base: { type: 'string' }, runs: { type: 'string', default: '31' } },
});
if (!values.base) throw new Error('--base <revision> is needed');
const runs = Number(values.runs);
const worktree = mkdtempSync(join(tmpdir(), 'ancrage-base-'));
execFileSync('git', ['worktree', 'add', '--detach', worktree, values.base], {
  cwd: projectRoot,
  stdio: 'ignore',
});
symlinkSync(join(projectRoot, 'node_modules'), join(worktree, 'node_modules'));

try {
  const trees = { before: worktree, after: projectRoot };
  const names = functionNames().filter((name) => existsSync(join(worktree, 'functions', name, 'handler.ts')));
  const files = new Map<string, string>();
  for (const [label, root] of Object.entries(trees)) {
    for (const name of names) {
      const outfile = join(benchOut('cold-init', label), `${name}.mjs`);
      await build({
        entryPoints: [join(root, 'functions', name, 'handler.ts')],
        bundle: true,
        minify: true,
        platform: 'node',
        target: 'node22',
        format: 'esm',
        external: ['@aws-sdk/*'],
        banner: { js: ESM_REQUIRE_BANNER },
        outfile,
        logLevel: 'error',
      });
      files.set(`${label}/${name}`, outfile);
    }
  }
  const wallMs = (args: readonly string[]) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (run.status !== 0) throw new Error(run.stderr.toString());
    return performance.now() - started;
  };
  const times = new Map<string, number[]>();
  const record = (key: string, ms: number) => times.set(key, [...(times.get(key) ?? []), ms]);
  for (let round = 0; round < runs; round++) {
    record('node', wallMs(['-e', '']));
    for (const [key, file] of files) {
      record(
        key,
        wallMs(['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(file).href)})`]),
      );
    }
  }
  const bare = median(times.get('node'));
  const kb = (key: string) => Math.round(statSync(files.get(key) ?? '').size / 1024);
  console.log(`base ${values.base}, ${runs} alternating runs each, bare node ${bare.toFixed(0)} ms`);
  console.table(
    names.map((name) => {
      const before = median(times.get(`before/${name}`)) - bare;
      const after = median(times.get(`after/${name}`)) - bare;
      return {
        function: name,
        'KB before': kb(`before/${name}`),
        'KB now': kb(`after/${name}`),
        'init before (ms)': Math.round(before),
        'init now (ms)': Math.round(after),
        growth: `${(((after - before) / before) * 100).toFixed(1)} %`,
      };
    }),
  );
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: projectRoot, stdio: 'ignore' });
  rmSync(worktree, { recursive: true, force: true });
}
