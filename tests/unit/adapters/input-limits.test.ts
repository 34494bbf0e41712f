/**
 * The limits of docs/security.md, "Bounded inputs", at their edges: JSON nesting exactly at the limit
 * reads and one level more is refused; gzip inflation stops at its size and ratio limits and releases
 * the body it reads; a record longer than a line may be is read over instead of held.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/seeded-random.ts';
import { decpJsonRecords } from '../../../shared/adapters/decp-json-records.ts';
import { gunzipIfGzipped } from '../../../shared/adapters/gunzip-if-gzipped.ts';
import {
  DEFAULT_INFLATION_LIMITS,
  inflationRefusal,
  MAX_JSON_DEPTH,
  MAX_JSON_RECORD_CHARS,
  RATIO_CHECKED_FROM_BYTES,
} from '../../../shared/adapters/input-limits.ts';
import { papaparseRows } from '../../../shared/adapters/papaparse-rows.ts';
import type { RawRow } from '../../../shared/domain/ingest/ingest-core.ts';
import { OverlongRecord } from '../../../shared/domain/ingest/overlong-record.ts';
import { MAX_LINE_LENGTH } from '../../../shared/domain/ingest/row-checks.ts';
import { UnreadableFileError } from '../../../shared/ports/file-reader.ts';
import { readRuntimeConfig } from '../../../shared/runtime/env.ts';
import { deepDecpJson, incompressibleGzip } from '../../fixtures/built/hostile-files.ts';

const SEED = 20261203;
const MIB = 1024 * 1024;

async function* chunksOf(text: string, size = 64 * 1024): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function* bodyOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function jsonRecords(text: string): Promise<number> {
  let records = 0;
  for await (const batch of decpJsonRecords(chunksOf(text), 'v1')) records += batch.length;
  return records;
}

/** What reading fails with, or undefined when it ends. */
async function failureOf(read: Promise<unknown>): Promise<Error | undefined> {
  try {
    await read;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  return undefined;
}

describe('JSON nesting depth', () => {
  it(`reads a file nested exactly ${MAX_JSON_DEPTH} levels deep`, async () => {
    expect(await jsonRecords(deepDecpJson(MAX_JSON_DEPTH))).toBe(1);
  });

  it('refuses one level more, and 100 000 levels, without overflowing the stack', async () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 100_000]) {
      const error = await failureOf(jsonRecords(deepDecpJson(depth)));
      expect(error).toBeInstanceOf(UnreadableFileError);
      expect(error?.message).toBe(
        `the JSON nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep: a DECP file nests 5 or 6`,
      );
    }
  });

  it('refuses a contract longer than the JSON record limit, and says after which contract', async () => {
    // Counted chunk by chunk (64 KiB here): the read stops within a chunk of the limit.
    const text = `{"marches":[{"id":"1"},{"objet":"${'x'.repeat(MAX_JSON_RECORD_CHARS + 2 * 64 * 1024)}"}]}`;
    const error = await failureOf(jsonRecords(text));
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error?.message).toMatch(
      new RegExp(
        `^more than ${MAX_JSON_RECORD_CHARS} characters of JSON without a complete contract after contract #1`,
      ),
    );
  });
});

describe('inflation limits', () => {
  it('allows the inflated size exactly at the limit, refuses one byte more', () => {
    const limits = { maxInflatedBytes: 32 * MIB, maxRatio: 100 };
    expect(inflationRefusal(limits.maxInflatedBytes, limits.maxInflatedBytes, limits)).toBeUndefined();
    expect(inflationRefusal(limits.maxInflatedBytes + 1, limits.maxInflatedBytes, limits)).toBe(
      'the gzipped file inflates to more than 32 MB, the most a file may have',
    );
  });

  it('allows the ratio exactly at the limit, refuses one byte more, and judges no ratio below 16 MiB', () => {
    const limits = { maxInflatedBytes: 64 * MIB, maxRatio: 100 };
    const compressed = 320 * 1024;
    expect(inflationRefusal(100 * compressed, compressed, limits)).toBeUndefined();
    expect(inflationRefusal(100 * compressed + 1, compressed, limits)).toMatch(
      /^the gzipped file inflates more than 100 times \(31\.3 MB from 320 KB\): a compression bomb/,
    );
    expect(inflationRefusal(RATIO_CHECKED_FROM_BYTES, 1, limits)).toBeUndefined();
  });

  /**
   * 256 gzip members of 1 MiB of `x`, far more than the limits let through: the body ends early only
   * if it is let go.
   */
  function bombBody() {
    const member = gzipSync(Buffer.alloc(MIB, 'x'));
    const state = { released: false, yielded: 0 };
    async function* body(): AsyncGenerator<Uint8Array> {
      try {
        for (; state.yielded < 256; state.yielded++) yield member;
      } finally {
        state.released = true;
      }
    }
    return { body: body(), state };
  }

  it('stops inflating a bomb at the ratio limit and releases the body', async () => {
    const { body, state } = bombBody();
    let inflated = 0;
    const error = await failureOf(
      (async () => {
        for await (const chunk of gunzipIfGzipped(body)) inflated += chunk.byteLength;
      })(),
    );
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error?.message).toMatch(/^the gzipped file inflates more than 100 times/);
    expect(inflated).toBeLessThanOrEqual(RATIO_CHECKED_FROM_BYTES);
    expect(state).toMatchObject({ released: true, yielded: expect.any(Number) });
    expect(state.yielded).toBeLessThan(64);
  });

  it('releases the body of a reader that stops early', async () => {
    const { body, state } = bombBody();
    for await (const chunk of gunzipIfGzipped(body)) if (chunk.byteLength > 0) break;
    expect(state.released).toBe(true);
    expect(state.yielded).toBeLessThan(64);
  });

  it('stops at the size limit a file that barely compresses; reads one exactly at it', async () => {
    const size = 2 * MIB;
    const gzip = incompressibleGzip(SEED, size);
    const read = async (maxInflatedBytes: number) => {
      let inflated = 0;
      const limits = { ...DEFAULT_INFLATION_LIMITS, maxInflatedBytes };
      for await (const chunk of gunzipIfGzipped(bodyOf(gzip), limits)) inflated += chunk.byteLength;
      return inflated;
    };
    expect(await read(size)).toBe(size);
    const error = await failureOf(read(size - 1));
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error?.message).toMatch(/^the gzipped file inflates to more than 2 MB/);
  });

  it('refuses gzip cut short as unreadable, not as a fault to retry', async () => {
    const gzip = gzipSync('Fournisseur;Montant;Date\n'.repeat(1_000));
    const error = await failureOf(
      (async () => {
        for await (const chunk of gunzipIfGzipped(bodyOf(gzip.subarray(0, gzip.length - 20)))) {
          expect(chunk.byteLength).toBeGreaterThan(0);
        }
      })(),
    );
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error?.message).toMatch(/^the gzipped file is corrupt or cut short/);
  });

  it('comes from the environment: MAX_INFLATED_MB and MAX_INFLATION_RATIO, else the defaults', () => {
    const env = {
      TABLE_NAME: 't',
      UPLOADS_BUCKET: 'u',
      REPORTS_BUCKET: 'r',
      REFERENCE_BUCKET: 'f',
      TERRITORY_ID: 'x',
      MAX_REJECTED_RATIO: '0.5',
      HOLDER_SPLIT: 'equal',
    };
    expect(readRuntimeConfig(env).inflation).toEqual(DEFAULT_INFLATION_LIMITS);
    expect(readRuntimeConfig({ ...env, MAX_INFLATED_MB: '8', MAX_INFLATION_RATIO: '20' }).inflation).toEqual({
      maxInflatedBytes: 8 * MIB,
      maxRatio: 20,
    });
    expect(() => readRuntimeConfig({ ...env, MAX_INFLATION_RATIO: '0' })).toThrow(/MAX_INFLATION_RATIO/);
  });
});

async function rowsOf(chunks: AsyncIterable<string>): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const batch of papaparseRows(chunks, ';')) rows.push(...batch);
  return rows;
}

describe('records longer than a line may be', () => {
  it('holds a line unfinished one character short of the limit, and reads one at the limit over', async () => {
    for (const length of [MAX_LINE_LENGTH - 1, MAX_LINE_LENGTH]) {
      async function* text(): AsyncGenerator<string> {
        yield 'h;x\n';
        yield* chunksOf('a'.repeat(length), 1_000);
        yield '\nb;2\n';
      }
      const rows = await rowsOf(text());
      expect(rows.map((row) => row.lineNumber)).toEqual([1, 2, 3]);
      expect(rows[1] instanceof OverlongRecord).toBe(length >= MAX_LINE_LENGTH);
      expect(rows[2]?.cells).toEqual(['b', '2']);
    }
  });

  it('reads over a line of 600 million characters, longer than any string, keeping its start', async () => {
    const random = seededRandom(SEED);
    const piece = Array.from({ length: 64 * 1024 }, () => (random() < 0.1 ? ';' : 'z')).join('');
    const pieces = 9_200;
    async function* text(): AsyncGenerator<string> {
      yield 'Fournisseur;Montant\n';
      for (let index = 0; index < pieces; index++) yield piece;
      yield '\nAlpha;12,00\n';
    }
    const rows = await rowsOf(text());
    expect(rows).toHaveLength(3);
    const overlong = rows[1];
    if (!(overlong instanceof OverlongRecord)) throw new Error('line 2 should be overlong');
    expect(overlong.lineNumber).toBe(2);
    expect(overlong.length).toBe(pieces * piece.length);
    expect(overlong.start).toBe(piece.slice(0, 1_000));
    expect(overlong.reason).toBe(
      `the line is longer than ${MAX_LINE_LENGTH} characters (${pieces * piece.length}): only its first 1000 are shown`,
    );
    expect(rows[2]).toMatchObject({ lineNumber: 3, cells: ['Alpha', '12,00'] });
  });

  it('refuses a quoted value still open over lines past 1 000 000 characters, at once', async () => {
    const lines = `${'y'.repeat(100)}\n`.repeat(640);
    async function* text(): AsyncGenerator<string> {
      yield 'h;x\na;"open\n';
      for (let index = 0; index < 40; index++) yield lines;
    }
    const error = await failureOf(rowsOf(text()));
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error?.message).toBe(
      'line 2 opens a quote (") that is not closed within 1000000 characters: the rest of the file would be read as one value',
    );
  });
});
