/**
 * The security review's hostile files (docs/security.md, "Bounded inputs"), sent through the real
 * ingest handler over the emulators: each ends in one status and, when rejected, one line saying why —
 * never FAILED (retried into the dead-letter queue), never a crash — and the handler's peak memory
 * stays flat. A line of megabytes is one rejected line of a file that is otherwise counted.
 *
 * `npm test` builds the bombs small; `npm run test:fuzz` (FUZZ=1) at the review's sizes: gzip
 * inflating to 3 GB without a line end, 30 M lines gzipped, a 200 MB single-line file. The CLI cases
 * check that `analyze` and `registry load` exit 1 with one line on a bomb, instead of never exiting.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetIdOf } from '../../../shared/use-cases/ingest-dataset.ts';
import { workDir, writeInput } from '../../e2e/formats/support.ts';
import {
  deepDecpJson,
  deepJsonArrays,
  fileWithHostileLine,
  incompressibleGzip,
  lineGzipBomb,
  lineWithoutQuote,
  newlineFreeGzipBomb,
  nulLine,
  singleLineFile,
} from '../../fixtures/built/hostile-files.ts';
import { dataset, type Harness, ingestOne, putUpload, startHarness } from '../../integration/helpers.ts';
import { runCli } from '../../support/run-cli.ts';
import { readObjectText } from '../support/snapshots.ts';

const FUZZ = process.env.FUZZ === '1';
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const MIB = 1024 * 1024;
const SIZES = FUZZ
  ? { inflated: 3 * 1024 * MIB, lines: 30_000_000, singleLine: 200 * MIB }
  : { inflated: 64 * MIB, lines: 600_000, singleLine: 8 * MIB };
/** Generous: the emulators share the process. Holding a 64 MB line as text would pass it. */
const PEAK_GROWTH_MB = 192;

const RATIO_BOMB =
  /^the gzipped file inflates more than 100 times \([\d.]+ MB from [\d.]+ [KM]B\): a compression bomb/;

let harness: Harness;
let uploads = 0;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Uploads the file, runs the ingest handler on it, and measures how far the peak RSS rose meanwhile. */
async function ingested(name: string, body: string | Uint8Array) {
  uploads += 1;
  const location = await putUpload(harness, `uploads/hostile/${uploads}/${name}`, body, {
    anchor: 'hostile',
  });
  const before = peakRssMb();
  const started = Date.now();
  const outcome = await ingestOne(location);
  const record = await dataset(harness, datasetIdOf(location));
  return { outcome, record, growthMb: peakRssMb() - before, seconds: (Date.now() - started) / 1000 };
}

interface Refusal {
  readonly name: string;
  readonly body: () => string | Uint8Array;
  readonly reason: RegExp;
}

const REFUSALS: readonly Refusal[] = [
  {
    name: 'deep.json',
    body: () => deepDecpJson(100_000),
    reason: /^the JSON nests arrays or objects more than 64 levels deep: a DECP file nests 5 or 6$/,
  },
  {
    name: 'deep-arrays.json',
    body: () => deepJsonArrays(100_000),
    reason: /^line 1 is 200000 characters long, more than the 65536 a line may have; no header row found/,
  },
  {
    name: 'no-newline-bomb.csv.gz',
    body: () => newlineFreeGzipBomb(SEED, SIZES.inflated),
    reason: RATIO_BOMB,
  },
  { name: 'lines-bomb.csv.gz', body: () => lineGzipBomb(SEED, SIZES.lines), reason: RATIO_BOMB },
  {
    name: 'single-line.csv',
    body: () => singleLineFile(SEED, SIZES.singleLine),
    reason: new RegExp(
      `^line 1 is ${SIZES.singleLine} characters long, more than the 65536 a line may have; no header row found`,
    ),
  },
];

describe(`hostile files end REJECTED in one line, memory flat (${FUZZ ? 'full' : 'small'} sizes, seed ${SEED})`, () => {
  it.each(REFUSALS)('$name', async ({ name, body, reason }) => {
    const { outcome, record, growthMb, seconds } = await ingested(name, body());
    expect(outcome.outcome).toBe('rejected');
    expect(record.status).toBe('REJECTED');
    expect(record.message).toMatch(reason);
    expect(record.message).not.toContain('\n');
    expect(growthMb, `peak RSS rose ${growthMb.toFixed(0)} MB`).toBeLessThan(PEAK_GROWTH_MB);
    // A bound against a hang (a limit never reached), not a speed target: generous enough for a busy
    // machine (a small file took 16 s with two suites beside it), far below the minutes a hang runs.
    expect(seconds).toBeLessThan(FUZZ ? 120 : 45);
  });

  it('a gzipped file that barely compresses stops at MAX_INFLATED_MB', async () => {
    process.env.MAX_INFLATED_MB = '8';
    try {
      const { record } = await ingested('incompressible.csv.gz', incompressibleGzip(SEED, 12 * MIB));
      expect(record.status).toBe('REJECTED');
      expect(record.message).toBe('the gzipped file inflates to more than 8 MB, the most a file may have');
    } finally {
      delete process.env.MAX_INFLATED_MB;
    }
  });
});

describe('a line of megabytes is one rejected line; the file is counted', () => {
  // Seeds of their own: files with the same counted lines would supersede each other.
  it.each([
    { name: 'long-line.csv', seed: SEED + 1, line: lineWithoutQuote(SEED, 2_000_000) },
    { name: 'nul-line.csv', seed: SEED + 2, line: nulLine(2_000_000) },
  ])('$name', async ({ name, seed, line }) => {
    const file = fileWithHostileLine(seed, line);
    const { record, growthMb } = await ingested(name, file.text);
    expect(record.status, record.message).toBe('INGESTED');
    expect(record.lines).toBe(file.counted);
    expect(record.amountCents).toBe(file.cents);
    expect(record.rejectedLines).toBe(1);
    const rejects = await readObjectText(harness.s3, harness.stack.buckets.uploads, record.rejectsKey ?? '');
    const [, rejected, ...others] = (rejects ?? '').trim().split('\r\n');
    expect(others).toEqual([]);
    expect(rejected).toMatch(
      new RegExp(`^${file.hostileLine};rejected;the line is longer than 65536 characters \\(2000000\\)`),
    );
    expect(rejected?.length).toBeLessThan(2_000);
    expect(growthMb, `peak RSS rose ${growthMb.toFixed(0)} MB`).toBeLessThan(PEAK_GROWTH_MB);
  });
});

describe('the CLI on a gzip bomb: exit 1, one line', () => {
  const bomb = () => writeInput(workDir(), 'bomb.csv.gz', newlineFreeGzipBomb(SEED, SIZES.inflated));

  it('ancrage analyze', async () => {
    const path = bomb();
    const run = await runCli(['analyze', path, '--out', join(path, '..', 'out')]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^ancrage: bomb\.csv\.gz was rejected: the gzipped file inflates more than 100 times/,
    );
  });

  it('ancrage registry load', async () => {
    const path = bomb();
    const run = await runCli(['registry', 'load', path, '--state', join(path, '..', 'state')]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^ancrage: bomb\.csv\.gz could not be loaded: SIRENE stock file: the gzipped file inflates more than 100 times/,
    );
  });
});
