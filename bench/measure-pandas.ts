import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './bench-paths.ts';
import { type MeasuredCommand, runMeasuredCommand } from './process-tree-usage.ts';

/** What bench/pandas-rollup.py prints. */
export interface PandasRollup {
  readonly pandasVersion: string;
  readonly rows: number;
  readonly amounts: number;
  readonly suppliers: number;
  readonly totalCents: number;
  readonly importMs: number;
  readonly readMs: number;
  readonly groupMs: number;
}

export type PandasMeasure =
  | ({ readonly measured: true; readonly python: string } & PandasRollup & {
        readonly command: MeasuredCommand;
      })
  | { readonly measured: false; readonly reason: string };

const SCRIPT = fileURLToPath(new URL('pandas-rollup.py', import.meta.url));
/** The first interpreter on PATH may be a private one without pandas; the system one may have it. */
const PYTHONS = ['python3', '/usr/bin/python3'];

/** The first Python that imports pandas, found when the bench runs: pandas is not a dependency of the project. */
export function findPandasPython(): string | undefined {
  return PYTHONS.find((python) => {
    try {
      execFileSync(python, ['-c', 'import pandas'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}

/** pandas reading the file and summing it per supplier, as a command of its own; not measured without pandas. */
export async function measurePandas(path: string, encoding: string): Promise<PandasMeasure> {
  const python = findPandasPython();
  if (!python) return { measured: false, reason: 'pandas not present' };
  const command = await runMeasuredCommand(python, [SCRIPT, path, encoding], { cwd: projectRoot });
  if (command.code !== 0) {
    throw new Error(`pandas-rollup.py exited with ${command.code}: ${command.stderrTail}`);
  }
  const rollup = JSON.parse(command.stdout.trim().split('\n').at(-1) ?? '') as PandasRollup;
  return { measured: true, python, ...rollup, command };
}
