import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CANONICAL_FIELDS, type CanonicalRow } from '../../../shared/domain/formats/canonical-fields.ts';
import { readRowText } from '../../../shared/domain/row-text.ts';

/**
 * The row reading as a schema: the reference the hand-written reading must agree with. A value is
 * trimmed, absent when empty, and cut at 4 000 characters, which marks the row truncated.
 */
const cutValues: string[] = [];
const optionalText = z
  .string()
  .optional()
  .transform((value) => {
    const trimmed = value?.trim();
    if (trimmed !== undefined && trimmed.length > 4_000) {
      cutValues.push(trimmed);
      return trimmed.slice(0, 4_000);
    }
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

function reference(row: CanonicalRow): Record<string, string | boolean | undefined> {
  cutValues.length = 0;
  const parsed = ReferenceSchema.parse(row);
  return {
    ...Object.fromEntries(CANONICAL_FIELDS.map((field) => [field, parsed[field]])),
    truncated: cutValues.length > 0,
  };
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
  it('reads every row as the schema does: same trims, same cut at 4 000 characters', () => {
    fc.assert(
      fc.property(row, (canonical) => {
        expect({ ...readRowText(canonical) }).toEqual(reference(canonical));
      }),
      { numRuns: 2_000 },
    );
  });

  it('cuts each value over 4 000 characters and says so, and never the amount or the date', () => {
    const long = 'x'.repeat(4_001);
    expect(readRowText({ supplierName: long, description: long, amount: long, date: long })).toMatchObject({
      supplierName: 'x'.repeat(4_000),
      description: 'x'.repeat(4_000),
      amount: long,
      date: long,
      truncated: true,
    });
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
