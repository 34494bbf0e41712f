/**
 * Preloaded into the measured CLI process only (`node --import tsx --import ./bench/cli-phase-hook.ts
 * bin/ancrage.js analyze …`): times the pipeline's steps — upload, ingest (the ingest handler, from
 * the S3 event to its answer: the file read, rollups and lines stored), the company lookups, report, download — and
 * writes them as JSON, when the process exits, to the file `PHASES_FILE_ENV` names (cli-phases.ts).
 * The CLI itself prints no phase timing, and shared/ is not the bench's to change.
 */
import { writeFileSync } from 'node:fs';
import { LocalPipeline } from '../shared/local/local-pipeline.ts';
import { PHASES_FILE_ENV, type PhaseRecord, type PhaseTiming } from './cli-phases.ts';

const TIMED = [
  'upload',
  'ingest',
  'lookUpSuppliers',
  'report',
  'download',
] as const satisfies readonly (keyof LocalPipeline)[];

const target = process.env[PHASES_FILE_ENV];
if (target) {
  const phases: PhaseTiming[] = [];
  const prototype = LocalPipeline.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of TIMED) {
    const original = prototype[name];
    if (typeof original !== 'function') continue;
    prototype[name] = async function timed(this: unknown, ...args: unknown[]) {
      const startMs = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        phases.push({ name, startMs, endMs: performance.now() });
      }
    };
  }
  process.on('exit', () => {
    // A process that ran no pipeline step (a usage error, or a process wrapping the CLI's) timed
    // nothing and must not overwrite what the CLI wrote.
    if (phases.length === 0) return;
    const record: PhaseRecord = { phases, exitMs: performance.now() };
    writeFileSync(target, JSON.stringify(record));
  });
}
