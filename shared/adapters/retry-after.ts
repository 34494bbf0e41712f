/**
 * The wait a `Retry-After` header asks for, in milliseconds: either delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3). `undefined` when absent or unreadable, so that the caller backs off on its own.
 * Shared by every client that retries: the stock downloads and the company-search APIs.
 */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and zone; V8 would otherwise read "-3" as the year 3 BC.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
