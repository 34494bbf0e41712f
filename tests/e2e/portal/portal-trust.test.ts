import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortalInTemp } from '../../../portal/build.ts';
import { type LocalPortal, startLocalPortal } from '../../../shared/local/local-portal.ts';
import { launchChromium, watchPage } from '../../support/chromium.ts';
import { dropFile, signIn } from './support.ts';

/**
 * What an officer sees of who they are and where they are, under `ancrage serve` in Chromium: the
 * reports list names their institution, and moving between pages puts the screen reader on the new
 * page without drawing a frame around it. Its own portal and artifacts: portal.test.ts empties its
 * folder when it starts, and the two may run side by side.
 */

/** Ville de Grenoble, an anchor of the bundled Grenoble territory. */
const CITY = '21380185500015';
/** Another establishment of the city's legal unit (same SIREN), as a town hall annexe's extract names it. */
const CITY_ANNEXE = '21380185500999';
const NBSP = '\u00A0';

/** SYNTHETIC payments of the city, each line naming its annexe's SIRET as the buyer. */
const ANNEXE_PAYMENTS = [
  'SIRET collectivité;N° mandat;Tiers;Code postal;Date mandat;Montant',
  `${CITY_ANNEXE};M-1;Fournisseur synthétique Alpha;38000;03/03/2025;1 200,00`,
  `${CITY_ANNEXE};M-2;Fournisseur synthétique Bêta;38100;10/03/2025;345,60`,
  '',
].join('\r\n');

let portal: LocalPortal;
let browser: Browser;
let staticDir: string;
let page: Page;
let errors: string[];

beforeAll(async () => {
  staticDir = await buildPortalInTemp();
  portal = await startLocalPortal({ port: 0, stateDirectory: undefined, staticDir });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  page = await context.newPage();
  errors = watchPage(page).errors;
  await page.goto(portal.url);
  await signIn(page, 'agent@ville.example', CITY);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  if (staticDir) await rm(staticDir, { recursive: true, force: true });
});

/** The focused element's tag, and the focus ring drawn around it (outline and box shadow). */
const FOCUS_RING = `(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return { tag: el.tagName.toLowerCase(), id: el.id, outline: style.outlineStyle, shadow: style.boxShadow };
})()`;
interface FocusRing {
  readonly tag: string;
  readonly id: string;
  readonly outline: string;
  readonly shadow: string;
}
const focusRing = async () => (await page.evaluate(FOCUS_RING)) as FocusRing;

describe('moving between pages', () => {
  it('puts the focus on the new page’s content, with no frame drawn around it, by keyboard or mouse', async () => {
    // By keyboard: the browser then shows a focus ring on whatever script focuses next.
    await page.getByRole('link', { name: 'Rapports' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Rapports publiés', level: 1 }).waitFor();
    expect(await focusRing()).toEqual({ tag: 'main', id: 'content', outline: 'none', shadow: 'none' });

    await page.getByRole('link', { name: 'Fournisseurs' }).click();
    await page.getByRole('heading', { name: 'Fournisseurs', level: 1 }).waitFor();
    expect(await focusRing()).toEqual({ tag: 'main', id: 'content', outline: 'none', shadow: 'none' });
  });

  it('still rings a control reached with the keyboard, clearly', async () => {
    await page.getByRole('link', { name: 'Rapports' }).click();
    await page.getByRole('heading', { name: 'Rapports publiés', level: 1 }).waitFor();
    // The first control after the main region's start: the rebuild button.
    await page.keyboard.press('Tab');
    const ring = await focusRing();
    expect(ring.tag).toBe('button');
    expect(ring.outline).toBe('solid');
    expect(ring.shadow).not.toBe('none');
  });
});

describe('the list of reports', () => {
  it('names the institution, not its SIRET, even when its file names another of its establishments', async () => {
    await page.getByRole('link', { name: 'Déposer un fichier' }).click();
    await page.getByRole('heading', { name: 'Déposer un fichier', level: 1 }).waitFor();
    await dropFile(page, 'mandats-annexe.csv', Buffer.from(ANNEXE_PAYMENTS, 'utf8'), 'text/csv');
    await page.getByTestId('detection').waitFor();
    await page.getByTestId('send').click();
    await page.locator('.status-ingested').waitFor({ timeout: 30_000 });
    await portal.idle();

    await page.getByRole('link', { name: 'Rapports' }).click();
    const own = page.locator('tr', { hasText: `Institution${NBSP}:` }).filter({ hasText: 'Paiements' });
    await own.first().waitFor();
    for (const row of await own.allTextContents()) {
      expect(row).toContain(`Institution${NBSP}: Ville de Grenoble`);
      expect(row).not.toContain(CITY);
    }
    // Before signing in, the portal asks who is signed in and is told no one (a 401): not an error.
    expect(errors.filter((text) => !/status of 401/.test(text))).toEqual([]);
  });
});
