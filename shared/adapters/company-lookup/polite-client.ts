import { type Clock, systemClock } from '../../ports/clock.ts';
import { createPoliteFetch, POLITE_DEFAULTS, type PoliteFetch } from './polite-fetch.ts';
import {
  createRateLimiter,
  type RateLimit,
  type RateLimiter,
  realSleep,
  type Sleep,
} from './rate-limiter.ts';

/** What every company-lookup client accepts; each provider adds its own. */
export interface PoliteClientOptions {
  /** The provider's root URL; tests point it at a local server. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxRetryAfterMs?: number;
  /** Overrides the provider's documented limit (a negotiated quota, a stricter courtesy). */
  readonly rateLimit?: RateLimit;
  /** Share one limiter between clients that spend the same quota. */
  readonly limiter?: RateLimiter;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
}

export interface PoliteClient {
  readonly baseUrl: string;
  readonly clock: Clock;
  readonly get: PoliteFetch;
}

/** One limiter per client, built once: every lookup of the client waits its turn in it. */
export function createPoliteClient(
  options: PoliteClientOptions,
  defaults: { readonly baseUrl: string; readonly rateLimit: RateLimit },
): PoliteClient {
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const limiter = options.limiter ?? createRateLimiter(options.rateLimit ?? defaults.rateLimit, clock, sleep);
  const get = createPoliteFetch({
    limiter,
    clock,
    sleep,
    timeoutMs: options.timeoutMs ?? POLITE_DEFAULTS.timeoutMs,
    maxAttempts: options.maxAttempts ?? POLITE_DEFAULTS.maxAttempts,
    baseDelayMs: options.baseDelayMs ?? POLITE_DEFAULTS.baseDelayMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? POLITE_DEFAULTS.maxRetryAfterMs,
    random: options.random ?? Math.random,
  });
  return { baseUrl: (options.baseUrl ?? defaults.baseUrl).replace(/\/+$/, ''), clock, get };
}

/** The day a fact was asked for (UTC), its `retrievedOn`. */
export const dayOf = (clock: Clock): string => clock.now().toISOString().slice(0, 10);
