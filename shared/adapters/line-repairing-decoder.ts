import type { StreamDecoder } from './text-decoding.ts';

const LF = 0x0a;
const CR = 0x0d;
/**
 * Text without a newline is held at most this long, then decoded up to its last whole character: a
 * DECP JSON file is often one line of megabytes, and its start must be readable at once.
 */
const MAX_HELD_BYTES = 16 * 1024;

/** Newlines as the text's normaliser will count them: LF, CRLF, and a CR alone. */
function newlinesIn(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) count++;
  for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) {
    if (bytes[at + 1] !== LF) count++;
  }
  return count;
}

/** Where the line starting at `start` ends, its newline (LF, CRLF or a lone CR) included. */
function lineEnd(bytes: Uint8Array, start: number): number {
  for (let at = start; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === LF) return at + 1;
    if (byte === CR) return bytes[at + 1] === LF ? at + 2 : at + 1;
  }
  return bytes.length;
}

/** The end of the last whole UTF-8 character: a sequence cut by the end of the bytes starts after it. */
function characterBoundary(bytes: Uint8Array): number {
  let at = bytes.length;
  // Back over up to three continuation bytes (10xxxxxx) to the byte that leads them.
  while (at > bytes.length - 3 && at > 0 && ((bytes[at - 1] ?? 0) & 0xc0) === 0x80) at--;
  const lead = bytes[at - 1] ?? 0;
  if (lead >= 0xc0) {
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    return bytes.length - (at - 1) >= length ? bytes.length : at - 1;
  }
  return bytes.length;
}

/**
 * How much of the input can be decoded now: up to its last LF. A CR that is the last newline is held
 * with what follows (it may be half a CRLF), so the text returned never ends in a CR and the newline
 * normaliser after the decoder never holds one back: the lines it counts are the lines returned.
 */
function decodableLength(input: Uint8Array): number {
  const lastLf = input.lastIndexOf(LF);
  const lastCr = input.lastIndexOf(CR);
  return lastCr > lastLf ? lastCr : lastLf + 1;
}

function joined(first: Uint8Array, second: Uint8Array): Uint8Array {
  if (first.length === 0) return second;
  const both = new Uint8Array(first.length + second.length);
  both.set(first);
  both.set(second, first.length);
  return both;
}

/**
 * UTF-8, decoded a run of whole lines at a time. A line that is not valid UTF-8 — in practice one
 * record pasted from a Windows-1252 program into a UTF-8 export (`’`, `–`, `é` as single bytes) — is
 * decoded on its own as Windows-1252, and `takeRedecoded` says where it is in the text returned, so
 * that ingest counts it and flags it instead of rejecting its spend as undecodable. Lines are only
 * counted when one needs repair: the common text is decoded in one native pass. The Windows-1252
 * decoder is given: Node's and the browser's differ.
 */
export function createLineRepairingUtf8Decoder(
  decodeWindows1252: (bytes: Uint8Array) => string,
): StreamDecoder {
  const lenient = new TextDecoder('utf-8');
  const strict = new TextDecoder('utf-8', { fatal: true });
  let redecoded: number[] = [];
  let held: Uint8Array = new Uint8Array(0);

  /** `newlinesBefore`: the newlines already in the text this call returns with the bytes. */
  const repair = (bytes: Uint8Array, newlinesBefore: number): string => {
    const parts: string[] = [];
    let newlines = newlinesBefore;
    for (let start = 0; start < bytes.length; ) {
      const end = lineEnd(bytes, start);
      const segment = bytes.subarray(start, end);
      try {
        parts.push(strict.decode(segment));
      } catch {
        parts.push(decodeWindows1252(segment));
        redecoded.push(newlines);
      }
      newlines += newlinesIn(segment);
      start = end;
    }
    return parts.join('');
  };

  /** Decodes `first` then `second` as one text (a character may straddle them), without joining them. */
  const decodeLines = (first: Uint8Array, second: Uint8Array): string => {
    const text =
      first.length === 0
        ? lenient.decode(second)
        : lenient.decode(first, { stream: true }) + lenient.decode(second);
    return text.includes('\uFFFD') ? repair(joined(first, second), 0) : text;
  };

  return {
    write(bytes) {
      const cut = decodableLength(bytes);
      if (cut === 0) {
        const input = joined(held, bytes);
        if (input.length < MAX_HELD_BYTES) {
          held = input === bytes ? input.slice() : input;
          return '';
        }
        // Text without a newline for this long is decoded as far as its last whole character.
        const boundary = characterBoundary(input);
        held = input.slice(boundary);
        return decodeLines(new Uint8Array(0), input.subarray(0, boundary));
      }
      const before = held;
      held = bytes.slice(cut);
      return decodeLines(before, bytes.subarray(0, cut));
    },
    end() {
      const rest = held;
      held = new Uint8Array(0);
      return rest.length === 0 ? '' : decodeLines(new Uint8Array(0), rest);
    },
    takeRedecoded() {
      const taken = redecoded;
      redecoded = [];
      return taken;
    },
  };
}
