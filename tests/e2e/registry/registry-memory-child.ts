/**
 * Child process of `registry-memory.test.ts` (not a test itself): streams a generated
 * StockEtablissement of N rows through the real file reader and the `loadRegistry` use case into a
 * sink that counts facts and keeps none, then prints one JSON line:
 * `{ rows, facts, rejectedRows, peakRssMb, seconds, rowsPerSecond }`.
 *
 *   node --max-old-space-size=96 --import tsx/esm tests/e2e/registry/registry-memory-child.ts 1000000
 */
import { createFileReader } from '../../../shared/adapters/file-reader.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import type { ObjectStore } from '../../../shared/ports/object-store.ts';
import { type FactsDependencies, loadRegistry } from '../../../shared/use-cases/load-facts.ts';
import { scaleEstablishmentChunks } from '../../fixtures/built/sirene.ts';

const rows = Number(process.argv[2] ?? '200000');
const rejectEvery = Number(process.argv[3] ?? '0');
if (!Number.isInteger(rows) || rows <= 0) throw new Error(`row count expected, not ${process.argv[2]}`);

let bytes = 0;
async function* counted(): AsyncGenerator<Uint8Array> {
  for await (const chunk of scaleEstablishmentChunks(rows, { rejectEvery })) {
    bytes += chunk.byteLength;
    yield chunk;
  }
}

/** The generated file, opened as the object store would open an S3 object: a stream, never whole. */
const objects: ObjectStore = {
  async open() {
    return { body: counted(), sizeBytes: 0, metadata: new Map(), eTag: undefined, versionId: undefined };
  },
  async put() {},
  async list() {
    return [];
  },
  async readText() {
    return undefined;
  },
};

/** Counts the facts it is given and keeps nothing: the loader's memory is what is measured. */
let stored = 0;
const profiles: FactsDependencies['profiles'] = {
  async putFacts(facts) {
    stored += facts.length;
  },
  async putLocalActivity() {},
};

let sampledPeak = 0;
const sample = () => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
};
const sampler = setInterval(sample, 50);

const started = process.hrtime.bigint();
const outcome = await loadRegistry(
  {
    objects,
    profiles,
    reader: createFileReader(KNOWN_FORMATS),
    clock: { now: () => new Date('2025-06-30T00:00:00Z') },
    onProgress: sample,
  },
  { bucket: 'reference', key: 'registry/StockEtablissement_genere.csv' },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
clearInterval(sampler);
sample();
if (!outcome.loaded) throw new Error(outcome.reason);

// maxRSS (kilobytes on Linux) is the kernel's high-water mark: it misses no short peak.
const peakRssMb = Math.max(process.resourceUsage().maxRSS / 1024, sampledPeak / 1024 / 1024);
process.stdout.write(
  `${JSON.stringify({
    rows: outcome.rows,
    facts: outcome.facts,
    stored,
    rejectedRows: outcome.rejectedRows,
    megabytes: Math.round(bytes / 1e5) / 10,
    peakRssMb: Math.round(peakRssMb * 10) / 10,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(outcome.rows / seconds),
  })}\n`,
);
