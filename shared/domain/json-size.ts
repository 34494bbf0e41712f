/** JSON's two-character escapes (`\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`); other control bytes take six (`\u001f`). */
const SHORT_ESCAPES = new Set([0x22, 0x5c, 0x08, 0x09, 0x0a, 0x0c, 0x0d]);

/**
 * How many bytes a UTF-8 text takes once written as a JSON string (its quotes included), counted over
 * its bytes: what `JSON.stringify` would make of it, without making it.
 */
export function jsonStringBytes(utf8: Uint8Array): number {
  let size = utf8.length + 2;
  for (const byte of utf8) {
    if (SHORT_ESCAPES.has(byte)) size += 1;
    else if (byte < 0x20) size += 5;
  }
  return size;
}
