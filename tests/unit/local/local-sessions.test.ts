import { describe, expect, it } from 'vitest';
import { LocalSessions, SESSION_COOKIE } from '../../../shared/local/local-sessions.ts';

const user = (name: string) => ({ name, anchorId: 'a' });
const cookie = (token: string) => `${SESSION_COOKIE}=${token}`;

describe('LocalSessions: bounded in count and in time', () => {
  it('keeps at most maxSessions, forgetting the least recently used', () => {
    let now = 0;
    const sessions = new LocalSessions({ maxSessions: 3, idleMs: 1000, now: () => now });
    const tokens = ['a', 'b', 'c'].map((name) => sessions.open(user(name)));
    now = 1;
    expect(sessions.userOf(cookie(tokens[0] ?? ''))?.name).toBe('a');
    sessions.open(user('d'));
    expect(sessions.size).toBe(3);
    expect(sessions.userOf(cookie(tokens[1] ?? ''))).toBeUndefined();
    expect(sessions.userOf(cookie(tokens[0] ?? ''))?.name).toBe('a');
    for (let each = 0; each < 100; each++) sessions.open(user(`x${each}`));
    expect(sessions.size).toBe(3);
  });

  it('forgets a session idle longer than idleMs, and frees its place', () => {
    let now = 0;
    const sessions = new LocalSessions({ maxSessions: 10, idleMs: 1000, now: () => now });
    const idle = sessions.open(user('idle'));
    const busy = sessions.open(user('busy'));
    now = 900;
    expect(sessions.userOf(cookie(busy))?.name).toBe('busy');
    now = 1500;
    expect(sessions.userOf(cookie(busy))?.name).toBe('busy');
    expect(sessions.userOf(cookie(idle))).toBeUndefined();
    now = 3000;
    sessions.open(user('new'));
    expect(sessions.size).toBe(1);
  });

  it('closes a session on sign-out', () => {
    const sessions = new LocalSessions();
    const token = sessions.open(user('a'));
    sessions.close(token);
    expect(sessions.userOf(cookie(token))).toBeUndefined();
  });
});
