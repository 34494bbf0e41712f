import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LineFiles } from '../../shared/ports/line-files.ts';
import { ingestDependencies } from '../../shared/runtime/ingest-dependencies.ts';
import { CONTINUE_BEFORE_MS, datasetIdOf, ingestDataset } from '../../shared/use-cases/ingest-dataset.ts';
import { dataset, type Harness, SYNTHETIC_PAYMENTS, startHarness, storedLines } from './helpers.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.stop();
});

describe('a file too long for one run', () => {
  it('pauses at a checkpoint near the time limit, then the next delivery writes only the rest', async () => {
    const location = await harness.pipeline.upload({ path: SYNTHETIC_PAYMENTS, anchorId: 'long-file' });
    const base = ingestDependencies();
    const written: number[] = [];
    const counting: LineFiles = {
      ...base.lineFiles,
      writer(owner) {
        const writer = base.lineFiles.writer(owner);
        return {
          async write(lines) {
            written.push(...lines.map((line) => line.sequence));
            await writer.write(lines);
          },
          close: () => writer.close(),
          abandon: () => writer.abandon(),
        };
      },
    };
    // First run: time runs short after the first batch of 1 000 records.
    const first = await ingestDataset(
      { ...base, lineFiles: counting, remainingMs: () => CONTINUE_BEFORE_MS - 1 },
      location,
    );
    expect(first.outcome).toBe('continued');
    expect(first.dataset).toMatchObject({ status: 'INGESTING' });
    const checkpoint = first.dataset.linesWritten ?? 0;
    expect(checkpoint).toBeGreaterThan(0);
    expect(checkpoint).toBeLessThan(2_401);
    expect(written).toHaveLength(checkpoint);

    // The message comes back at once (the lease was released): the next run goes on.
    written.length = 0;
    const second = await ingestDataset(
      { ...base, lineFiles: counting, remainingMs: () => 600_000 },
      location,
    );
    expect(second.outcome).toBe('ingested');
    expect(second.dataset).toMatchObject({ status: 'INGESTED', lines: 2_401, rejectedLines: 1, runs: 2 });
    expect(second.dataset.linesWritten).toBeUndefined();
    expect(Math.min(...written)).toBe(checkpoint + 1);
    expect(written).toHaveLength(2_401 - checkpoint);

    const stored = await dataset(harness, datasetIdOf(location));
    expect(stored.status).toBe('INGESTED');
    // Two files, the second starting after the checkpoint: every line once, in order.
    const lines = await storedLines(harness, stored);
    expect(lines.map((line) => line.sequence)).toEqual(Array.from({ length: 2_401 }, (_, i) => i + 1));
  });
});
