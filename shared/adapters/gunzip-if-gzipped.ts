import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Registry extracts are often published gzipped: the magic bytes decide, not the file name. */
export async function* gunzipIfGzipped(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest = (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  if (first.value[0] === 0x1f && first.value[1] === 0x8b) {
    yield* Readable.from(rest).pipe(createGunzip()) as AsyncIterable<Uint8Array>;
  } else {
    yield* rest;
  }
}
