import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A command run to its end, with what its whole process tree used. */
export interface MeasuredCommand {
  readonly code: number | null;
  readonly stdout: string;
  /** The end of its stderr, to say why it failed. */
  readonly stderrTail: string;
  /** Wall time from spawn to exit, as the person who typed the command waits. */
  readonly ms: number;
  /** User + system CPU of the command and every descendant (exact with `/usr/bin/time`, else sampled). */
  readonly cpuMs: number;
  /**
   * Peak of the summed RSS of the command and its descendants, sampled every POLL_MS (pages shared
   * between processes count in each), and never below the largest single process's own peak.
   */
  readonly peakTreeRssMb: number;
  /** The largest peak RSS of any one process of the tree (VmHWM; ru_maxrss with `/usr/bin/time`). */
  readonly peakProcessRssMb: number;
  /** Most processes seen at once in the tree. */
  readonly processes: number;
  readonly cpuSource: 'time' | 'proc';
}

const POLL_MS = 100;
const STDERR_TAIL = 4_000;
const TICKS_PER_SECOND = 100;
const GNU_TIME = '/usr/bin/time';

let gnuTime: boolean | undefined;

/** GNU time with -f and -o, where present: exact CPU and ru_maxrss of the whole tree once it is reaped. */
function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    try {
      execFileSync(GNU_TIME, ['-f', '%M', '-o', '/dev/null', 'true'], { stdio: 'ignore' });
      gnuTime = true;
    } catch {
      gnuTime = false;
    }
  }
  return gnuTime;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf-8');
  } catch {
    return undefined;
  }
}

/** Children of every thread: a process may start another from any of its threads (a JVM does). */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((task) =>
    (readText(`/proc/${pid}/task/${task}/children`) ?? '')
      .split(' ')
      .filter((text) => text !== '')
      .map(Number),
  );
}

function treeOf(root: number): number[] {
  const pids = [root];
  for (let index = 0; index < pids.length; index++) pids.push(...childrenOf(pids[index] as number));
  return pids;
}

const kbOf = (status: string, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);

function cpuMsOf(pid: number): number {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // Fields after the command name (in parentheses, may hold spaces): utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS_PER_SECOND) * 1000;
}

/**
 * Runs `command args` and samples /proc for its process tree until it exits: the RSS of the command
 * and of whatever it starts (emulators in another process, a JVM, Python), not only the first
 * process's. Under `/usr/bin/time` when it is there, for exact CPU and the largest process's peak.
 */
export async function runMeasuredCommand(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv },
): Promise<MeasuredCommand> {
  const timed = hasGnuTime();
  const timeFile = join(tmpdir(), `ancrage-bench-time-${process.pid}-${Date.now()}.txt`);
  const [file, argv] = timed
    ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, command, ...args]]
    : [command, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
  child.stdin.end();
  const stdout: string[] = [];
  let stderr = '';
  child.stdout.setEncoding('utf-8').on('data', (text: string) => stdout.push(text));
  child.stderr.setEncoding('utf-8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_TAIL);
  });
  const exited = once(child, 'close');

  let peakSum = 0;
  let processes = 0;
  const peaks = new Map<number, number>();
  const cpu = new Map<number, number>();
  const sample = () => {
    if (child.pid === undefined) return;
    // The wrapper (time) is not the command: its own 2 MB are left out.
    const pids = treeOf(child.pid).slice(timed ? 1 : 0);
    let sum = 0;
    for (const pid of pids) {
      const status = readText(`/proc/${pid}/status`);
      if (!status) continue;
      sum += kbOf(status, 'VmRSS');
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, kbOf(status, 'VmHWM')));
      cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuMsOf(pid)));
    }
    peakSum = Math.max(peakSum, sum);
    processes = Math.max(processes, pids.length);
  };
  sample();
  const poll = setInterval(sample, POLL_MS);
  const [code] = (await exited) as [number | null];
  clearInterval(poll);
  const ms = performance.now() - started;

  let peakProcessKb = Math.max(0, ...peaks.values());
  let cpuMs = [...cpu.values()].reduce((sum, value) => sum + value, 0);
  if (timed) {
    const last = (readText(timeFile) ?? '').trim().split('\n').at(-1) ?? '';
    rmSync(timeFile, { force: true });
    const [user, system, maxRssKb] = last.split(' ').map(Number);
    if (user !== undefined && system !== undefined && maxRssKb !== undefined && Number.isFinite(maxRssKb)) {
      cpuMs = (user + system) * 1000;
      peakProcessKb = Math.max(peakProcessKb, maxRssKb);
    }
  }
  return {
    code,
    stdout: stdout.join(''),
    stderrTail: stderr,
    ms,
    cpuMs,
    peakTreeRssMb: Math.max(peakSum, peakProcessKb) / 1024,
    peakProcessRssMb: peakProcessKb / 1024,
    processes,
    cpuSource: timed ? 'time' : 'proc',
  };
}
