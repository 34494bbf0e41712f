import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters, 256 bits — unguessable, and safe in a path. */
export const SURVEY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored in the token's place: its SHA-256, so a copy of the table opens no form. */
export function tokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a link made now stops working: an invitation's and each reminder's alike. */
export function linkExpiry(now: Date, validDays: number): Date {
  return new Date(now.getTime() + validDays * DAY_MS);
}

/** The form's address: the public origin the request came to, then `/survey/<token>`. */
export function surveyLink(origin: string, token: string): string {
  return `${origin}/survey/${token}`;
}
