import type { StreamDecoder } from './text-decoding.ts';

const LF = 0x0a;
const CR = 0x0d;
/** A "line" longer than this without a newline is decoded as it is rather than held any longer. */
const MAX_HELD_BYTES = 1024 * 1024;

/** Newlines as the text's normaliser will count them: LF, CRLF, and a CR alone. */
function newlinesIn(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) count++;
  for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) {
    if (bytes[at + 1] !== LF) count++;
  }
  return count;
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
 * decoded on its own as Windows-1252 and its physical line number recorded, so that ingest counts it
 * and flags it instead of rejecting its spend as undecodable. The lines are numbered as the record
 * splitter numbers them (after newline normalisation: CRLF and a lone CR are one newline each).
 * The Windows-1252 decoder is given: Node's and the browser's differ.
 */
export function createLineRepairingUtf8Decoder(decodeWindows1252: (bytes: Uint8Array) => string): StreamDecoder {
  // The lenient decoder finds out whether anything needs repair in one native pass.
  const lenient = new TextDecoder('utf-8');
  const strict = new TextDecoder('utf-8', { fatal: true });
  const redecodedLines = new Set<number>();
  let held: Uint8Array = new Uint8Array(0);
  let line = 1;

  const repair = (bytes: Uint8Array): string => {
    const parts: string[] = [];
    for (let start = 0; start < bytes.length; ) {
      const lf = bytes.indexOf(LF, start);
      const end = lf === -1 ? bytes.length : lf + 1;
      const segment = bytes.subarray(start, end);
      try {
        parts.push(strict.decode(segment));
      } catch {
        parts.push(decodeWindows1252(segment));
        redecodedLines.add(line);
      }
      line += newlinesIn(segment);
      start = end;
    }
    return parts.join('');
  };

  const decodeLines = (bytes: Uint8Array): string => {
    const text = lenient.decode(bytes);
    if (!text.includes('\uFFFD')) {
      line += newlinesIn(bytes);
      return text;
    }
    return repair(bytes);
  };

  return {
    write(bytes) {
      const input = joined(held, bytes);
      const lastLf = input.lastIndexOf(LF);
      if (lastLf === -1 && input.length < MAX_HELD_BYTES) {
        held = input === bytes ? input.slice() : input;
        return '';
      }
      const cut = lastLf === -1 ? input.length : lastLf + 1;
      held = input.slice(cut);
      return decodeLines(input.subarray(0, cut));
    },
    end() {
      const rest = held;
      held = new Uint8Array(0);
      return rest.length === 0 ? '' : decodeLines(rest);
    },
    redecodedLines,
  };
}
