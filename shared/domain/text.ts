/** Folds a label for matching: NFC, accents and case removed, punctuation collapsed to single spaces. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function foldForMatch(value: string): string {
  // Most values are plain ASCII: accents and Unicode classes need not be considered then.
  if (PRINTABLE_ASCII.test(value))
    return value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}

const isAsciiAlphanumeric = (code: number) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/**
 * `foldForMatch(value) === folded`, without building the folded string when `value` is printable
 * ASCII: the ASCII fold is the value's runs of letters and digits, lower-cased, joined by one space,
 * so they are compared one character at a time. Any other character (whose fold NFD and the Unicode
 * classes decide, and which changes how the ASCII around it folds: `^` is a diacritic there) sends
 * the value to `foldForMatch`. Runs for every data line, against the header's first cell.
 */
export function foldsTo(value: string, folded: string): boolean {
  let matched = 0;
  let mismatch = false;
  let gap = false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code > 0x7e) return foldForMatch(value) === folded;
    if (mismatch) continue;
    const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    if (!isAsciiAlphanumeric(lower)) {
      gap = true;
      continue;
    }
    if (gap && matched > 0 && folded.charCodeAt(matched++) !== 0x20) mismatch = true;
    if (folded.charCodeAt(matched++) !== lower) mismatch = true;
    gap = false;
  }
  return !mismatch && matched === folded.length;
}

/** `/^[0-9]*$/.test(value)`, without a regular expression: for the hot paths. */
export function isAsciiDigits(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * A pure function of a string, remembered for the values a file repeats (countries, supplier
 * names, dates). Forgets everything when full, so memory stays bounded whatever the file holds; keys
 * are kept `detached`, so a value cut from a chunk of text does not keep the chunk alive.
 */
export function memoised<T>(compute: (value: string) => T, capacity: number): (value: string) => T {
  const known = new Map<string, T>();
  return (value) => {
    const hit = known.get(value);
    if (hit !== undefined || known.has(value)) return hit as T;
    const computed = compute(value);
    if (known.size >= capacity) known.clear();
    known.set(detached(value), computed);
    return computed;
  };
}

/**
 * A copy of a string cut from a larger one that does not keep the larger one alive: V8 makes a long
 * slice a view on its parent (a whole chunk of decoded file), while a concatenation, once flattened, is
 * a string of its own. For values kept beyond their chunk: rollups, memos, whatever a file's end needs.
 */
export function detached(value: string): string {
  return ` ${value}`.slice(1);
}

/** Keys that would reach Object.prototype if a data value were ever used as a plain-object key. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
