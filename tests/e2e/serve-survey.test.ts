import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPortal, startLocalPortal } from '../../shared/local/local-portal.ts';
import { SAMPLE_DATASETS } from '../../shared/local/samples.ts';

/**
 * The supplier survey under `ancrage serve`: an officer signed in opens a survey, and its link — on
 * the local server's own address — opens the form with no session, as the deployed API serves it.
 */

let portal: LocalPortal;
let cookie: string;
const ANCHOR = SAMPLE_DATASETS[0]?.anchorId ?? '';

beforeAll(async () => {
  portal = await startLocalPortal({ port: 0, stateDirectory: undefined, staticDir: undefined });
  const session = await fetch(`${portal.url}/api/local/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'agente', anchorId: ANCHOR }),
  });
  expect(session.status).toBe(204);
  cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}, 240_000);

afterAll(async () => {
  await portal?.stop();
});

const ANSWER = new URLSearchParams({
  purchasesSharePercent: '30',
  localPurchasesSharePercent: '60',
  wageBillSharePercent: '40',
  employees: '8',
  localEmployees: '6',
  respondentRole: 'gérant',
}).toString();

describe('the survey under ancrage serve', () => {
  it('opens a link on the local address, whose form answers without signing in', async () => {
    const candidates = await fetch(`${portal.url}/api/surveys/candidates?limit=3`, { headers: { cookie } });
    expect(candidates.status).toBe(200);
    const {
      candidates: [first],
    } = (await candidates.json()) as { candidates: { key: string; local: boolean }[] };
    expect(first?.local).toBe(true);
    const opened = await fetch(`${portal.url}/api/surveys`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: portal.url },
      body: JSON.stringify({ supplierKeys: [first?.key] }),
    });
    expect(opened.status).toBe(201);
    const link = ((await opened.json()) as { invitations: { link: string }[] }).invitations[0]?.link ?? '';
    expect(link.startsWith(`${portal.url}/survey/`)).toBe(true);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await page.text()).toMatch(/<form method="post"/);

    const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url };
    const answered = await fetch(link, { method: 'POST', headers, body: ANSWER });
    expect(answered.status).toBe(200);
    expect((await fetch(link, { method: 'POST', headers, body: ANSWER })).status).toBe(409);
    // A page of another origin may not post to it (the local server's own guard).
    const foreign = await fetch(link, {
      method: 'POST',
      headers: { ...headers, origin: 'http://evil.example' },
      body: ANSWER,
    });
    expect(foreign.status).toBe(403);

    const listed = await fetch(`${portal.url}/api/surveys`, { headers: { cookie } });
    const list = (await listed.json()) as { answered: number };
    expect(list.answered).toBe(1);
    // The officer's routes still need the session.
    expect((await fetch(`${portal.url}/api/surveys`)).status).toBe(401);
    expect((await fetch(`${portal.url}/survey/${'A'.repeat(43)}`)).status).toBe(404);
  });
});
