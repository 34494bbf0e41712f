import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILD_SCRIPT = fileURLToPath(new URL('../../portal/build.ts', import.meta.url));

/**
 * Builds the portal into a new temporary folder, in a child process. A build in-process left Vite's
 * native bundler holding some 150 MB of `ancrage serve`'s memory for as long as it ran; a child
 * gives it all back when it exits, for a second or so more at start.
 */
export async function buildPortalInChildProcess(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'ancrage-portal-'));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx/esm'), BUILD_SCRIPT, outDir],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`the portal build stopped (${signal ?? `exit code ${code}`})`));
    });
  });
  return outDir;
}
