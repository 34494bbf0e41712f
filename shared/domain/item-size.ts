/**
 * DynamoDB refuses an item over 400 KB (attribute names and values, in UTF-8). What may grow with the
 * data in one item — a rollup's categories, a dataset's buyers — is kept under this estimate, which
 * leaves room for the keys.
 */
export const MAX_ITEM_ESTIMATE = 350_000;

/** A text's UTF-8 size, counted without encoding it (the domain has no Buffer). */
export function utf8Bytes(text: string | undefined): number {
  if (text === undefined) return 0;
  let bytes = text.length;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) continue;
    // A surrogate is half of a 4-byte character: 2 bytes each.
    bytes += unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** DynamoDB stores a number in at most 21 bytes; an integer of cents, safe in JavaScript, in 9. */
const NUMBER_BYTES = 12;

/**
 * An upper bound of a plain value's size as DynamoDB counts it: texts in UTF-8, each attribute's
 * name, and a few bytes per list or map element.
 */
export function estimateBytes(value: unknown): number {
  if (typeof value === 'string') return utf8Bytes(value) + 1;
  if (typeof value === 'number') return NUMBER_BYTES;
  if (Array.isArray(value)) {
    let bytes = 3;
    for (const element of value) bytes += 1 + estimateBytes(element);
    return bytes;
  }
  if (typeof value === 'object' && value !== null) {
    let bytes = 3;
    for (const [name, element] of Object.entries(value))
      bytes += 1 + utf8Bytes(name) + estimateBytes(element);
    return bytes;
  }
  return 1;
}
