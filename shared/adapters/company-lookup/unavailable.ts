import type * as z from 'zod';
import type { LookupAnswer, LookupProvider } from '../../ports/company-lookup.ts';

/** No answer worth caching, with a one-line reason naming the provider. */
export type Unavailable = Extract<LookupAnswer, { status: 'unavailable' }>;

export function unavailable(provider: LookupProvider, reason: string, offline?: true): Unavailable {
  return { status: 'unavailable', reason: `${provider}: ${reason}`, ...(offline ? { offline } : {}) };
}

/** An answer that does not have the documented shape: worth a one-line reason, never a crash. */
export function malformed(provider: LookupProvider, error: z.ZodError): Unavailable {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return unavailable(provider, `malformed answer${where}: ${issue?.message ?? 'unexpected shape'}`);
}
