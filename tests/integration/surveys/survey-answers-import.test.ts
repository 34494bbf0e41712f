import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbSurveyStore } from '../../../shared/adapters/dynamodb-survey-store.ts';
import { type ApiWorld, call, expectProblem, FOREIGN, OWN, startApiWorld } from '../api/support.ts';
import { readBytes } from '../helpers.ts';
import { form, GOOD_ANSWER, tokenOf } from './support.ts';

/** CSV answers, and answers reaching the next report's local multiplier. */

let world: ApiWorld;
let local: string[];
let far: string;

beforeAll(async () => {
  world = await startApiWorld();
  const answer = await call('GET /surveys/candidates', { query: { limit: '200' } });
  const candidates: { key: string; local: boolean }[] = answer.body.candidates;
  local = candidates.filter((c) => c.local).map((c) => c.key);
  far = candidates.find((c) => !c.local)?.key ?? '';
});

afterAll(async () => {
  await world.stop();
});

const HEADER =
  'supplierKey;purchasesSharePercent;localPurchasesSharePercent;wageBillSharePercent;employees;localEmployees;respondentRole;answeredOn';

const importCsv = (csv: string, lang?: string) =>
  call('POST /surveys/answers', { body: { csv }, ...(lang ? { query: { lang } } : {}) });

describe('POST /surveys/answers', () => {
  it('stores the good rows and refuses each bad one with its line number and why, in the officer’s language', async () => {
    const csv = [
      HEADER,
      `${local[0]};40;50;30;10;8;gérant;15/03/2025`,
      `"${local[1]}";"45,5";60;20;4;4;comptable;2025-03-20`,
      '',
      `siret:00000000000000;40;50;30;10;8;gérant;15/03/2025`,
      `${local[2]};140;50;30;10;8;gérant;15/03/2025`,
      `${local[3]};70;50;40;10;8;gérant;15/03/2025`,
      `${local[4]};40;50;30;10;12;gérant;15/03/2025`,
      `${local[5]};40;50;30;10;8;gérant;31/02/2025`,
      `${local[6]};40;50;30;10;8;gérant;01/01/2099`,
      `${local[0]};40;50;30;10;8;gérant;16/03/2025`,
      `;40;50;30;10;8;gérant;15/03/2025`,
      `"${local[7]};40;50;30;10;8;gérant;15/03/2025`,
    ].join('\r\n');
    const answer = await importCsv(csv);
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(2);
    const reasons = new Map(
      answer.body.rejected.map((r: { line: number; reason: string }) => [r.line, r.reason]),
    );
    expect([...reasons.keys()]).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(reasons.get(5)).toMatch(/ne figure pas parmi ceux que votre institution paie/);
    expect(reasons.get(6)).toMatch(/purchasesSharePercent.*pourcentage entre 0 et 100/);
    expect(reasons.get(7)).toMatch(/ne peuvent dépasser le chiffre d’affaires/);
    expect(reasons.get(8)).toMatch(/plus de salariés habitant le territoire que de salariés/);
    expect(reasons.get(9)).toMatch(/date de réponse illisible/);
    expect(reasons.get(10)).toMatch(/date de réponse à venir/);
    expect(reasons.get(11)).toMatch(/déjà une réponse à la ligne 2/);
    expect(reasons.get(12)).toMatch(/ni clé fournisseur ni SIRET/);
    expect(reasons.get(13)).toMatch(/guillemets/);
    const list = await call('GET /surveys');
    const imported = list.body.invitations.find((i: { supplierKey: string }) => i.supplierKey === local[1]);
    expect(imported).toMatchObject({ status: 'answered', remindersSent: 0 });
    expect(imported.answer).toMatchObject({
      source: 'csv',
      answeredOn: '2025-03-20',
      respondentRole: 'comptable',
    });
    expect(list.body.answered).toBe(2);
  });

  it('reads `,` files, SIRET columns and English headers in any case, and answers in English when asked', async () => {
    const siret = local[8]?.replace(/^siret:/, '') ?? '';
    expect(local[8]).toMatch(/^siret:\d{14}$/);
    const csv = [
      'SIRET,purchases_share_percent,Local Purchases Share Percent,wageBillSharePercent,employees,localEmployees,respondentRole,answered_on',
      `${siret.slice(0, 3)} ${siret.slice(3)},30,20,40,5,5,owner,2025-01-10`,
      `${far.startsWith('siret:') ? far.slice(6) : '12345678901234'},30,20,40,5,5,owner,not a date`,
    ].join('\n');
    const answer = await importCsv(csv, 'en');
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/cannot be read/) }]);
  });

  it('refuses a file whose header lacks a column, names one twice, or is too long, on line 1', async () => {
    const missing = await importCsv('supplierKey;employees\nx;1', 'en');
    expect(missing.body).toEqual({
      accepted: 0,
      rejected: [{ line: 1, reason: expect.stringMatching(/missing columns: purchasesSharePercent/) }],
    });
    const twice = await importCsv(`${HEADER};employees\n`, 'en');
    expect(twice.body.rejected[0].reason).toMatch(/employees appears twice/);
    const rows = Array.from({ length: 5001 }, () => `${local[0]};40;50;30;10;8;x;15/03/2025`);
    const long = await importCsv([HEADER, ...rows].join('\n'), 'en');
    expect(long.body).toEqual({
      accepted: 0,
      rejected: [{ line: 1, reason: 'the file has more than 5000 rows' }],
    });
    // Over 1 MB, counted in UTF-8 bytes as the portal counts a file: the same answer, long or accented.
    const overBound = [`${HEADER}\n${'x'.repeat(1024 * 1024)}`, `${HEADER}\n${'é'.repeat(600 * 1024)}`];
    for (const csv of overBound)
      expect((await importCsv(csv, 'fr')).body).toEqual({
        accepted: 0,
        rejected: [{ line: 1, reason: 'le fichier dépasse 1 Mo' }],
      });
    // Past what a request may carry at all: refused unread, as the local bridge refuses it.
    expectProblem(await importCsv('x'.repeat(2 * 1024 * 1024 + 1)), 413);
  });

  it('does not take rows of another anchor’s suppliers', async () => {
    const foreignOnly = await call('GET /surveys/candidates', { anchor: 'anchor-c', query: { limit: '1' } });
    const key: string | undefined = foreignOnly.body.candidates[0]?.key;
    const answer = await importCsv(`${HEADER}\n${key ?? 'nothing'};40;50;30;10;8;x;15/03/2025`, 'en');
    expect(answer.body.rejected[0]).toEqual({
      line: 2,
      reason: 'not among the suppliers your institution pays',
    });
    expect((await call('GET /surveys', { anchor: FOREIGN })).body.invitations).toEqual([]);
  });
});

describe('answers in the next report', () => {
  it('are used by the anchor’s local multiplier: answered coverage above 0', async () => {
    const opened = await call('POST /surveys', { body: { supplierKeys: [local[9]] } });
    const token = tokenOf(opened.body.invitations[0].link);
    expect((await form('POST /survey/{token}', token, { body: GOOD_ANSWER })).status).toBe(200);
    const accepted = await createDynamoDbSurveyStore(
      world.harness.documents,
      world.harness.stack.tableName,
    ).acceptedAnswers([OWN]);
    expect(accepted.map((a) => a.supplierKey)).toEqual(
      expect.arrayContaining([local[0], local[1], local[8], local[9]]),
    );
    expect((await call('POST /reports/rebuild', { body: { kind: 'payments' } })).status).toBe(202);
    await world.bus.idle();
    const key = `reports/grenoble-alpes-metropole/anchor-${OWN}/payments/fr/report.json`;
    const report = JSON.parse(
      Buffer.from(await readBytes(world.harness, world.harness.stack.buckets.reports, key)).toString('utf8'),
    );
    expect(report.localMultiplier.answersUsed.local).toBe(4);
    expect(report.localMultiplier.coverage).toBeGreaterThan(0);
    expect(report.localMultiplier.rounds.r3.answered).toBeGreaterThan(0);
    // Another anchor's report uses its own surveys' answers only: none.
    const foreignKey = `reports/grenoble-alpes-metropole/anchor-${FOREIGN}/payments/fr/report.json`;
    const foreign = JSON.parse(
      Buffer.from(await readBytes(world.harness, world.harness.stack.buckets.reports, foreignKey)).toString(
        'utf8',
      ),
    );
    expect(foreign.localMultiplier.answersUsed.local).toBe(0);
  });
});
