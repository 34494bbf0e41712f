import { describe, expect, it } from 'vitest';
import { formatCentsIn } from '../../../portal/src/i18n/format.ts';

describe('formatCentsIn: an amount in the currency the API gives with it', () => {
  it.each([
    [123_456, 'GBP', 'en', '£1,234.56'],
    [123_456, 'EUR', 'en', '€1,234.56'],
    [123_456, 'GBP', 'fr', /^1\s234,56\s£$/],
    [123_456, null, 'fr', /^1\s234,56$/],
    [123_456, null, 'en', '1,234.56'],
  ] as const)('%i cents in %s (%s)', (cents, currency, language, expected) => {
    const text = formatCentsIn(cents, currency, language);
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
  });

  it('never writes a sign for an amount whose currency is unknown', () => {
    expect(formatCentsIn(500, null, 'fr')).not.toMatch(/[€£]/);
  });
});
