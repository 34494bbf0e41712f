/**
 * The flat-memory guarantee of registry loads: a StockEtablissement of ROWS generated rows streams
 * through the real file reader and the `loadRegistry` use case in a child Node process whose heap is
 * capped at 96 MB, into a sink that counts facts and keeps nothing. Holding the file, its rows or its
 * facts would run that process out of memory long before the end.
 *
 * `npm test` runs 200 000 rows. The 1 000 000-row measurement for BENCHMARKS.md:
 *
 *   REGISTRY_ROWS=1000000 npx vitest run tests/e2e/registry/registry-memory.test.ts
 *
 * or the child alone:
 *
 *   node --max-old-space-size=96 --import tsx/esm tests/e2e/registry/registry-memory-child.ts 1000000 100000
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scaleRejects } from '../../fixtures/built/sirene.ts';
import { repoRoot } from '../../support/run-cli.ts';

const ROWS = Number(process.env.REGISTRY_ROWS ?? '200000');
/** One row in 100 000 has a SIRET failing Luhn: rejects are counted, not kept as facts. */
const REJECT_EVERY = 100_000;
const HEAP_MB = 96;
/** DESIGN §11: peak RSS under 256 MB for a 1 M-line file. */
const RSS_CEILING_MB = 256;
const child = fileURLToPath(new URL('./registry-memory-child.ts', import.meta.url));

interface Figures {
  readonly rows: number;
  readonly facts: number;
  readonly stored: number;
  readonly rejectedRows: number;
  readonly megabytes: number;
  readonly peakRssMb: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

function runChild(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx/esm', child, String(ROWS), String(REJECT_EVERY)],
      { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('registry load memory', () => {
  it(
    `streams ${ROWS.toLocaleString('en-US')} establishment rows with a ${HEAP_MB} MB heap, memory flat`,
    async () => {
      const run = await runChild();
      expect(run.stderr).not.toMatch(/heap out of memory|Allocation failed/i);
      expect(run.code, run.stderr).toBe(0);
      const figures = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Figures;
      console.log(
        `registry load, ${figures.rows} rows (${figures.megabytes} MB CSV) with --max-old-space-size=${HEAP_MB}: ` +
          `${figures.seconds} s, ${figures.rowsPerSecond} rows/s, peak RSS ${figures.peakRssMb} MB`,
        JSON.stringify(figures),
      );
      const rejects = scaleRejects(ROWS, { rejectEvery: REJECT_EVERY });
      expect(figures.rows).toBe(ROWS);
      expect(figures.rejectedRows).toBe(rejects);
      expect(figures.facts).toBe(ROWS - rejects);
      expect(figures.stored).toBe(figures.facts);
      expect(figures.peakRssMb).toBeLessThan(RSS_CEILING_MB);
    },
    ROWS > 200_000 ? 900_000 : 60_000,
  );
});
