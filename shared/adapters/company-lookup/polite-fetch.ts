import type { Clock } from '../../ports/clock.ts';
import { retryAfterMs } from '../retry-after.ts';
import type { RateLimiter, Sleep } from './rate-limiter.ts';

export interface PoliteFetchOptions {
  readonly limiter: RateLimiter;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  /** The first back-off; each retry doubles it, with jitter so that parallel clients spread out. */
  readonly baseDelayMs: number;
  /** A provider asking for a longer pause than this is waited for this long only. */
  readonly maxRetryAfterMs: number;
  readonly random: () => number;
}

export const POLITE_DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 3,
  baseDelayMs: 500,
  maxRetryAfterMs: 30_000,
} as const;

export type FetchOutcome =
  /** The provider answered with a status worth reading (2xx, 4xx but 429); `body` is undefined when not JSON. */
  | { readonly kind: 'answered'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'unavailable'; readonly reason: string; readonly offline?: true };

export type PoliteFetch = (url: string, headers?: Readonly<Record<string, string>>) => Promise<FetchOutcome>;

/**
 * Errors that say the host cannot be reached at all (no DNS, nothing listening, no route): retrying
 * would only make an offline run slow, and the caller stops asking after one `offline` answer.
 */
const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
]);

type Attempt =
  | { readonly kind: 'done'; readonly outcome: FetchOutcome }
  | { readonly kind: 'retry'; readonly reason: string; readonly waitMs?: number };

/** GETs JSON within the provider's rate limit, retrying what a later attempt may cure. */
export function createPoliteFetch(options: PoliteFetchOptions): PoliteFetch {
  const backoffMs = (attempt: number) => {
    const ceiling = options.baseDelayMs * 2 ** (attempt - 1);
    return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
  };

  return async (url, headers = {}) => {
    let reason = 'no attempt made';
    for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
      await options.limiter.acquire();
      const result = await attemptOnce(url, headers, options);
      if (result.kind === 'done') return result.outcome;
      reason = result.reason;
      if (attempt < options.maxAttempts) {
        await options.sleep(Math.min(result.waitMs ?? backoffMs(attempt), options.maxRetryAfterMs));
      }
    }
    return { kind: 'unavailable', reason: `${reason} (${options.maxAttempts} attempts)` };
  };
}

async function attemptOnce(
  url: string,
  headers: Readonly<Record<string, string>>,
  options: PoliteFetchOptions,
): Promise<Attempt> {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json', ...headers },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    // Read within the same signal: a server that sends headers and then stalls times out too.
    const text = await response.text();
    if (response.status === 429) {
      const waitMs = retryAfterMs(response.headers.get('retry-after'), options.clock.now());
      return {
        kind: 'retry',
        reason: 'HTTP 429 (rate limited)',
        ...(waitMs === undefined ? {} : { waitMs }),
      };
    }
    if (response.status >= 500) return { kind: 'retry', reason: `HTTP ${response.status}` };
    return {
      kind: 'done',
      outcome: { kind: 'answered', status: response.status, body: jsonOrUndefined(text) },
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { kind: 'retry', reason: `no answer within ${options.timeoutMs} ms` };
    }
    const code = networkCode(error);
    if (code && OFFLINE_CODES.has(code)) {
      return {
        kind: 'done',
        outcome: { kind: 'unavailable', reason: `offline: ${code} for ${new URL(url).host}`, offline: true },
      };
    }
    return { kind: 'retry', reason: `network error ${code ?? oneLine(error)}` };
  }
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Node's fetch wraps the socket error in `cause`; happy-eyeballs wraps it once more in an AggregateError. */
function networkCode(error: unknown): string | undefined {
  const seen: unknown[] = [error];
  for (let index = 0; index < seen.length && index < 8; index++) {
    const current = seen[index];
    if (typeof current !== 'object' || current === null) continue;
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') return code;
    if (cause !== undefined) seen.push(cause);
    if (Array.isArray(errors)) seen.push(...errors);
  }
  return undefined;
}

const oneLine = (error: unknown) => String(error instanceof Error ? error.message : error).split('\n')[0];
