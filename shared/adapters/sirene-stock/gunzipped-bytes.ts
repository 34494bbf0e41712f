import { createGunzip } from 'node:zlib';
import { StockUnreadableError } from '../../ports/registry-stock.ts';
import { InflationGuard } from './inflation-guard.ts';
import { ZlibPump } from './zlib-pump.ts';

/**
 * The decompressed bytes of a gzip stream. Gunzip checks each member's CRC-32 and length at its end,
 * so the last bytes only come once the whole stream has proven intact.
 */
export async function* gunzippedBytes(
  compressed: AsyncIterable<Uint8Array>,
  location: string,
  limits: { readonly maxInflatedBytes: number; readonly maxInflationRatio: number },
): AsyncGenerator<Uint8Array> {
  const pump = new ZlibPump(createGunzip());
  const guard = new InflationGuard(location, limits);
  let read = 0;
  const guarded = (chunks: Buffer[]) => {
    for (const chunk of chunks) guard.check(chunk.byteLength, read);
    return chunks;
  };
  try {
    for await (const chunk of compressed) {
      read += chunk.byteLength;
      yield* guarded(await pump.write(chunk));
    }
    yield* guarded(await pump.end());
  } catch (error) {
    if (error instanceof StockUnreadableError) throw error;
    throw new StockUnreadableError(`${location} is not a sound gzip file (${(error as Error).message})`);
  }
}
