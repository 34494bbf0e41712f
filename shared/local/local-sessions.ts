import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { LocalUser } from './http-api-event.ts';

export const SESSION_COOKIE = 'ancrage_session';

/** What the local sign-in accepts: a display name and one of the anchors offered. */
export const LocalSessionBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'give a name').max(100),
  anchorId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
});

/**
 * Local sign-in for `ancrage serve` only: no password, one process, kept in memory. It stands in for
 * Cognito so the handlers see the same claims; it is never deployed.
 */
export class LocalSessions {
  private readonly byToken = new Map<string, LocalUser>();

  open(user: LocalUser): string {
    const token = randomBytes(24).toString('base64url');
    this.byToken.set(token, user);
    return token;
  }

  close(token: string | undefined): void {
    if (token) this.byToken.delete(token);
  }

  userOf(cookieHeader: string | undefined): LocalUser | undefined {
    const token = tokenOf(cookieHeader);
    return token ? this.byToken.get(token) : undefined;
  }
}

export function tokenOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

export const sessionCookie = (token: string) =>
  `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
export const clearedSessionCookie = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
