import { createLineRepairingUtf8Decoder } from './line-repairing-decoder.ts';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface StreamDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
  /**
   * The lines of the text returned since the last call that were not valid in the file's encoding and
   * were decoded on their own as Windows-1252, each as the number of newlines before it in that text.
   * Only a decoder that repairs lines has it.
   */
  takeRedecoded?(): readonly number[];
}

/**
 * True while the sample ends in bytes of 0x80 and above: they may be a UTF-8 character cut by the
 * sample's end, or Windows-1252 letters; reading on to the next ASCII byte settles which.
 */
export function endsUndecided(head: Uint8Array): boolean {
  const last = head[head.length - 1];
  return last !== undefined && last >= 0x80;
}

/**
 * Finds the encoding from the first bytes: a byte-order mark, else strict UTF-8 over the sample, else
 * UTF-8 still when more of its lines with accented letters are valid UTF-8 than not (a UTF-8 export
 * with a few records pasted from a Windows-1252 program: those lines are repaired one by one), else
 * Windows-1252 (what French Excel writes for "CSV séparateur point-virgule"). `complete` says the
 * sample is the whole file; otherwise it must end on an ASCII byte (see `endsUndecided`).
 */
export function detectEncoding(head: Uint8Array, complete = true): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return 'utf-8';
  } catch {
    return mostlyUtf8(head) ? 'utf-8' : 'windows-1252';
  }
}

/** Counts the sample's lines holding bytes above ASCII: more valid UTF-8 than not means UTF-8. */
function mostlyUtf8(head: Uint8Array): boolean {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let valid = 0;
  let invalid = 0;
  for (let start = 0; start < head.length; ) {
    const newline = head.indexOf(0x0a, start);
    const end = newline === -1 ? head.length : newline;
    const line = head.subarray(start, end);
    if (line.some((byte) => byte >= 0x80)) {
      try {
        strict.decode(line);
        valid++;
      } catch {
        invalid++;
      }
    }
    start = end + 1;
  }
  return valid > invalid;
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, curly quotes, Œ…); five of those are unused. */
const WINDOWS_1252_HIGH =
  '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD' +
  '\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';

const LATIN1_ONLY = /[\x80-\x9f]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  // Latin-1 maps every byte to the same code point; only 0x80–0x9F differ in Windows-1252. The few
  // such characters of a chunk (€, ’) are spliced in between slices: a replace calling back for each
  // costs three times as much.
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let decoded = '';
  let from = 0;
  for (const match of latin1.matchAll(LATIN1_ONLY)) {
    decoded +=
      latin1.slice(from, match.index) + WINDOWS_1252_HIGH.charAt(latin1.charCodeAt(match.index) - 0x80);
    from = match.index + 1;
  }
  return from === 0 ? latin1 : decoded + latin1.slice(from);
}

/** UTF-16 BE as LE: swap each byte pair, carrying an odd byte over to the next chunk. */
function createUtf16BeDecoder(): StreamDecoder {
  const decoder = new TextDecoder('utf-16le');
  let carry: number | undefined;
  return {
    write(bytes) {
      let input = bytes;
      if (carry !== undefined) {
        input = new Uint8Array(bytes.length + 1);
        input[0] = carry;
        input.set(bytes, 1);
      }
      const even = input.length - (input.length % 2);
      carry = input.length % 2 === 1 ? input[input.length - 1] : undefined;
      const swapped = new Uint8Array(even);
      for (let index = 0; index < even; index += 2) {
        swapped[index] = input[index + 1] ?? 0;
        swapped[index + 1] = input[index] ?? 0;
      }
      return decoder.decode(swapped, { stream: true });
    },
    end: () => decoder.decode() + (carry === undefined ? '' : '\uFFFD'),
  };
}

/**
 * A decoder that keeps characters split across chunks whole and strips the byte-order mark. Built on
 * TextDecoder and a 32-entry table rather than an encoding library: the Lambda bundle stays small.
 */
export function createStreamDecoder(encoding: TextEncoding): StreamDecoder {
  if (encoding === 'windows-1252') return { write: decodeWindows1252, end: () => '' };
  if (encoding === 'utf-16be') return createUtf16BeDecoder();
  if (encoding === 'utf-8' || encoding === 'utf-8-bom')
    return createLineRepairingUtf8Decoder(decodeWindows1252);
  // Not fatal: an invalid byte becomes U+FFFD, which ingest rejects line by line.
  const decoder = new TextDecoder('utf-16le');
  return {
    write: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

/** Rewrites CRLF and lone CR as LF, keeping a CR that ends one chunk until the next is seen. */
export function createNewlineNormaliser(): { write(text: string): string; end(): string } {
  let pendingCr = false;
  return {
    write(text) {
      let input = pendingCr ? `\r${text}` : text;
      pendingCr = input.endsWith('\r');
      if (pendingCr) input = input.slice(0, -1);
      if (!input.includes('\r')) return input;
      // CRLF first, with a plain string search (three times faster than one regular expression),
      // then any lone CR left.
      const crlf = input.replaceAll('\r\n', '\n');
      return crlf.includes('\r') ? crlf.replaceAll('\r', '\n') : crlf;
    },
    end() {
      const rest = pendingCr ? '\n' : '';
      pendingCr = false;
      return rest;
    },
  };
}
