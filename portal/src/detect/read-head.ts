import { endsUndecided } from '../../../shared/adapters/text-decoding.ts';

/** What the ingest function sniffs too: the first 64 KB settle the encoding, the shape and the header. */
export const HEAD_BYTES = 64 * 1024;
const MAX_HEAD_BYTES = 4 * HEAD_BYTES;
const STEP = 1024;

export interface FileHead {
  readonly bytes: Uint8Array;
  /** The head is the whole file. */
  readonly complete: boolean;
}

/**
 * The first bytes of a file picked in the browser, read on to an ASCII byte (as ingest does) so a
 * letter cut by the sample's end cannot make a UTF-8 file look like Windows-1252.
 */
export async function readHead(file: Blob): Promise<FileHead> {
  let end = Math.min(file.size, HEAD_BYTES);
  let bytes = new Uint8Array(await file.slice(0, end).arrayBuffer());
  while (end < file.size && end < MAX_HEAD_BYTES && endsUndecided(bytes)) {
    const more = new Uint8Array(await file.slice(end, Math.min(file.size, end + STEP)).arrayBuffer());
    let ascii = more.findIndex((byte) => byte < 0x80);
    if (ascii < 0) ascii = more.length - 1;
    const joined = new Uint8Array(bytes.length + ascii + 1);
    joined.set(bytes);
    joined.set(more.subarray(0, ascii + 1), bytes.length);
    bytes = joined;
    end += ascii + 1;
  }
  return { bytes, complete: end >= file.size };
}
