import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys } from '../../../shared/adapters/dynamodb-keys.ts';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('keys built from data stay within DynamoDB’s limits', () => {
  // Names up to the 4 000 characters a line may keep, in letters of 1 to 4 UTF-8 bytes.
  const value = fc.string({ unit: fc.constantFrom('a', 'é', '€', '🎉', ' '), maxLength: 4_000 });

  it('keeps every rollup sort key under 1 024 bytes and every supplier partition key under 2 048 (property)', () => {
    fc.assert(
      fc.property(value, value, (anchorId, name) => {
        const supplierKey = `name:${name}@38000`;
        expect(
          bytes(keys.rollup('d'.repeat(24), anchorId, supplierKey, 'concession').sk),
        ).toBeLessThanOrEqual(1_024);
        expect(bytes(keys.lineBySupplier(supplierKey, 'd'.repeat(24), 1).gsi1pk)).toBeLessThanOrEqual(2_048);
        expect(bytes(keys.facts.override(supplierKey).pk)).toBeLessThanOrEqual(2_048);
        expect(bytes(keys.datasetIndex(anchorId, 'd'.repeat(24)).gsi1sk)).toBeLessThanOrEqual(1_024);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves ordinary values as they are, and never gives two long values one key', () => {
    expect(keys.rollup('d', 'anchor', 'siret:32537347000039', undefined).sk).toBe(
      'ROLLUP#anchor#siret:32537347000039',
    );
    const long = 'x'.repeat(3_000);
    expect(keys.facts.override(`name:${long}a`).pk).not.toBe(keys.facts.override(`name:${long}b`).pk);
  });
});
