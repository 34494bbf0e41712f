import { z } from 'zod';
import type { Caller } from '../../use-cases/portal.ts';

/** The claims the user pool puts in the JWT: every user is bound to one anchor. */
const ClaimsSchema = z.object({
  'custom:anchor': z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  email: z.string().optional(),
  sub: z.string(),
});

const EventSchema = z.object({
  requestContext: z.object({
    authorizer: z.object({ jwt: z.object({ claims: z.record(z.string(), z.unknown()) }) }),
  }),
});

/** The caller from the authorizer's verified claims, or undefined when none is usable. */
export function callerOf(event: unknown): Caller | undefined {
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const claims = ClaimsSchema.safeParse(parsed.data.requestContext.authorizer.jwt.claims);
  if (!claims.success) return undefined;
  return { anchorId: claims.data['custom:anchor'], name: claims.data.email ?? claims.data.sub };
}
