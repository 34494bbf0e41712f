/**
 * What every company-lookup client does with a provider that is slow, busy, failing or gone: against
 * a local server, with a fake clock and sleep so that back-off and spacing cost no wall time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPoliteFetch } from '../../../shared/adapters/company-lookup/polite-fetch.ts';
import { createRateLimiter } from '../../../shared/adapters/company-lookup/rate-limiter.ts';
import { createRechercheEntreprisesLookup } from '../../../shared/adapters/company-lookup/recherche-entreprises-lookup.ts';
import { fakeTime } from '../../support/fake-time.ts';
import {
  closedPortUrl,
  type LookupServer,
  type Reply,
  recorded,
  startLookupServer,
} from '../../support/lookup-server.ts';

const SIRET = '80000701500020';
const OK: Reply = { status: 200, body: recorded('recherche-entreprises', 'company-branch-siret.json') };

let server: LookupServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server playing `replies` in turn (the last one again once they run out). */
async function scripted(replies: readonly Reply[]) {
  server = await startLookupServer(({ before }) => replies[Math.min(before, replies.length - 1)] ?? OK);
  return server;
}

function lookupAt(url: string, options: { timeoutMs?: number } = {}) {
  const time = fakeTime();
  const lookup = createRechercheEntreprisesLookup({
    baseUrl: url,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    ...options,
  });
  return { time, lookup };
}

describe('retries', () => {
  it.each([
    { header: '2', waited: 2000 },
    { header: 'Sun, 15 Mar 2026 09:00:05 GMT', waited: 5000 },
    { header: '3600', waited: 30_000 },
  ])('honours Retry-After $header after a 429 (capped at 30 s)', async ({ header, waited }) => {
    const { url } = await scripted([{ status: 429, headers: { 'retry-after': header } }, OK]);
    const { time, lookup } = lookupAt(url);
    expect((await lookup.lookup(SIRET)).status).toBe('found');
    expect(time.slept).toContain(waited);
  });

  it('backs off exponentially, with jitter, after 5xx answers', async () => {
    const { url, received } = await scripted([{ status: 500 }, { status: 502 }, OK]);
    const { time, lookup } = lookupAt(url);
    expect((await lookup.lookup(SIRET)).status).toBe('found');
    expect(received).toHaveLength(3);
    // Base 500 ms, doubled each time; random 0.5 puts the jitter at three quarters of the ceiling.
    expect(time.slept).toEqual([375, 750]);
  });

  it('gives up after three attempts with a one-line reason', async () => {
    const { url, received } = await scripted([{ status: 503 }]);
    const { lookup } = lookupAt(url);
    expect(await lookup.lookup(SIRET)).toEqual({
      status: 'unavailable',
      reason: 'recherche-entreprises: HTTP 503 (3 attempts)',
    });
    expect(received).toHaveLength(3);
  });

  it('keeps rate-limited as the reason when the 429s never stop', async () => {
    const { url } = await scripted([{ status: 429 }]);
    const { lookup } = lookupAt(url);
    expect(await lookup.lookup(SIRET)).toEqual({
      status: 'unavailable',
      reason: 'recherche-entreprises: HTTP 429 (rate limited) (3 attempts)',
    });
  });

  it('times out a provider that never answers, and retries it', async () => {
    const { url, received } = await scripted(['hang']);
    const { lookup } = lookupAt(url, { timeoutMs: 40 });
    expect(await lookup.lookup(SIRET)).toEqual({
      status: 'unavailable',
      reason: 'recherche-entreprises: no answer within 40 ms (3 attempts)',
    });
    expect(received).toHaveLength(3);
  });

  it('answers a timed-out first attempt from the second one', async () => {
    const { url } = await scripted(['hang', OK]);
    // Long enough for the second attempt to be answered on a busy machine; the first hangs through it.
    const { lookup } = lookupAt(url, { timeoutMs: 1_000 });
    expect((await lookup.lookup(SIRET)).status).toBe('found');
  });
});

describe('offline', () => {
  it('answers at once, without retrying, when nothing listens', async () => {
    const url = await closedPortUrl();
    const { time, lookup } = lookupAt(url);
    const started = performance.now();
    const answer = await lookup.lookup(SIRET);
    expect(answer).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/^recherche-entreprises: offline: ECONNREFUSED for 127\.0\.0\.1:\d+$/),
      offline: true,
    });
    expect(time.slept).toEqual([]);
    // A generous bound: the point is that no back-off or timeout was waited.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('says offline when the host name does not resolve', async () => {
    const { lookup } = lookupAt('http://company-lookup.invalid');
    const answer = await lookup.lookup(SIRET);
    expect(answer.status === 'unavailable' && answer.offline).toBe(true);
    expect(answer.status === 'unavailable' && answer.reason).toMatch(
      /^recherche-entreprises: offline: (ENOTFOUND|EAI_AGAIN) /,
    );
  });
});

describe('rate limit', () => {
  it("spaces every request of a client, across lookups, at the provider's 7 a second", async () => {
    const { url } = await scripted([OK]);
    const { time, lookup } = lookupAt(url);
    for (let call = 0; call < 4; call++) await lookup.lookup(SIRET);
    // The fake clock moves only when something sleeps, so each request waits its full spacing.
    expect(time.slept).toEqual([143, 143, 143]);
    expect(time.elapsedMs()).toBeGreaterThanOrEqual(3 * 143);
  });

  it('spends one limiter for the retries too', async () => {
    const { url } = await scripted([{ status: 500 }, OK]);
    const time = fakeTime();
    const get = createPoliteFetch({
      limiter: createRateLimiter({ requests: 1, perMs: 1000 }, time.clock, time.sleep),
      clock: time.clock,
      sleep: time.sleep,
      timeoutMs: 1000,
      maxAttempts: 3,
      baseDelayMs: 100,
      maxRetryAfterMs: 30_000,
      random: () => 0,
    });
    expect(await get(`${url}/search?q=${SIRET}`)).toMatchObject({ kind: 'answered', status: 200 });
    // 50 ms of back-off, then the limiter holds the retry to one request a second.
    expect(time.slept).toEqual([50, 950]);
  });
});
