/**
 * S3 replaces an object whole: a reader gets the old bytes or the new ones, never a mix or a cut.
 * `ancrage serve` rewrites reports while the portal reads them, so the embedded S3 must do the same.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());

/** Version n of the object: its size differs from every other version's, its bytes say n throughout. */
const version = (n: number) => `${n}|`.repeat(20_000 + ((n * 7_919) % 50_000));

describe('the embedded S3 replacing an object', () => {
  it('gives every reader one whole version while the object is rewritten, and the last one after', async () => {
    const Bucket = harness.stack.buckets.reports;
    const Key = 'consortium/report.html';
    const put = (n: number) => harness.s3.send(new PutObjectCommand({ Bucket, Key, Body: version(n) }));
    await put(0);
    const versions = new Set(Array.from({ length: 41 }, (_, n) => version(n)));
    let writing = true;
    const writer = (async () => {
      for (let n = 1; n <= 40; n++) await put(n);
      writing = false;
    })();
    const read: string[] = [];
    const readers = Array.from({ length: 4 }, async () => {
      while (writing) {
        const got = await harness.s3.send(new GetObjectCommand({ Bucket, Key }));
        read.push((await got.Body?.transformToString()) ?? '');
      }
    });
    await Promise.all([writer, ...readers]);

    expect(read.length).toBeGreaterThan(40);
    const torn = read.filter((text) => !versions.has(text)).map((text) => text.length);
    expect(torn).toEqual([]);
    const last = await harness.s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(await last.Body?.transformToString()).toBe(version(40));
  });
});
