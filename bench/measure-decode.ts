import { createReadStream } from 'node:fs';
import { decodeText } from '../shared/adapters/decoded-text.ts';

export interface DecodeMeasure {
  readonly encoding: string;
  readonly bytes: number;
  readonly characters: number;
  readonly ms: number;
}

/**
 * The ingest core's first step alone: the bytes read, hashed (SHA-256), their encoding sniffed,
 * decoded and their newlines normalised, nothing parsed. Bare papaparse is handed text Node decoded
 * as Latin-1 and hashes nothing; this is the part of the core's time the parser's figure leaves out.
 */
export async function measureDecode(path: string): Promise<DecodeMeasure> {
  const started = performance.now();
  const text = await decodeText(createReadStream(path));
  let characters = 0;
  for await (const chunk of text.chunks()) characters += chunk.length;
  text.contentSha256();
  return { encoding: text.encoding, bytes: text.bytesRead(), characters, ms: performance.now() - started };
}
