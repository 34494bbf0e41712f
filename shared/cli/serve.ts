import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startLocalPortal } from '../local/local-portal.ts';
import { buildPortalInChildProcess } from '../local/portal-build-process.ts';
import { UsageError } from './cli-error.ts';

const DEFAULT_PORT = 8080;

/**
 * `ancrage serve [--port 8080] [--state <dir>] [--static <dir>] [--territory <id>]`: the portal on
 * http://127.0.0.1:<port> over the embedded stack with the sample data, until Ctrl-C (or SIGTERM).
 */
export async function serve(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      state: { type: 'string' },
      static: { type: 'string' },
      territory: { type: 'string' },
    },
  });
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) {
    throw new UsageError(`--port must be a port number (0 for any free port), not "${values.port}"`);
  }
  // Built on start (a few seconds, in a child process that takes Vite's memory with it), so a fresh
  // clone needs no build step; the build is removed on stop.
  const temporaryBuild = values.static ? undefined : await buildPortalInChildProcess();
  const portal = await startLocalPortal({
    port: Number(values.port),
    stateDirectory: values.state,
    staticDir: values.static ?? temporaryBuild,
    territoryId: values.territory,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`Ancrage portal: ${portal.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.stderr.write(`${signal}: stopping…\n`);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      const stopped = portal
        .stop()
        .finally(() => (temporaryBuild ? rm(temporaryBuild, { recursive: true, force: true }) : undefined));
      stopped.then(resolve, (error: unknown) => {
        process.stderr.write(`ancrage serve: ${String(error)}\n`);
        process.exitCode = 1;
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
