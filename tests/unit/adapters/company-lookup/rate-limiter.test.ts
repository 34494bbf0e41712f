import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../shared/adapters/company-lookup/rate-limiter.ts';
import { fakeTime } from '../../../support/fake-time.ts';

describe('createRateLimiter', () => {
  it.each([
    { limit: { requests: 7, perMs: 1000 }, calls: 8, spacing: 143 },
    { limit: { requests: 30, perMs: 60_000 }, calls: 4, spacing: 2000 },
  ])(
    'spaces $calls calls at $limit.requests per $limit.perMs ms at least $spacing ms apart',
    async ({ limit, calls, spacing }) => {
      const time = fakeTime();
      const limiter = createRateLimiter(limit, time.clock, time.sleep);
      const departures: number[] = [];
      for (let call = 0; call < calls; call++) {
        await limiter.acquire();
        departures.push(time.elapsedMs());
      }
      expect(departures[0]).toBe(0);
      for (let call = 1; call < calls; call++) {
        expect((departures[call] ?? 0) - (departures[call - 1] ?? 0)).toBeGreaterThanOrEqual(spacing);
      }
      expect(time.elapsedMs()).toBeGreaterThanOrEqual((calls - 1) * spacing);
      expect(limit.requests * spacing).toBeGreaterThanOrEqual(limit.perMs);
    },
  );

  it('queues concurrent callers one slot after another', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requests: 7, perMs: 1000 }, time.clock, time.sleep);
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    // All three reserved their slot at the same instant: the last may leave two spacings later.
    expect(time.elapsedMs()).toBe(286);
    expect(time.slept).toHaveLength(2);
  });

  it('does not wait when the calls are already far enough apart', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requests: 7, perMs: 1000 }, time.clock, time.sleep);
    await limiter.acquire();
    await time.sleep(500);
    await limiter.acquire();
    expect(time.slept).toEqual([500]);
  });

  it('refuses a limit that is not positive', () => {
    const time = fakeTime();
    expect(() => createRateLimiter({ requests: 0, perMs: 1000 }, time.clock, time.sleep)).toThrow(RangeError);
  });
});
