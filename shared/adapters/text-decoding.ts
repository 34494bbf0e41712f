import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface StreamDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
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
    return 'windows-1252';
  }
}

/** A decoder that keeps characters split across chunks whole and strips the byte-order mark. */
export function createStreamDecoder(encoding: TextEncoding): StreamDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    // Not fatal: an invalid byte later in the file becomes U+FFFD, which ingest rejects line by line.
    const decoder = new TextDecoder('utf-8');
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder(
    encoding === 'windows-1252' ? 'win1252' : encoding === 'utf-16le' ? 'utf16-le' : 'utf16-be',
    { stripBOM: true },
  );
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
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
      return input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
    },
    end() {
      const rest = pendingCr ? '\n' : '';
      pendingCr = false;
      return rest;
    },
  };
}
