import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EmbeddedStack } from '../shared/local/embedded-stack.ts';
import { projectRoot } from './bench-paths.ts';

export interface EmulatorProcess extends EmbeddedStack {
  readonly pid: number | undefined;
  /** Peak RSS of the emulator process so far, in MB (from /proc; undefined where there is none). */
  peakRssMb(): number | undefined;
  /** CPU time the emulator process has used so far, in ms (from /proc; undefined where there is none). */
  cpuMs(): number | undefined;
}

/** Linux's clock tick for /proc/<pid>/stat times (`getconf CLK_TCK`, 100 on every common kernel). */
const TICKS_PER_SECOND = 100;

function readCpuMs(child: ChildProcess): number | undefined {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf-8');
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
  } catch {
    return undefined;
  }
}

function readPeakRss(child: ChildProcess): number | undefined {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf-8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts `emulators-child.ts` (under tsx) and waits for its coordinates. */
export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/emulators-child.ts'], {
    cwd: projectRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const exited = once(child, 'exit');
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`the emulator process exited (${code}) before it started`);
    }),
  ]);
  const coordinates = JSON.parse(first) as Omit<EmbeddedStack, 'stop'>;
  return {
    ...coordinates,
    pid: child.pid,
    peakRssMb: () => readPeakRss(child),
    cpuMs: () => readCpuMs(child),
    async stop() {
      child.stdin?.end();
      await exited;
    },
  };
}
