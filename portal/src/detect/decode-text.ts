import { createLineRepairingUtf8Decoder } from '../../../shared/adapters/line-repairing-decoder.ts';
import {
  createNewlineNormaliser,
  createStreamDecoder,
  type StreamDecoder,
  type TextEncoding,
} from '../../../shared/adapters/text-decoding.ts';

/**
 * Ingest's own decoders, except for Windows-1252 (and UTF-8 lines repaired as such): the shared one goes through Node's Buffer, and every
 * browser has a native Windows-1252 TextDecoder (it differs only on five unused bytes, shown as
 * control characters instead of U+FFFD — enough for a preview; ingest itself decides on upload).
 */
function decoderFor(encoding: TextEncoding): StreamDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const single = new TextDecoder('windows-1252');
    return createLineRepairingUtf8Decoder((bytes) => single.decode(bytes));
  }
  if (encoding !== 'windows-1252') return createStreamDecoder(encoding);
  const native = new TextDecoder('windows-1252');
  return {
    write: (bytes) => native.decode(bytes, { stream: true }),
    end: () => native.decode(),
  };
}

/** Decoded text with LF newlines, chunk by chunk, characters split across chunks kept whole. */
export function createTextDecoder(encoding: TextEncoding): {
  write(bytes: Uint8Array): string;
  end(): string;
} {
  const decoder = decoderFor(encoding);
  const newlines = createNewlineNormaliser();
  return {
    write: (bytes) => newlines.write(decoder.write(bytes)),
    end: () => newlines.write(decoder.end()) + newlines.end(),
  };
}

/** The head as text; when it is not the whole file, only its complete lines. */
export function decodeHead(bytes: Uint8Array, complete: boolean, encoding: TextEncoding): string {
  const decoder = createTextDecoder(encoding);
  const text = decoder.write(bytes) + (complete ? decoder.end() : '');
  if (complete) return text;
  const lastNewline = text.lastIndexOf('\n');
  return lastNewline < 0 ? text : text.slice(0, lastNewline + 1);
}

/** The whole file as decoded text chunks, streamed (a DECP JSON file is read to its first contracts). */
export async function* decodedChunks(file: Blob, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = createTextDecoder(encoding);
  const reader = file.stream().getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const text = decoder.write(next.value);
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    await reader.cancel();
  }
}
