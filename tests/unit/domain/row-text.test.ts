import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CANONICAL_FIELDS, type CanonicalRow } from '../../../shared/domain/formats/canonical-fields.ts';
import { readRowText } from '../../../shared/domain/row-text.ts';

/**
 * The row check as a schema, the way the row validator was written before it became a plain function:
 * the reference the hand-written check must agree with, messages included.
 */
const optionalText = z
  .string()
  .max(4_000, 'a value is longer than 4 000 characters')
  .optional()
  .transform((value) => {
    const trimmed = value?.trim();
    return trimmed === '' ? undefined : trimmed;
  });
const ReferenceSchema = z.object(
  Object.fromEntries(
    CANONICAL_FIELDS.map((field) => [
      field,
      field === 'amount' || field === 'date' ? z.string().optional() : optionalText,
    ]),
  ),
);

function reference(row: CanonicalRow): Record<string, string | undefined> | string {
  const parsed = ReferenceSchema.safeParse(row);
  if (!parsed.success) return parsed.error.issues.map((issue) => issue.message).join('; ');
  return Object.fromEntries(CANONICAL_FIELDS.map((field) => [field, parsed.data[field]]));
}

const value = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t x \u00A0',
    ' 1 234,56 ',
    '01/02/2025',
    'x'.repeat(4_000),
    ` ${'y'.repeat(3_999)} `,
  ),
  fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\u00A0', '\u2028', 'é', ';') }),
  fc.integer({ min: 3_990, max: 4_010 }).map((length) => 'z'.repeat(length)),
);
const row = fc.dictionary(fc.constantFrom(...CANONICAL_FIELDS), value) as fc.Arbitrary<CanonicalRow>;

describe('readRowText', () => {
  it('reads every row as the schema did: same trims, same limit, same messages', () => {
    fc.assert(
      fc.property(row, (canonical) => {
        const read = readRowText(canonical);
        expect(typeof read === 'string' ? read : { ...read }).toEqual(reference(canonical));
      }),
      { numRuns: 2_000 },
    );
  });

  it('names each value over 4 000 characters, and never the amount or the date', () => {
    const long = 'x'.repeat(4_001);
    expect(readRowText({ supplierName: long, description: long, amount: long, date: long })).toBe(
      'a value is longer than 4 000 characters; a value is longer than 4 000 characters',
    );
    expect(readRowText({ supplierName: ` ${'x'.repeat(3_998)} ` })).toMatchObject({
      supplierName: 'x'.repeat(3_998),
    });
  });

  it('keeps the amount and the date untrimmed and reads an empty text as absent', () => {
    expect(readRowText({ amount: ' 1,00 ', date: ' ', supplierName: '  ', reference: ' R1 ' })).toMatchObject(
      {
        amount: ' 1,00 ',
        date: ' ',
        supplierName: undefined,
        reference: 'R1',
      },
    );
  });
});
