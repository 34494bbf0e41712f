import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_ANCHOR_ID } from './bench-constants.ts';
import { projectRoot } from './bench-paths.ts';
import { PHASES_FILE_ENV, type PhaseRecord } from './cli-phases.ts';
import { type MeasuredCommand, runMeasuredCommand } from './process-tree-usage.ts';

/** Time spent in each step of the run, from the phase hook, in ms. */
export interface AnalyzePhases {
  /** Process start to the first upload: Node, the CLI's bundle (built if stale), the modules, the embedded stack. */
  readonly startupMs: number;
  /** The file copied into the embedded S3 (the step a browser upload is in the portal). */
  readonly uploadMs: number;
  /** The ingest handler: S3 event to its answer — the file read, lines and rollups stored. */
  readonly ingestMs: number;
  /** The company-search lookups (offline on a machine without the network: the register is read first). */
  readonly lookupsMs: number;
  readonly reportMs: number;
  readonly downloadMs: number;
  /** The last download to the process's exit: stopping the stack. */
  readonly teardownMs: number;
}

export interface AnalyzeCliMeasure {
  readonly command: MeasuredCommand;
  /** Undefined when the hook wrote nothing (a crash, or the pipeline's steps renamed). */
  readonly phases: AnalyzePhases | undefined;
  /** From the CLI's summary on stdout; undefined where its wording changed. */
  readonly linesCounted: number | undefined;
  readonly linesRejected: number | undefined;
  readonly controlCents: number | undefined;
}

/** `npx ancrage` runs the package's bin with node: the command a user's npx resolves to, without npm around it. */
function cliEntry(): string {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf-8')) as {
    bin: Record<string, string>;
  };
  const entry = manifest.bin.ancrage;
  if (!entry) throw new Error('package.json has no "ancrage" bin');
  return entry;
}

function phasesOf(record: PhaseRecord): AnalyzePhases | undefined {
  const total = (name: string) =>
    record.phases
      .filter((phase) => phase.name === name)
      .reduce((sum, phase) => sum + phase.endMs - phase.startMs, 0);
  const first = Math.min(...record.phases.map((phase) => phase.startMs));
  const last = Math.max(...record.phases.map((phase) => phase.endMs));
  if (!record.phases.some((phase) => phase.name === 'ingest')) return undefined;
  return {
    startupMs: first,
    uploadMs: total('upload'),
    ingestMs: total('ingest'),
    lookupsMs: total('lookUpSuppliers'),
    reportMs: total('report'),
    downloadMs: total('download'),
    teardownMs: record.exitMs - last,
  };
}

const numberAfter = (text: string, pattern: RegExp) => {
  const match = pattern.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

/** `€72,966,991.88` or `-€12.50` as cents. */
function controlCentsOf(summary: string): number | undefined {
  const match = /control total[^:]*: (-?)\D*([\d,]+)\.(\d{2})/.exec(summary);
  if (!match) return undefined;
  const cents = Number((match[2] ?? '').replace(/,/g, '')) * 100 + Number(match[3]);
  return match[1] ? -cents : cents;
}

/**
 * `ancrage analyze <file> --out <dir>` in a child process, as a user runs it, end to end (report.html
 * written, or it fails), its process tree measured; with `phases`, the phase hook preloaded to time its steps
 * (plain JavaScript listening to the pipeline's tracing channel: no loader, no cost of its own).
 */
export async function measureAnalyzeCli(
  path: string,
  out: string,
  { phases: timed }: { readonly phases: boolean },
): Promise<AnalyzeCliMeasure> {
  const reportDirectory = join(out, 'analyze-report');
  const phasesFile = join(out, 'analyze-phases.json');
  rmSync(reportDirectory, { recursive: true, force: true });
  rmSync(phasesFile, { force: true });
  const hook = timed ? ['--import', join(projectRoot, 'bench', 'cli-phase-hook.mjs')] : [];
  const command = await runMeasuredCommand(
    process.execPath,
    [...hook, cliEntry(), 'analyze', path, '--anchor', BENCH_ANCHOR_ID, '--out', reportDirectory],
    { cwd: projectRoot, env: timed ? { ...process.env, [PHASES_FILE_ENV]: phasesFile } : process.env },
  );
  if (command.code !== 0) {
    throw new Error(`ancrage analyze exited with ${command.code}:\n${command.stderrTail}`);
  }
  if (!existsSync(join(reportDirectory, 'report.html'))) {
    throw new Error(`ancrage analyze exited with 0 but wrote no report.html in ${reportDirectory}`);
  }
  const phases = existsSync(phasesFile)
    ? phasesOf(JSON.parse(readFileSync(phasesFile, 'utf-8')) as PhaseRecord)
    : undefined;
  return {
    command,
    phases,
    linesCounted: numberAfter(command.stdout, /: (\d+) lines? counted/),
    linesRejected: numberAfter(command.stdout, /rejected: (\d+) lines?/),
    controlCents: controlCentsOf(command.stdout),
  };
}
