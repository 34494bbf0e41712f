import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortalInTemp } from '../../../portal/build.ts';
import { type LocalPortal, startLocalPortal } from '../../../shared/local/local-portal.ts';
import { SURVEY_FORM_TEXT } from '../../../shared/render/survey-form-text.ts';
import { launchChromium, watchPage } from '../../support/chromium.ts';
import { expectAccessible, signIn } from './support.ts';

/**
 * The supplier survey from the officer's side, under `ancrage serve` in Chromium: invite, hand on
 * the link, the supplier answers on the public form in the same browser, then remind, set aside,
 * import answers gathered elsewhere. Its own portal and artifacts folder: portal.test.ts empties its
 * own when it starts, and the two may run side by side.
 */
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/portal-surveys/', import.meta.url));
/** The sample anchor: serve loads its SYNTHETIC payments, so it has suppliers to survey. */
const REGIE = 'SYNTHETIC-regie-eaux-grenoble';
const FORM = SURVEY_FORM_TEXT.fr;
const NBSP = '\u00A0';

let portal: LocalPortal;
let browser: Browser;
let context: BrowserContext;
let staticDir: string;
let page: Page;
let requests: string[];
let errors: string[];

/** Who the test invites: the largest local candidate, and the next one (reminded, never answering). */
const chosen = { first: '', second: '', secondKey: '' };
/** The links shown once when the survey was opened, by supplier name. */
const links = new Map<string, string>();
/** A third candidate, not invited, whose answer comes in a CSV file. */
let imported: { readonly key: string; readonly name: string };

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  staticDir = await buildPortalInTemp();
  portal = await startLocalPortal({ port: 0, stateDirectory: undefined, staticDir });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  page = await context.newPage();
  ({ requests, errors } = watchPage(page));
  await page.goto(portal.url);
  await signIn(page, 'agent@regie.example', REGIE);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  if (staticDir) await rm(staticDir, { recursive: true, force: true });
});

/** The surveys page opened afresh from the menu: its lists read again from the API. */
async function openSurveysPage(): Promise<void> {
  await page.getByRole('link', { name: 'Rapports' }).click();
  await page.getByRole('heading', { name: 'Rapports publiés', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Enquêtes', exact: true }).click();
  await page.getByRole('heading', { name: 'Enquêtes fournisseurs', level: 1 }).waitFor();
  await page.getByTestId('survey-counts').waitFor();
}

const invitationRow = (name: string) =>
  page.getByTestId('invitations').locator('tbody tr').filter({ hasText: name });
const statusOf = (name: string) => invitationRow(name).getByTestId('invitation-status').textContent();
/** Money as the page writes it in French, back to cents: every amount is shown to the cent. */
const cents = (text: string) => Number(text.replace(/\D/g, ''));

describe('the supplier surveys page under ancrage serve, in Chromium', () => {
  it('lists the régie’s suppliers, local ones first and the largest first', async () => {
    await page.getByRole('link', { name: 'Enquêtes', exact: true }).click();
    await page.getByRole('heading', { name: 'Enquêtes fournisseurs', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /^Fournisseurs 1 à \d+ sur \d+$/ });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')];
        return {
          name: cells[1]?.textContent ?? '',
          href: cells[1]?.querySelector('a')?.getAttribute('href') ?? '',
          local: cells[2]?.querySelector('.badge') !== null,
          amount: cells[3]?.textContent ?? '',
          invited: cells[4]?.textContent ?? '',
        };
      }),
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.slice(0, 3).every((row) => row.local)).toBe(true);
    // Local ones first: once a row is not local, none after it is.
    const firstOutside = rows.findIndex((row) => !row.local);
    if (firstOutside !== -1) expect(rows.slice(firstOutside).some((row) => row.local)).toBe(false);
    const localAmounts = rows.filter((row) => row.local).map((row) => cents(row.amount));
    expect(localAmounts).toEqual([...localAmounts].sort((a, b) => b - a));
    expect(rows.every((row) => row.invited === 'non')).toBe(true);
    const [first, second, third] = rows;
    if (!first || !second || !third) throw new Error('fewer than three candidates');
    chosen.first = first.name;
    chosen.second = second.name;
    const keyOf = (href: string) => decodeURIComponent(href.replace(/^#\/suppliers\//, ''));
    chosen.secondKey = keyOf(second.href);
    imported = { name: third.name, key: keyOf(third.href) };
    expect(await page.getByTestId('survey-counts').textContent()).toBe(
      '0 fournisseur a répondu, 0 n’a pas répondu.',
    );
  });

  it('opens the survey for the two largest local suppliers and shows each link once, with its e-mail', async () => {
    await page.getByRole('checkbox', { name: `Inviter ${chosen.first}` }).check();
    await page.getByRole('checkbox', { name: `Inviter ${chosen.second}` }).check();
    expect(await page.getByTestId('chosen').textContent()).toBe('2 fournisseurs choisis');
    await page.getByLabel('Durée de validité des liens (jours)').fill('0');
    await page.getByRole('button', { name: 'Ouvrir l’enquête' }).click();
    await page.getByText('La validité est un nombre entier de jours, de 1 à 90.').waitFor();
    await page.getByLabel('Durée de validité des liens (jours)').fill('14');
    await page.getByRole('button', { name: 'Ouvrir l’enquête' }).click();

    const opened = page.getByTestId('opened');
    await opened.getByRole('heading', { name: 'Liens à envoyer', level: 2 }).waitFor();
    // The keyboard is on the links just made.
    expect(await page.evaluate('document.activeElement?.id')).toBe('opened-heading');
    expect(await opened.textContent()).toContain('Enquête ouverte pour 2 fournisseurs.');
    expect(await opened.locator('.once-note').textContent()).toMatch(
      /^Chaque lien n’est affiché qu’une fois/,
    );
    for (const name of [chosen.first, chosen.second]) {
      const link = await page.getByLabel(`Lien pour ${name}`, { exact: true }).inputValue();
      expect(link).toMatch(/\/survey\/[A-Za-z0-9_-]{20,}$/);
      expect(new URL(link).origin).toBe(new URL(portal.url).origin);
      expect(await page.getByLabel(`Texte du courriel pour ${name}`, { exact: true }).inputValue()).toContain(
        link,
      );
      expect(await page.getByLabel(`Objet du courriel pour ${name}`, { exact: true }).inputValue()).not.toBe(
        '',
      );
      links.set(name, link);
    }
    expect(new Set(links.values()).size).toBe(2);
    await expect.poll(() => statusOf(chosen.first)).toBe('en attente');
    expect(await statusOf(chosen.second)).toBe('en attente');
    expect(await page.getByTestId('survey-counts').textContent()).toBe(
      '0 fournisseur a répondu, 2 n’ont pas répondu.',
    );
    await expectAccessible(page, 'surveys-opened', ARTIFACTS);
  });

  it('follows the link in the same browser: the supplier answers on the form, and the invitation shows it', async () => {
    const form = await context.newPage();
    const formErrors = watchPage(form).errors;
    try {
      await form.goto(links.get(chosen.first) ?? '');
      await form.getByRole('heading', { name: FORM.title, level: 1 }).waitFor();
      for (const [name, value] of [
        ['purchasesSharePercent', '40'],
        ['localPurchasesSharePercent', '50'],
        ['wageBillSharePercent', '30'],
        ['employees', '10'],
        ['localEmployees', '8'],
        ['respondentRole', 'gérante'],
      ] as const) {
        await form.locator(`input[name=${name}]`).fill(value);
      }
      await form.getByRole('button', { name: FORM.submit }).click();
      await form.getByRole('heading', { name: FORM.thanks }).waitFor();
      expect(formErrors).toEqual([]);
    } finally {
      await form.close();
    }
    await openSurveysPage();
    expect(await statusOf(chosen.first)).toBe('a répondu');
    // 40 % × 50 % of purchases, and 30 % × 8/10 of wages: 44 % re-spent locally.
    expect(await invitationRow(chosen.first).textContent()).toMatch(
      /Redépense locale 44,0\s%\s; répondant\s: gérante\s; le .+ \(formulaire\)/,
    );
    expect(await page.getByTestId('survey-counts').textContent()).toBe(
      '1 fournisseur a répondu, 1 n’a pas répondu.',
    );
    // Answered: no reminder for it, and the candidates list says both were invited.
    expect(
      await invitationRow(chosen.first)
        .getByRole('button', { name: /^Relancer/ })
        .count(),
    ).toBe(0);
    const candidates = page.getByTestId('candidates');
    for (const name of [chosen.first, chosen.second]) {
      expect(
        await candidates.locator('tbody tr').filter({ hasText: name }).locator('td').nth(4).textContent(),
      ).toBe('oui');
    }
  });

  it('reminds the other supplier with a new link, lists the reminder, and the old link stops working', async () => {
    await page.getByRole('button', { name: `Relancer ${chosen.second}` }).click();
    const panel = page.getByTestId('survey-action');
    await panel.getByRole('heading', { name: `Relancer ${chosen.second}` }).waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('survey-action-heading');
    await panel.getByRole('button', { name: 'Préparer la relance' }).click();
    const fresh = await panel.getByTestId('reminder-link').inputValue();
    expect(fresh).toMatch(/\/survey\/[A-Za-z0-9_-]{20,}$/);
    expect(fresh).not.toBe(links.get(chosen.second));
    expect(await panel.getByTestId('reminder-body').inputValue()).toContain(fresh);
    await expect
      .poll(() => invitationRow(chosen.second).locator('td').nth(5).textContent())
      .toMatch(/^1, la dernière le /);
    expect(await page.getByTestId('invitations-notice').textContent()).toBe(
      `Relance pour ${chosen.second} prête${NBSP}: copiez-la ci-dessous.`,
    );

    const old = await context.newPage();
    try {
      await old.goto(links.get(chosen.second) ?? '');
      expect(await old.locator('main').textContent()).toContain(FORM.unknown);
    } finally {
      await old.close();
    }
  });

  it('sets the answer aside with a reason, then uses it again', async () => {
    await page.getByRole('button', { name: `Écarter la réponse de ${chosen.first}` }).click();
    const panel = page.getByTestId('survey-action');
    // A reason is required: an empty one is not sent.
    await panel.getByRole('button', { name: 'Écarter la réponse', exact: true }).click();
    expect(await statusOf(chosen.first)).toBe('a répondu');
    await panel
      .getByLabel('Pourquoi doutez-vous de cette réponse ?')
      .fill('Effectif incohérent avec le registre');
    await panel.getByRole('button', { name: 'Écarter la réponse', exact: true }).click();
    await expect.poll(() => statusOf(chosen.first)).toBe('a répondu, réponse écartée');
    expect(await invitationRow(chosen.first).locator('.set-aside').textContent()).toMatch(
      /^Écartée par agent@regie\.example le .+\s: Effectif incohérent avec le registre$/,
    );
    await expectAccessible(page, 'surveys-set-aside', ARTIFACTS);

    await page.getByRole('button', { name: `Réutiliser la réponse de ${chosen.first}` }).click();
    await expect.poll(() => statusOf(chosen.first)).toBe('a répondu');
    expect(await invitationRow(chosen.first).locator('.set-aside').count()).toBe(0);
  });

  it('imports a CSV of answers gathered elsewhere, saying which row it refused and why', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const csv = [
      'supplierKey;purchasesSharePercent;localPurchasesSharePercent;wageBillSharePercent;employees;localEmployees;respondentRole;answeredOn',
      `${imported.key};20;25;50;4;4;gérant;${yesterday}`,
      // More employees living locally than employees: refused.
      `${chosen.secondKey};20;25;50;4;9;gérant;${yesterday}`,
      '',
    ].join('\n');
    await page.setInputFiles('input[name=answersFile]', {
      name: 'reponses-telephone.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Déposer les réponses' }).click();
    await page.getByTestId('answers-result').waitFor();
    expect(await page.getByTestId('answers-result').textContent()).toBe(
      '1 réponse acceptée, 1 ligne refusée.',
    );
    const refused = await page
      .getByRole('table', { name: 'Lignes refusées' })
      .locator('tbody tr td')
      .allTextContents();
    expect(refused[0]).toBe('3');
    expect(refused[1]).toContain('localEmployees');
    expect(await statusOf(chosen.second)).toBe('en attente');
    // 20 % × 25 % of purchases and 50 % × 4/4 of wages: 55 % re-spent locally.
    await expect.poll(() => statusOf(imported.name)).toBe('a répondu');
    expect(await invitationRow(imported.name).textContent()).toMatch(
      /Redépense locale 55,0\s%.+\(import CSV\)/,
    );
  });

  it('says the same in English', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Supplier surveys', level: 1 }).waitFor();
    expect(await page.getByTestId('survey-counts').textContent()).toBe(
      '2 suppliers answered, 1 did not answer.',
    );
    expect(await statusOf(chosen.second)).toBe('waiting');
    await expectAccessible(page, 'surveys-en', ARTIFACTS);
    await page.getByRole('button', { name: 'Passer en français' }).click();
    await page.getByRole('heading', { name: 'Enquêtes fournisseurs', level: 1 }).waitFor();
  });

  it('made no request outside the portal and broke no content-security rule', () => {
    const origin = new URL(portal.url).origin;
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    // The first visit asks who is signed in and gets 401 before the sign-in: the only error expected.
    expect(errors.filter((text) => !/status of 401/.test(text))).toEqual([]);
  });
});
