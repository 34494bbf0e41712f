import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

/** Windows-1252's 0x80–0x9F (€, curly quotes, Œ, dashes…); the rest of its bytes are Latin-1. */
const WINDOWS_1252_HIGH =
  '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD' +
  '\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';
const HIGH_BYTES = new Map<number, number>();
for (let index = 0; index < 32; index++) {
  const code = WINDOWS_1252_HIGH.charCodeAt(index);
  if (code !== 0xfffd) HIGH_BYTES.set(code, 0x80 + index);
}

/** Encodes text as Windows-1252 (French Excel's "CSV séparateur point-virgule"); throws on a character it lacks. */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : HIGH_BYTES.get(code);
    if (byte === undefined) throw new Error(`"${text[index]}" has no Windows-1252 byte`);
    bytes[index] = byte;
  }
  return bytes;
}

const FLUSH_CHARS = 1 << 20;

/** Writes text to a file in ~1 MB encoded chunks, waiting for the disk when it falls behind. */
export function createTextFileWriter(path: string, encoding: FileEncoding) {
  const stream = createWriteStream(path);
  const encoder = new TextEncoder();
  const encode = (text: string) =>
    encoding === 'windows-1252' ? encodeWindows1252(text) : encoder.encode(text);
  let pending: string[] = encoding === 'utf-8-bom' ? ['\uFEFF'] : [];
  let pendingChars = 0;
  let bytes = 0;
  const flush = async () => {
    const chunk = encode(pending.join(''));
    pending = [];
    pendingChars = 0;
    bytes += chunk.byteLength;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    async write(text: string): Promise<void> {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= FLUSH_CHARS) await flush();
    },
    /** Flushes and closes; returns the file's size in bytes. */
    async close(): Promise<number> {
      await flush();
      stream.end();
      await once(stream, 'finish');
      return bytes;
    },
  };
}
