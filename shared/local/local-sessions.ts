import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import type { LocalUser } from './http-api-event.ts';

export const SESSION_COOKIE = 'ancrage_session';

/** What the local sign-in accepts: a display name and one of the anchors offered. */
export const LocalSessionBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'give a name').max(100),
  anchorId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
});

/** A sign-in left unused this long is forgotten, as a Cognito session would lapse. */
const IDLE_MS = 12 * 60 * 60 * 1000;
/** Sign-ins cost nothing and each is kept: beyond this many, the least recently used goes. */
const MAX_SESSIONS = 1000;

interface Session {
  readonly user: LocalUser;
  lastUsed: number;
}

/**
 * Local sign-in for `ancrage serve` only: no password, one process, kept in memory. It stands in for
 * Cognito so the handlers see the same claims; it is never deployed. Bounded in count and time, so a
 * script signing in before each request cannot make the process grow.
 */
export class LocalSessions {
  /** In order of last use, oldest first: a Map keeps insertion order and a use re-inserts. */
  private readonly byToken = new Map<string, Session>();

  constructor(
    private readonly limits: { maxSessions: number; idleMs: number; now: () => number } = {
      maxSessions: MAX_SESSIONS,
      idleMs: IDLE_MS,
      now: Date.now,
    },
  ) {}

  open(user: LocalUser): string {
    this.forgetIdle();
    for (const oldest of this.byToken.keys()) {
      if (this.byToken.size < this.limits.maxSessions) break;
      this.byToken.delete(oldest);
    }
    const token = randomBytes(24).toString('base64url');
    this.byToken.set(token, { user, lastUsed: this.limits.now() });
    return token;
  }

  close(token: string | undefined): void {
    if (token) this.byToken.delete(token);
  }

  userOf(cookieHeader: string | undefined): LocalUser | undefined {
    const token = tokenOf(cookieHeader);
    const session = token ? this.byToken.get(token) : undefined;
    if (!token || !session) return undefined;
    this.byToken.delete(token);
    const now = this.limits.now();
    if (now - session.lastUsed > this.limits.idleMs) return undefined;
    session.lastUsed = now;
    this.byToken.set(token, session);
    return session.user;
  }

  get size(): number {
    return this.byToken.size;
  }

  private forgetIdle(): void {
    const now = this.limits.now();
    for (const [token, session] of this.byToken) {
      if (now - session.lastUsed <= this.limits.idleMs) break;
      this.byToken.delete(token);
    }
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
