import { mkdtemp, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const PORTAL_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** `config.json` for `ancrage serve`: the API on the same origin, the local sign-in. */
export const LOCAL_PORTAL_CONFIG = { apiUrl: '/api', auth: { mode: 'local' } } as const;

const NODE_MODULES = new Set(builtinModules);

/**
 * Fails the build when browser code reaches a Node built-in: Vite would only warn and ship an empty
 * stand-in, and the page would break at run time. The shared domain code the page reuses must stay
 * browser-safe; this makes it so.
 */
export function refuseNodeModules(): Plugin {
  return {
    name: 'ancrage:refuse-node-modules',
    enforce: 'pre',
    resolveId(source, importer) {
      const bare = source.startsWith('node:') ? source.slice('node:'.length) : source;
      if (source.startsWith('node:') || NODE_MODULES.has(bare.split('/')[0] ?? '')) {
        this.error(
          `the portal runs in a browser: ${importer ?? 'an entry'} imports the Node module "${source}"`,
        );
      }
      return null;
    },
  };
}

/**
 * Builds the portal into `outDir` with Vite's JS API (a few seconds) and writes its `config.json`.
 * Relative asset paths, so the same files work at `/` under `ancrage serve` and at `/portal/` behind
 * CloudFront; nothing inlined as a data URI and no inline script, so a strict CSP holds.
 */
export async function buildPortal(outDir: string, config: unknown = LOCAL_PORTAL_CONFIG): Promise<string> {
  // `null`: the deployment writes its own config.json (the cloud's API and sign-in).
  await build({
    root: PORTAL_ROOT,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [refuseNodeModules()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
    },
  });
  if (config !== null) await writeFile(join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return outDir;
}

/** A fresh build in a temporary folder: what `ancrage serve` shows unless given `--static <dir>`. */
export async function buildPortalInTemp(): Promise<string> {
  return buildPortal(await mkdtemp(join(tmpdir(), 'ancrage-portal-')));
}

// `npx tsx portal/build.ts <outDir> [--without-config]`: a manual build, and the CDK asset bundling.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [outDir = 'out/portal', flag] = process.argv.slice(2);
  await buildPortal(outDir, flag === '--without-config' ? null : LOCAL_PORTAL_CONFIG);
}
