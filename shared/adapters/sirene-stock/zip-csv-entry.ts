import { crc32, createInflateRaw } from 'node:zlib';
import { StockUnreadableError } from '../../ports/registry-stock.ts';
import type { InflationLimits } from '../input-limits.ts';
import { ByteReader } from './byte-reader.ts';
import { InflationGuard } from './inflation-guard.ts';
import {
  DATA_DESCRIPTOR_SIGNATURE,
  FLAG_DATA_DESCRIPTOR,
  FLAG_ENCRYPTED,
  LOCAL_HEADER_BYTES,
  LOCAL_HEADER_SIGNATURE,
  parseLocalHeader,
  variableLength,
  type ZipLocalHeader,
} from './zip-local-header.ts';
import { ZlibPump } from './zlib-pump.ts';

const STORED = 0;
const DEFLATED = 8;

/**
 * The bytes of a zip's first `.csv` entry, read front to back from the local headers (the central
 * directory at the end is never needed): INSEE's zips hold one CSV of 6+ GB, streamed, never stored.
 * The entry's CRC-32 and size are checked at its end, then the rest of the zip is read through so the
 * source can check its own length; only then does the stream end.
 */
export async function* zipCsvEntry(
  zip: AsyncIterable<Uint8Array>,
  location: string,
  limits: InflationLimits,
): AsyncGenerator<Uint8Array> {
  const reader = new ByteReader(zip);
  const unreadable = (reason: string) => new StockUnreadableError(`${location}: ${reason}`);
  for (;;) {
    const fixed = await reader.exactly(LOCAL_HEADER_BYTES);
    if (fixed === undefined || fixed.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) {
      throw unreadable(
        fixed === undefined ? 'the zip ends before any .csv entry' : 'the zip holds no .csv entry',
      );
    }
    const nameAndExtra = await reader.exactly(variableLength(fixed));
    if (nameAndExtra === undefined) throw unreadable('the zip is cut inside a header');
    const header = parseLocalHeader(fixed, nameAndExtra);
    const wanted = header.name.toLowerCase().endsWith('.csv');
    for await (const bytes of entryData(reader, header, location, limits)) if (wanted) yield bytes;
    if (wanted) break;
  }
  await reader.drain();
}

/** One entry's inflated bytes, its CRC-32 and size checked once its data (and descriptor) are read. */
async function* entryData(
  reader: ByteReader,
  header: ZipLocalHeader,
  location: string,
  limits: InflationLimits,
): AsyncGenerator<Uint8Array> {
  const entry = `${location}, entry ${header.name}`;
  const unreadable = (reason: string) => new StockUnreadableError(`${entry}: ${reason}`);
  if ((header.flags & FLAG_ENCRYPTED) !== 0) throw unreadable('it is encrypted');
  if (header.method !== STORED && header.method !== DEFLATED) {
    throw unreadable(`compression method ${header.method} is not supported (only stored and deflate)`);
  }
  if (header.method === STORED && header.compressedSize === undefined) {
    throw unreadable('a stored entry of unannounced size cannot be read as a stream');
  }
  let crc = 0;
  let size = 0;
  const guard = new InflationGuard(entry, limits, 'the zip entry');
  try {
    const chunks =
      header.method === STORED
        ? storedData(reader, header.compressedSize ?? 0, unreadable)
        : deflatedData(reader, header.compressedSize, guard, unreadable);
    for await (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.byteLength;
      yield chunk;
    }
  } catch (error) {
    if (error instanceof StockUnreadableError) throw error;
    throw unreadable(`its deflate data is damaged (${(error as Error).message})`);
  }
  const expected =
    (header.flags & FLAG_DATA_DESCRIPTOR) !== 0 ? await dataDescriptor(reader, header) : header;
  if (expected === undefined) throw unreadable('the zip is cut inside the data descriptor');
  if (expected.size !== undefined && expected.size !== size) {
    throw unreadable(
      `it inflated to ${size} bytes, not the ${expected.size} announced (truncated or damaged)`,
    );
  }
  if (expected.crc32 !== crc) {
    throw unreadable(
      `its CRC-32 is ${hex(crc)}, not the ${hex(expected.crc32)} announced: the data is damaged`,
    );
  }
}

const hex = (value: number): string => value.toString(16).padStart(8, '0');

type Unreadable = (reason: string) => StockUnreadableError;

async function* storedData(
  reader: ByteReader,
  length: number,
  unreadable: Unreadable,
): AsyncGenerator<Uint8Array> {
  let left = length;
  while (left > 0) {
    const chunk = await reader.next(left);
    if (chunk === undefined) throw unreadable('the zip is cut inside the entry data');
    left -= chunk.byteLength;
    yield chunk;
  }
}

/** Inflates exactly `compressedSize` bytes, or — when a descriptor gives it afterwards — up to the deflate end. */
async function* deflatedData(
  reader: ByteReader,
  compressedSize: number | undefined,
  guard: InflationGuard,
  unreadable: Unreadable,
): AsyncGenerator<Uint8Array> {
  const pump = new ZlibPump(createInflateRaw());
  let fed = 0;
  const checked = (chunks: Buffer[]) => {
    for (const chunk of chunks) guard.check(chunk.byteLength, fed);
    return chunks;
  };
  while (!pump.finished && (compressedSize === undefined || fed < compressedSize)) {
    const chunk = await reader.next(compressedSize === undefined ? undefined : compressedSize - fed);
    if (chunk === undefined) throw unreadable('the zip is cut inside the entry data');
    const before = fed;
    fed += chunk.byteLength;
    yield* checked(await pump.write(chunk));
    // The deflate stream ended inside this chunk: what follows it is the descriptor or the next header.
    if (pump.finished) reader.unread(chunk.subarray(pump.consumed - before));
  }
  yield* checked(await pump.end());
  if (compressedSize !== undefined && pump.consumed !== compressedSize) {
    throw unreadable(`the deflate data ends after ${pump.consumed} of its ${compressedSize} bytes`);
  }
}

/** The CRC-32 and sizes written after the data (signature optional; 8-byte sizes with ZIP64). */
async function dataDescriptor(reader: ByteReader, header: ZipLocalHeader) {
  const first = await reader.exactly(4);
  if (first === undefined) return undefined;
  const crcBytes = first.readUInt32LE(0) === DATA_DESCRIPTOR_SIGNATURE ? await reader.exactly(4) : first;
  const sizes = await reader.exactly(header.zip64 ? 16 : 8);
  if (crcBytes === undefined || sizes === undefined) return undefined;
  const size = header.zip64 ? Number(sizes.readBigUInt64LE(8)) : sizes.readUInt32LE(4);
  return { crc32: crcBytes.readUInt32LE(0), size };
}
