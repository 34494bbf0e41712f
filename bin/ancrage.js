#!/usr/bin/env node
// Runs the TypeScript CLI with no build step: bundled on first use and whenever a source changed
// (cli-bundle.js), or through tsx's loader where no bundle can be had.
import { setFlagsFromString } from 'node:v8';
import { bundledCli } from './cli-bundle.js';
import { HEAP_FLAGS, HEAP_GROWING_FLAG } from './heap-flags.js';

/**
 * V8 sizes its heap from the machine's memory (4 GB on a 24 GB machine) and, under so high a
 * ceiling, lets the heap grow to up to four times what survived the last collection before it
 * collects again: `analyze` of a 1 M-line file peaked at ~660 MB of RSS while what it keeps alive
 * stays under 300 MB, since files are streamed. A lower ceiling (`--max-old-space-size`) lowers that
 * factor, but only when given as Node starts, which took a second Node process (~45 MB more, counted
 * in the command's memory). The growing factor itself is read at every collection, so this process
 * sets it: 415–470 MB, in the same time (BENCHMARKS.md). It applies to the Parquet encoder's thread too.
 * A heap flag the user set (command line, NODE_OPTIONS) is theirs: V8's own sizing is then left alone.
 */
const userSized = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((option) =>
  HEAP_FLAGS.some((flag) => option.startsWith(flag)),
);
if (!userSized) setFlagsFromString(HEAP_GROWING_FLAG);

const bundle = await bundledCli();
if (bundle) await import(bundle);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../shared/cli/main.ts');
}
