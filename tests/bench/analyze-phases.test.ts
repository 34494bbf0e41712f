import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureAnalyzeCli } from '../../bench/measure-analyze-cli.ts';
import { repoRoot } from '../support/run-cli.ts';

/**
 * The bench times `ancrage analyze`'s steps from outside the CLI (bench/cli-phase-hook.mjs, listening
 * to the local pipeline's tracing channel): every step is seen, bundled as a user runs it or not.
 */
const out = mkdtempSync(join(tmpdir(), 'analyze-phases-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const sample = join(repoRoot, 'data/samples/SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv');

describe('the analyze phase hook', () => {
  it.each([
    ['bundled', 'on'],
    ['from the sources', 'off'],
  ])('times each step of the command run %s', async (_, bundle) => {
    process.env.ANCRAGE_CLI_BUNDLE = bundle;
    try {
      const { phases, linesCounted } = await measureAnalyzeCli(sample, join(out, bundle), { phases: true });
      expect(linesCounted).toBeGreaterThan(0);
      expect(phases).toBeDefined();
      for (const step of ['uploadMs', 'ingestMs', 'reportMs', 'downloadMs'] as const) {
        expect(phases?.[step]).toBeGreaterThan(0);
      }
      expect(phases?.startupMs).toBeGreaterThan(0);
    } finally {
      delete process.env.ANCRAGE_CLI_BUNDLE;
    }
  });
});
