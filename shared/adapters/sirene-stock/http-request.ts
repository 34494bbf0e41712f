import { setTimeout as sleep } from 'node:timers/promises';
import { StockUnreadableError } from '../../ports/registry-stock.ts';
import { retryAfterMs } from '../retry-after.ts';
import type { ResolvedReadingOptions } from './stock-reading-options.ts';

/** An answer whose body is still to be read; `touch` each time body bytes arrive, `done` once read. */
export interface TimedResponse {
  readonly response: Response;
  /** Re-arms the idle timeout: a 7 GB body takes longer than any fixed timeout, a stalled one must not. */
  touch(): void;
  done(): void;
}

const isRetriedStatus = (status: number): boolean => status === 429 || status >= 500;

function armedTimeout(timeoutMs: number) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`no answer for ${timeoutMs / 1000} s`)), timeoutMs);
  };
  touch();
  return { signal: controller.signal, touch, done: () => clearTimeout(timer) };
}

const oneLine = (error: unknown): string => {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`.replace(/\s+/g, ' ');
};

/**
 * Sends a request, retrying 429, 5xx and network failures with a doubling wait (or the server's
 * `Retry-After`); any other answer is the caller's to judge. What still fails after the last attempt
 * makes the stock unreadable, `what` naming it in the reason.
 */
export async function requestWithRetries(
  url: string,
  init: { readonly method: 'GET' | 'HEAD'; readonly headers?: Readonly<Record<string, string>> },
  options: ResolvedReadingOptions,
  what: string,
): Promise<TimedResponse> {
  // Without it a server may gzip the body on the fly and fetch would silently undo it: sizes would not match.
  const headers = { 'accept-encoding': 'identity', ...init.headers };
  let failure = '';
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const timeout = armedTimeout(options.timeoutMs);
    let waitMs = options.retryBaseDelayMs * 2 ** (attempt - 1);
    try {
      const response = await options.fetch(url, { method: init.method, headers, signal: timeout.signal });
      if (!isRetriedStatus(response.status)) return { response, touch: timeout.touch, done: timeout.done };
      timeout.done();
      await response.body?.cancel();
      failure = `HTTP ${response.status}`;
      const asked = retryAfterMs(response.headers.get('retry-after'), new Date());
      if (asked !== undefined && asked > options.maxRetryDelayMs) {
        throw new StockUnreadableError(
          `${what}: HTTP ${response.status}, the server asks to wait ${Math.round(asked / 1000)} s before retrying`,
        );
      }
      if (asked !== undefined) waitMs = asked;
    } catch (error) {
      timeout.done();
      if (error instanceof StockUnreadableError) throw error;
      failure = timeout.signal.aborted ? oneLine(timeout.signal.reason) : oneLine(error);
    }
    if (attempt < options.attempts) await sleep(waitMs);
  }
  throw new StockUnreadableError(`${what}: ${failure} after ${options.attempts} attempts`);
}
