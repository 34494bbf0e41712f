// Preloaded into the measured CLI process only (`node --import ./bench/cli-phase-hook.mjs
// bin/ancrage.js analyze …`): times the pipeline's steps — upload, ingest (the ingest handler, from the
// S3 event to its answer: the file read, rollups and lines stored), the company lookups, report,
// download — from the tracing channel the local pipeline publishes them on
// (`PIPELINE_STEPS_CHANNEL` in shared/local/local-pipeline.ts), and writes them as JSON, when the
// process exits, to the file ANCRAGE_BENCH_PHASES_FILE names (`PHASES_FILE_ENV`, bench/cli-phases.ts).
// Plain JavaScript and a channel rather than a patched class: the CLI runs bundled, as a user runs it,
// with no TypeScript loader added to its start.
import { tracingChannel } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';

const target = process.env.ANCRAGE_BENCH_PHASES_FILE;
if (target) {
  const phases = [];
  const started = new WeakMap();
  tracingChannel('ancrage:local-pipeline').subscribe({
    start: (context) => started.set(context, performance.now()),
    // Published once a step's promise settles, whether it resolved or rejected.
    asyncEnd: (context) => {
      const startMs = started.get(context);
      if (startMs !== undefined) phases.push({ name: context.step, startMs, endMs: performance.now() });
    },
  });
  process.on('exit', () => {
    // A process that ran no pipeline step (a usage error, or a process wrapping the CLI's) timed
    // nothing and must not overwrite what the CLI wrote.
    if (phases.length === 0) return;
    writeFileSync(target, JSON.stringify({ phases, exitMs: performance.now() }));
  });
}
