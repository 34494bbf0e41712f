import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapInFlight } from '../../../shared/domain/in-flight.ts';

describe('mapInFlight', () => {
  it('gives every result in the items’ order, never more than the limit at work at once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        async (delays, limit) => {
          let working = 0;
          let most = 0;
          const results = await mapInFlight(delays, limit, async (delay) => {
            working += 1;
            most = Math.max(most, working);
            await new Promise((resolve) => setTimeout(resolve, delay));
            working -= 1;
            return delay * 2;
          });
          expect(results).toEqual(delays.map((delay) => delay * 2));
          expect(most).toBeLessThanOrEqual(limit);
          if (delays.length > 0)
            expect(most).toBeGreaterThanOrEqual(Math.min(limit, delays.length) > 1 ? 2 : 1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('fails as the first failing item fails', async () => {
    await expect(
      mapInFlight([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
  });
});
