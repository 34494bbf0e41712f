import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../shared/adapters/dynamodb-keys.ts';
import { createDynamoDbSurveyStore } from '../../../shared/adapters/dynamodb-survey-store.ts';
import {
  API_DOMAIN,
  type ApiWorld,
  call,
  expectProblem,
  FOREIGN,
  OWN,
  startApiWorld,
} from '../api/support.ts';
import { putUpload, sha256Of } from '../helpers.ts';
import { form, GOOD_ANSWER, tokenOf } from './support.ts';

let world: ApiWorld;
const store = () => createDynamoDbSurveyStore(world.harness.documents, world.harness.stack.tableName);

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world.stop();
});

interface Candidate {
  readonly key: string;
  readonly name: string;
  readonly amountCents: number;
  readonly ring: string;
  readonly ringLabel: { readonly fr: string; readonly en: string };
  readonly local: boolean;
  readonly invited: boolean;
}

async function candidates(anchor = OWN): Promise<Candidate[]> {
  const answer = await call('GET /surveys/candidates', { anchor, query: { limit: '200' } });
  expect(answer.status).toBe(200);
  return answer.body.candidates;
}

/** Opens a survey for one supplier; its link. */
async function open(key: string, anchor = OWN): Promise<string> {
  const answer = await call('POST /surveys', { anchor, body: { supplierKeys: [key] } });
  expect(answer.status).toBe(201);
  return answer.body.invitations[0].link;
}

async function invitation(key: string, anchor = OWN) {
  const list = await call('GET /surveys', { anchor });
  return list.body.invitations.find((entry: { supplierKey: string }) => entry.supplierKey === key);
}

describe('GET /surveys/candidates', () => {
  it('lists the anchor’s suppliers with their ring as a report places them: local ones first, then by spend', async () => {
    const all = await candidates();
    const firstFar = all.findIndex((candidate) => !candidate.local);
    expect(firstFar).toBeGreaterThan(0);
    expect(all.slice(firstFar).every((candidate) => !candidate.local)).toBe(true);
    for (const part of [all.slice(0, firstFar), all.slice(firstFar)]) {
      const amounts = part.map((candidate) => candidate.amountCents);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    }
    // The territory's local rings are the commune and the metropole: a Courbevoie fuel seller is not local.
    expect(new Set(all.filter((c) => c.local).map((c) => c.ring))).toEqual(new Set(['commune', 'metropole']));
    expect(all.find((c) => c.name === 'Carburants de France SAS')?.local).toBe(false);
    // Named as the territory names its rings, in both languages.
    expect(all.find((c) => c.ring === 'metropole')?.ringLabel.fr).toBe('Grenoble-Alpes Métropole');
    expect(all.find((c) => c.ring === 'unknown')?.ringLabel).toEqual({
      fr: 'Localisation inconnue',
      en: 'Location unknown',
    });
  });

  it('pages, and refuses a page it cannot give', async () => {
    const page = await call('GET /surveys/candidates', { query: { limit: '5' } });
    expect(page.body.candidates).toHaveLength(5);
    expect(page.body.nextCursor).toBe('5');
    expectProblem(await call('GET /surveys/candidates', { query: { limit: '201' } }), 400);
  });
});

describe('POST /surveys', () => {
  it('opens a link per supplier, on the API’s own address, valid 30 days, with the e-mail text; only the token’s hash is stored', async () => {
    const [first, second] = (await candidates()).filter((c) => c.local);
    if (!first || !second) throw new Error('two local candidates expected');
    const answer = await call('POST /surveys', {
      body: { supplierKeys: [first.key, second.key, first.key] },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.invitations).toHaveLength(2);
    for (const opened of answer.body.invitations) {
      expect(opened.link).toMatch(
        new RegExp(`^https://${API_DOMAIN.replaceAll('.', '\\.')}/survey/[A-Za-z0-9_-]{43}$`),
      );
      expect(opened.email.body).toContain(opened.link);
      expect(opened.email.subject).toMatch(/questionnaire/);
      const days = (Date.parse(opened.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);
      const { Item } = await world.harness.documents.send(
        new GetCommand({
          TableName: world.harness.stack.tableName,
          Key: keys.survey(OWN, opened.supplierKey),
        }),
      );
      const stored = JSON.stringify(Item);
      expect(stored).not.toContain(tokenOf(opened.link));
      expect(Item?.invitation.tokenSha256).toBe(sha256Of(tokenOf(opened.link)));
    }
    const listed = await call('GET /surveys');
    expect(listed.body.invitations.map((i: { supplierKey: string }) => i.supplierKey)).toEqual(
      expect.arrayContaining([first.key, second.key]),
    );
    expect((await invitation(first.key))?.status).toBe('open');
    expect((await candidates()).find((c) => c.key === first.key)?.invited).toBe(true);
  });

  it('writes the e-mail in English when asked', async () => {
    const key = (await candidates()).filter((c) => c.local)[5]?.key ?? '';
    const answer = await call('POST /surveys', {
      body: { supplierKeys: [key], language: 'en', validDays: 7 },
    });
    expect(answer.body.invitations[0].email.subject).toMatch(/survey/);
    expect((await invitation(key))?.language).toBe('en');
  });

  it('refuses suppliers the anchor does not pay, and requests out of bounds', async () => {
    const foreignOnly = 'siret:00000000000000';
    expectProblem(await call('POST /surveys', { body: { supplierKeys: [foreignOnly] } }), 404);
    expectProblem(await call('POST /surveys', { body: { supplierKeys: [] } }), 400);
    const many = Array.from({ length: 201 }, (_, index) => `k${index}`);
    expectProblem(await call('POST /surveys', { body: { supplierKeys: many } }), 400);
    expectProblem(await call('POST /surveys', { body: { supplierKeys: ['x'], validDays: 91 } }), 400);
  });
});

describe('the form, by its token', () => {
  it('opens without signing in, in French first and in English on asking, under a strict policy', async () => {
    const key = (await candidates()).filter((c) => c.local)[2]?.key ?? '';
    const token = tokenOf(await open(key));
    const page = await form('GET /survey/{token}', token);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).not.toMatch(/script-src|unsafe-inline/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.html).toContain('<html lang="fr">');
    expect(page.html).toMatch(/<label for="f-employees">/);
    expect(page.html).toMatch(/Aucun nom n’est demandé/);
    expect(page.html).not.toMatch(/<script/i);
    const english = await form('GET /survey/{token}', token, { lang: 'en' });
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toMatch(/No name is asked/);
  });

  it('answers 404 to a forged token or one of the wrong shape', async () => {
    expect((await form('GET /survey/{token}', 'A'.repeat(43))).status).toBe(404);
    expect((await form('GET /survey/{token}', '../../etc/passwd')).status).toBe(404);
    expect((await form('POST /survey/{token}', 'x', { body: GOOD_ANSWER })).status).toBe(404);
    expect((await form('POST /survey/{token}/withdraw', 'B'.repeat(43))).status).toBe(404);
  });

  it('takes an answer once: the token then answers 409, and the officer sees the answer', async () => {
    const key = (await candidates()).filter((c) => c.local)[3]?.key ?? '';
    const token = tokenOf(await open(key));
    const saved = await form('POST /survey/{token}', token, { body: GOOD_ANSWER, base64: true });
    expect(saved.status).toBe(200);
    expect(saved.html).toMatch(/Merci/);
    expect((await form('POST /survey/{token}', token, { body: GOOD_ANSWER })).status).toBe(409);
    expect((await form('GET /survey/{token}', token)).status).toBe(409);
    const listed = await invitation(key);
    expect(listed.status).toBe('answered');
    // 40 % × 50 % + 35.5 % × 9/12 = 20 + 26.625 = 46.6 %.
    expect(listed.answer).toMatchObject({
      source: 'form',
      respondentRole: 'gérante',
      localRespendPercent: 46.6,
    });
  });

  it('of two answers posted at once with one token, keeps one and refuses the other', async () => {
    const key = (await candidates()).filter((c) => c.local)[4]?.key ?? '';
    const token = tokenOf(await open(key));
    const other = GOOD_ANSWER.replace('employees=12', 'employees=20');
    const answers = await Promise.all([
      form('POST /survey/{token}', token, { body: GOOD_ANSWER }),
      form('POST /survey/{token}', token, { body: other }),
      form('POST /survey/{token}', token, { body: GOOD_ANSWER }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
  });

  it('answers 410 to an expired link, and takes no answer through it', async () => {
    const key = (await candidates()).filter((c) => c.local)[6]?.key ?? '';
    const token = tokenOf(await open(key));
    const stored = await store().getSurvey(OWN, key);
    if (!stored?.record.invitation) throw new Error('no survey stored');
    const expired = { ...stored.record.invitation, expiresAt: new Date(Date.now() - 1000).toISOString() };
    expect(await store().putSurvey({ ...stored.record, invitation: expired }, stored.version)).toBe(true);
    expect((await form('GET /survey/{token}', token)).status).toBe(410);
    expect((await form('POST /survey/{token}', token, { body: GOOD_ANSWER })).status).toBe(410);
    expect((await invitation(key)).status).toBe('expired');
  });

  it('bounds and escapes what it is sent: a 100 KB body, prototype keys, markup', async () => {
    const key = (await candidates()).filter((c) => c.local)[7]?.key ?? '';
    const token = tokenOf(await open(key));
    const huge = `${GOOD_ANSWER}&respondentRole=${'x'.repeat(100 * 1024)}`;
    expect((await form('POST /survey/{token}', token, { body: huge })).status).toBe(413);
    expect((await form('POST /survey/{token}', token, { body: huge, base64: true })).status).toBe(413);
    const markup = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const invalid = await form('POST /survey/{token}', token, {
      body: new URLSearchParams({ purchasesSharePercent: '140', respondentRole: markup }).toString(),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.html).not.toContain('<script>alert');
    expect(invalid.html).not.toContain('<img src=x');
    expect(invalid.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img');
    expect(invalid.html).toMatch(/aria-invalid="true"/);
    const hostile = `__proto__[polluted]=yes&constructor[prototype][polluted]=yes&__proto__=x&${GOOD_ANSWER}`;
    const saved = await form('POST /survey/{token}', token, { body: hostile });
    expect(saved.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('escapes a supplier’s name from the files on the form', async () => {
    const name = '<script>alert("x")</script> & Fils';
    const text = [
      'N° mandat;Tiers;Code postal;Date mandat;Montant',
      `H-1;${name};38000;02/04/2025;100,50`,
      '',
    ].join('\r\n');
    const [outcome] = await world.harness.pipeline.ingest(
      await putUpload(world.harness, 'uploads/anchor-h/mandats.csv', text, {
        anchor: 'anchor-h',
        kind: 'payments',
      }),
    );
    expect(outcome?.dataset.status).toBe('INGESTED');
    const [candidate] = await candidates('anchor-h');
    expect(candidate?.name).toBe(name);
    const token = tokenOf(await open(candidate?.key ?? '', 'anchor-h'));
    const page = await form('GET /survey/{token}', token);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('<script>');
    expect(page.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Fils');
  });
});

describe('withdrawing', () => {
  it('deletes the answer through the same token, which is then spent', async () => {
    const key = (await candidates()).filter((c) => c.local)[8]?.key ?? '';
    const token = tokenOf(await open(key));
    expect((await form('POST /survey/{token}', token, { body: GOOD_ANSWER })).status).toBe(200);
    const withdrawn = await form('POST /survey/{token}/withdraw', token, { lang: 'en' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.html).toMatch(/your answer is deleted/);
    expect((await form('GET /survey/{token}', token)).status).toBe(410);
    expect((await form('POST /survey/{token}', token, { body: GOOD_ANSWER })).status).toBe(410);
    expect((await form('POST /survey/{token}/withdraw', token)).status).toBe(410);
    const listed = await invitation(key);
    expect(listed).toMatchObject({ status: 'withdrawn', answer: null });
    expect((await store().acceptedAnswers([OWN])).map((a) => a.supplierKey)).not.toContain(key);
    expectProblem(await call('POST /surveys/{key}/reminder', { path: { key } }), 409);
    // Nor asked again, which would clear the refusal and let its answer be imported from a CSV.
    expectProblem(await call('POST /surveys', { body: { supplierKeys: [key] } }), 409);
    expect(await invitation(key)).toMatchObject({ status: 'withdrawn' });
  });
});

describe('POST /surveys/{key}/reminder', () => {
  it('gives a fresh link (the old one stops working), the e-mail to copy, and is listed', async () => {
    const key = (await candidates()).filter((c) => c.local)[9]?.key ?? '';
    const first = await open(key);
    const reminded = await call('POST /surveys/{key}/reminder', { path: { key: encodeURIComponent(key) } });
    expect(reminded.status).toBe(200);
    expect(reminded.body.sentTo).toBeNull();
    expect(reminded.body.link).not.toBe(first);
    expect(reminded.body.email.subject).toMatch(/^Rappel/);
    expect(reminded.body.email.body).toContain(reminded.body.link);
    expect((await form('GET /survey/{token}', tokenOf(first))).status).toBe(404);
    expect((await form('GET /survey/{token}', tokenOf(reminded.body.link))).status).toBe(200);
    const again = await call('POST /surveys/{key}/reminder', { path: { key }, body: { language: 'en' } });
    expect(again.body.email.subject).toMatch(/^Reminder/);
    const listed = await invitation(key);
    expect(listed.remindersSent).toBe(2);
    expect(listed.lastReminderAt).toEqual(expect.any(String));
  });

  it('refuses an eleventh reminder; opening the survey again gives a new link and a new count', async () => {
    const key = (await candidates()).filter((c) => c.local)[10]?.key ?? '';
    await open(key);
    for (let sent = 0; sent < 10; sent++)
      expect((await call('POST /surveys/{key}/reminder', { path: { key } })).status).toBe(200);
    const eleventh = await call('POST /surveys/{key}/reminder', { path: { key } });
    expectProblem(eleventh, 409);
    expect(eleventh.body.detail).toMatch(/reminded 10 times already/);
    await open(key);
    expect((await call('POST /surveys/{key}/reminder', { path: { key } })).status).toBe(200);
    expect((await invitation(key)).remindersSent).toBe(1);
  });

  it('refuses a supplier never surveyed, and one that answered', async () => {
    const never = (await candidates()).filter((c) => !c.invited).at(-1)?.key ?? '';
    expectProblem(await call('POST /surveys/{key}/reminder', { path: { key: never } }), 404);
    const key = (await candidates()).filter((c) => c.local)[3]?.key ?? '';
    expectProblem(await call('POST /surveys/{key}/reminder', { path: { key } }), 409);
  });
});

describe('PUT /surveys/{key}/set-aside', () => {
  it('sets a doubted answer aside with who and why, reports stop using it, and puts it back', async () => {
    const key = (await candidates()).filter((c) => c.local)[3]?.key ?? '';
    const aside = await call('PUT /surveys/{key}/set-aside', {
      path: { key },
      body: { reason: 'chiffres incohérents' },
    });
    expect(aside.status).toBe(200);
    expect(aside.body.answer.setAside).toMatchObject({
      reason: 'chiffres incohérents',
      by: 'agent@ville.example',
    });
    expect((await store().acceptedAnswers([OWN])).map((a) => a.supplierKey)).not.toContain(key);
    const back = await call('PUT /surveys/{key}/set-aside', { path: { key }, body: { reason: null } });
    expect(back.body.answer.setAside).toBeNull();
    expect((await store().acceptedAnswers([OWN])).map((a) => a.supplierKey)).toContain(key);
  });

  it('refuses a survey without an answer, and a reason out of bounds', async () => {
    const key = (await candidates()).filter((c) => c.local)[9]?.key ?? '';
    expectProblem(await call('PUT /surveys/{key}/set-aside', { path: { key }, body: { reason: 'x' } }), 409);
    expectProblem(
      await call('PUT /surveys/{key}/set-aside', { path: { key }, body: { reason: 'x'.repeat(501) } }),
      400,
    );
  });
});

describe('another anchor', () => {
  it('sees none of these surveys, and cannot remind nor set one aside (404)', async () => {
    const own = await call('GET /surveys');
    expect(own.body.invitations.length).toBeGreaterThan(3);
    const foreign = await call('GET /surveys', { anchor: FOREIGN });
    expect(foreign.body).toEqual({ invitations: [], answered: 0, notAnswered: 0 });
    const key = own.body.invitations[0].supplierKey;
    expectProblem(await call('POST /surveys/{key}/reminder', { anchor: FOREIGN, path: { key } }), 404);
    expectProblem(
      await call('PUT /surveys/{key}/set-aside', { anchor: FOREIGN, path: { key }, body: { reason: 'x' } }),
      404,
    );
  });
});
