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

/** Keys that would reach Object.prototype if a data value were ever used as a plain-object key. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
