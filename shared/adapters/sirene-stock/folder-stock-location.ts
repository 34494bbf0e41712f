import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type StockDescription, type StockFile, StockUnreadableError } from '../../ports/registry-stock.ts';
import { changedWhileRead, type StockLocation } from './stock-location.ts';
import type { StockCandidate } from './stock-names.ts';

const CHUNK_BYTES = 64 * 1024;

const versionOf = (info: { size: number; mtimeMs: number }): string => `${info.size}-${info.mtimeMs}`;

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What the folder holds under `candidate`'s name; `undefined` when nothing does. */
export async function describeFolderStock(
  folder: string,
  file: StockFile,
  candidate: StockCandidate,
): Promise<StockDescription | undefined> {
  const path = join(folder, candidate.name);
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new StockUnreadableError(`${path} is not a file`);
    return {
      file,
      name: candidate.name,
      format: candidate.format,
      location: path,
      sizeBytes: info.size,
      // A file's date is when it was downloaded or copied, not when INSEE published it.
      publishedAt: undefined,
      version: versionOf(info),
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof StockUnreadableError) throw error;
    throw new StockUnreadableError(`${path} cannot be read (${reasonOf(error)})`);
  }
}

/** Reads a described file from disk, its size and mtime checked against the description. */
export function folderStockLocation(description: StockDescription): StockLocation {
  const path = description.location;

  async function assertUnchanged(): Promise<void> {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new StockUnreadableError(changedWhileRead(description, 'it is gone'));
    if (versionOf(info) !== description.version) {
      throw new StockUnreadableError(
        changedWhileRead(description, `size-mtime ${versionOf(info)} instead of ${description.version}`),
      );
    }
  }

  async function* wholeFile(): AsyncGenerator<Uint8Array> {
    await assertUnchanged();
    let count = 0;
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
        count += (chunk as Buffer).byteLength;
        yield chunk as Buffer;
      }
    } catch (error) {
      if (error instanceof StockUnreadableError) throw error;
      throw new StockUnreadableError(`${path}: reading stopped after ${count} bytes (${reasonOf(error)})`);
    }
    if (count !== description.sizeBytes) {
      throw new StockUnreadableError(
        changedWhileRead(description, `${count} bytes read, ${description.sizeBytes} expected`),
      );
    }
    await assertUnchanged();
  }

  async function slice(start: number, end: number): Promise<Uint8Array> {
    const length = Math.max(0, end - start);
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw new StockUnreadableError(`${path} cannot be opened (${reasonOf(error)})`);
    });
    try {
      const info = await handle.stat();
      if (versionOf(info) !== description.version) {
        throw new StockUnreadableError(
          changedWhileRead(description, `size-mtime ${versionOf(info)} instead of ${description.version}`),
        );
      }
      const bytes = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(bytes, filled, length - filled, start + filled);
        if (bytesRead === 0)
          throw new StockUnreadableError(`${path}: bytes ${start}–${end} lie past its end`);
        filled += bytesRead;
      }
      return bytes;
    } finally {
      await handle.close();
    }
  }

  return { description, wholeFile, slice, assertUnchanged };
}
