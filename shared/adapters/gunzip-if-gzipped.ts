import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UnreadableFileError } from '../ports/file-reader.ts';
import { DEFAULT_INFLATION_LIMITS, type InflationLimits, inflationRefusal } from './input-limits.ts';

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** zlib's own errors (`Z_DATA_ERROR`, `Z_BUF_ERROR` for a cut-off file) are the file's fault, not a fault. */
const isZlibError = (error: unknown) =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_');

/**
 * Inflates as the reader asks, no further, and stops as soon as a limit is passed. The ratio is taken
 * over the compressed bytes zlib has consumed (`bytesWritten`), not those read ahead of it.
 */
export async function* inflated(compressed: AsyncIterable<Uint8Array>, limits: InflationLimits) {
  const gunzip = createGunzip();
  const source = Readable.from(compressed);
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let inflatedBytes = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflatedBytes += chunk.byteLength;
      const refusal = inflationRefusal(inflatedBytes, gunzip.bytesWritten, limits);
      if (refusal) throw new UnreadableFileError(refusal);
      yield chunk;
    }
  } catch (error) {
    if (isZlibError(error)) {
      throw new UnreadableFileError(`the gzipped file is corrupt or cut short: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/**
 * Registry extracts are often published gzipped: the magic bytes decide, not the file name. However
 * reading ends — to the end, on an error, or a reader that stops early — the body is released (an S3
 * body's socket closed): a rejected file leaves nothing open.
 */
export async function* gunzipIfGzipped(
  body: AsyncIterable<Uint8Array>,
  limits: InflationLimits = DEFAULT_INFLATION_LIMITS,
): AsyncGenerator<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]();
  try {
    const first = await iterator.next();
    if (first.done) return;
    const all = (async function* () {
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })();
    yield* isGzip(first.value) ? inflated(all, limits) : all;
  } finally {
    await iterator.return?.();
  }
}
