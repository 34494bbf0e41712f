import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles stage-child.ts into `out/stages.mjs` with esbuild, as Lambda runs bundled code; each stage
 * then runs in a fresh process: `node [flags] stages.mjs <stage> <json args>`.
 */
export async function bundleStages(out: string): Promise<string> {
  const outfile = join(out, 'stages.mjs');
  await build({
    entryPoints: [new URL('stage-child.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
