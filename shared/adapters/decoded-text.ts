import { createHash } from 'node:crypto';
import {
  createNewlineNormaliser,
  createStreamDecoder,
  detectEncoding,
  endsUndecided,
  type TextEncoding,
} from './text-decoding.ts';

/** Bytes sniffed for the encoding, the shape and the header before parsing starts. */
const HEAD_BYTES = 64 * 1024;
/** Reading on to an ASCII byte stops here: a file of nothing but high bytes is decided as it is. */
const MAX_HEAD_BYTES = 4 * HEAD_BYTES;

/** A byte stream turned into normalised text: decoded, newlines as LF, hashed as it is read. */
export interface DecodedText {
  readonly encoding: TextEncoding;
  /** The first ~64 KB of text, for sniffing; `chunks()` yields it again first. */
  readonly head: string;
  chunks(): AsyncGenerator<string>;
  contentSha256(): string;
  bytesRead(): number;
  /**
   * Physical lines (1 = first) decoded on their own as Windows-1252, filled as `chunks()` is read
   * (see the line-repairing decoder): known for a chunk's lines once the chunk is yielded.
   */
  readonly redecodedLines: ReadonlySet<number>;
}

/**
 * The bytes the encoding is judged on: the first 64 KB, however the stream happened to chunk them,
 * extended to the next ASCII byte so a character is never cut. It is the whole file only if it
 * really is.
 */
function sampleOf(head: Buffer, complete: boolean): [Uint8Array, boolean] {
  let cut = Math.min(head.length, HEAD_BYTES);
  while (cut < head.length && (head[cut - 1] ?? 0) >= 0x80) cut++;
  return [head.subarray(0, cut), complete && cut === head.length];
}

/**
 * Decodes before anything parses: papaparse (or a JSON parser) fed raw bytes splits multi-byte
 * characters across chunks. The encoding is chosen from the first bytes, read on to an ASCII byte
 * so a letter cut by the sample's end cannot fool the choice.
 */
export async function decodeText(
  body: AsyncIterable<Uint8Array>,
  declared?: TextEncoding | undefined,
): Promise<DecodedText> {
  const hash = createHash('sha256');
  let bytes = 0;
  const iterator = body[Symbol.asyncIterator]();
  const headChunks: Uint8Array[] = [];
  let headBytes = 0;
  let complete = false;
  const undecided = () =>
    headBytes < MAX_HEAD_BYTES && endsUndecided(headChunks[headChunks.length - 1] ?? new Uint8Array());
  while (headBytes < HEAD_BYTES || undecided()) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    if (next.value.byteLength === 0) continue;
    headChunks.push(next.value);
    headBytes += next.value.byteLength;
  }
  const encoding = declared ?? detectEncoding(...sampleOf(Buffer.concat(headChunks), complete));
  const decoder = createStreamDecoder(encoding);
  const newlines = createNewlineNormaliser();
  const redecodedLines = new Set<number>();
  // Lines counted only for a decoder that repairs lines: one native search per line of the text.
  let newlinesSoFar = 0;
  const lineCounted = (text: string) => {
    const { takeRedecoded } = decoder;
    if (!takeRedecoded) return text;
    for (const newlinesBefore of takeRedecoded()) redecodedLines.add(newlinesSoFar + newlinesBefore + 1);
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlinesSoFar++;
    return text;
  };
  const take = (chunk: Uint8Array) => {
    hash.update(chunk);
    bytes += chunk.byteLength;
    return lineCounted(newlines.write(decoder.write(chunk)));
  };
  const flush = () => lineCounted(newlines.write(decoder.end()) + newlines.end());
  // A file read whole is decoded whole: the decoder holds back a last line that has no newline.
  const head = headChunks.map(take).join('') + (complete ? flush() : '');

  async function* chunks(): AsyncGenerator<string> {
    try {
      if (head) yield head;
      if (complete) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const decoded = take(next.value);
        if (decoded) yield decoded;
      }
      const rest = flush();
      if (rest) yield rest;
    } finally {
      // A reader that stops early (a file rejected part-way) releases the body behind the text.
      await iterator.return?.();
    }
  }

  return {
    encoding,
    head,
    chunks,
    contentSha256: () => hash.copy().digest('hex'),
    bytesRead: () => bytes,
    redecodedLines,
  };
}
