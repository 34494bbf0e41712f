import * as z from 'zod';
import { CONSORTIUM_ADMINISTRATORS_GROUP } from '../../contracts/roles.ts';
import { CONSORTIUM_UPLOADER } from '../../domain/territory/consortium.ts';
import type { Caller } from '../../use-cases/portal.ts';

/** The claims the user pool puts in the JWT: every user is bound to one anchor. */
const ClaimsSchema = z.object({
  'custom:anchor': z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  email: z.string().optional(),
  sub: z.string(),
  'cognito:groups': z.union([z.string(), z.array(z.string())]).optional(),
});

const EventSchema = z.object({
  requestContext: z.object({
    authorizer: z.object({ jwt: z.object({ claims: z.record(z.string(), z.unknown()) }) }),
  }),
});

/**
 * The groups of the token. API Gateway's JWT authorizer hands a list claim on as one string,
 * `[a b]`; a token decoded elsewhere has an array.
 */
function groupsOf(claim: string | readonly string[] | undefined): string[] {
  if (claim === undefined) return [];
  if (typeof claim !== 'string') return [...claim];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter((group) => group.length > 0);
}

/** The caller from the authorizer's verified claims, or undefined when none is usable. */
export function callerOf(event: unknown): Caller | undefined {
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const claims = ClaimsSchema.safeParse(parsed.data.requestContext.authorizer.jwt.claims);
  if (!claims.success) return undefined;
  const consortiumAdministrator = groupsOf(claims.data['cognito:groups']).includes(
    CONSORTIUM_ADMINISTRATORS_GROUP,
  );
  const anchorId = claims.data['custom:anchor'];
  // The consortium's folder is a role's, not an institution's: bound to it, a user must hold the role.
  if (anchorId === CONSORTIUM_UPLOADER && !consortiumAdministrator) return undefined;
  return { anchorId, name: claims.data.email ?? claims.data.sub, consortiumAdministrator };
}
