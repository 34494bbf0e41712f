/** What bench/cli-phase-hook.mjs writes from inside the CLI process, and where. */
export const PHASES_FILE_ENV = 'ANCRAGE_BENCH_PHASES_FILE';

interface PhaseTiming {
  readonly name: string;
  /** Milliseconds since the process started (`performance.now()` in the CLI process). */
  readonly startMs: number;
  readonly endMs: number;
}

export interface PhaseRecord {
  readonly phases: readonly PhaseTiming[];
  readonly exitMs: number;
}
