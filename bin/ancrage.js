#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so `npx ancrage` needs no build step.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * V8 sizes its heap from the machine's memory (4 GB on a 24 GB machine) and lets garbage grow towards
 * it before collecting: `analyze` of a 1 M-line file peaked at ~680 MB of RSS while what it keeps
 * alive stays far below, since files are streamed. Under this bound V8 collects sooner: ~460 MB, for
 * about a tenth more time (BENCHMARKS.md). A bound the user set (command line, NODE_OPTIONS) is theirs.
 */
const HEAP_MB = 1024;
const HEAP_FLAG = '--max-old-space-size';
const bounded = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((option) =>
  option.startsWith(HEAP_FLAG),
);

if (bounded) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../shared/cli/main.ts');
} else {
  const cli = spawn(
    process.execPath,
    [
      ...process.execArgv,
      `${HEAP_FLAG}=${HEAP_MB}`,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  // Ctrl-C reaches both processes from the terminal; a signal sent to this one alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => cli.kill(signal));
  cli.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}
