/**
 * Header cells as their author wrote them: a byte-order mark read as Windows-1252 (`ï»¿Body Name`)
 * or a UTF-8 name decoded twice (`LibellÃ© tiers`) is repaired before the header is matched, so
 * that the alias lists and the inference see the real words. A cell that does not decode cleanly
 * is kept as it is.
 */
const BOM_FORMS = /^(?:\uFEFF|ï»¿|Ã¯Â»Â¿)+/;
/** Two characters of Latin-1 that a UTF-8 letter becomes when decoded as Windows-1252. */
const MOJIBAKE =
  /[ÂÃÅÆâ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]/;

/** Windows-1252's characters in 0x80–0x9F, by the byte that encodes them. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252Byte(char: string): number | undefined {
  const code = char.charCodeAt(0);
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  const high = CP1252_HIGH.indexOf(char);
  return high === -1 ? undefined : 0x80 + high;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodedTwice(cell: string): string {
  const bytes: number[] = [];
  for (const char of cell) {
    const byte = windows1252Byte(char);
    if (byte === undefined) return cell;
    bytes.push(byte);
  }
  try {
    return UTF8.decode(Uint8Array.from(bytes));
  } catch {
    return cell;
  }
}

export function repairHeaderCell(cell: string): string {
  const unmarked = cell.replace(BOM_FORMS, '');
  return MOJIBAKE.test(unmarked) ? decodedTwice(unmarked) : unmarked;
}
