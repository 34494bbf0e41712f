import type { Clock } from '../../ports/clock.ts';

/** Waits for `ms` milliseconds; injected so that tests neither wait nor depend on wall time. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A provider's published limit: at most `requests` per `perMs` milliseconds. */
export interface RateLimit {
  readonly requests: number;
  readonly perMs: number;
}

export interface RateLimiter {
  /** Resolves when the next request may leave; every request of a client goes through it. */
  acquire(): Promise<void>;
}

/**
 * Spaces requests evenly (7 a second → one every 143 ms) rather than letting a burst of 7 go and
 * then waiting: a provider counting over a sliding window sees no burst at all. The slot is reserved
 * before waiting, so concurrent callers queue in order instead of all waking at once.
 */
export function createRateLimiter(limit: RateLimit, clock: Clock, sleep: Sleep): RateLimiter {
  if (!(limit.requests > 0 && limit.perMs > 0)) {
    throw new RangeError(`a rate limit needs positive numbers, got ${limit.requests}/${limit.perMs} ms`);
  }
  const spacingMs = Math.ceil(limit.perMs / limit.requests);
  let nextSlot = Number.NEGATIVE_INFINITY;
  return {
    async acquire() {
      const now = clock.now().getTime();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + spacingMs;
      if (slot > now) await sleep(slot - now);
    },
  };
}
