import { UnreadableFileError } from '../../ports/file-reader.ts';
import { StockUnreadableError } from '../../ports/registry-stock.ts';
import { inflated } from '../gunzip-if-gzipped.ts';
import type { InflationLimits } from '../input-limits.ts';

/**
 * The decompressed bytes of a gzip stream, through the gunzip every upload goes through: zlib checks
 * each member's CRC-32 and length at its end, so the last bytes only come once the stream has proven
 * intact. Its refusals name the stock file.
 */
export async function* gunzippedBytes(
  compressed: AsyncIterable<Uint8Array>,
  location: string,
  limits: InflationLimits,
): AsyncGenerator<Uint8Array> {
  try {
    yield* inflated(compressed, limits);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new StockUnreadableError(`${location}: ${error.message}`);
    throw error;
  }
}
