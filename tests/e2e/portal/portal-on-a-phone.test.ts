import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortalInTemp } from '../../../portal/build.ts';
import { type LocalPortal, startLocalPortal } from '../../../shared/local/local-portal.ts';
import { launchChromium } from '../../support/chromium.ts';
import { type PageLayout, pageLayout } from '../browser/page-layout.ts';
import { signIn } from './support.ts';

/** Apart from portal.test.ts's folder, which that test empties when it starts. */
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/portal-screens/', import.meta.url));
const SCREENS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
/** The portal draws no chart; the same measure as the report's, for its tables and width. */
const MIN_TEXT_PX = 11;
const PAGES = [
  { route: 'upload', heading: 'Déposer un fichier' },
  { route: 'suppliers', heading: 'Fournisseurs' },
  { route: 'reports', heading: 'Rapports publiés' },
  { route: 'surveys', heading: 'Enquêtes fournisseurs' },
] as const;

let portal: LocalPortal;
let browser: Browser;
let staticDir: string;
let page: Page;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  staticDir = await buildPortalInTemp();
  portal = await startLocalPortal({ port: 0, stateDirectory: undefined, staticDir });
  // The sample data's reports are built before the reports page is measured.
  await portal.idle();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: SCREENS[0], locale: 'fr-FR' });
  page = await context.newPage();
  await page.goto(portal.url);
  await signIn(page, 'admin@consortium.example', 'consortium');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  if (staticDir) await rm(staticDir, { recursive: true, force: true });
});

describe.each(SCREENS)(
  'the portal at $width px (screenshots in test-artifacts/portal-screens/)',
  (screen) => {
    it.each(PAGES)(
      'keeps the $route page within the screen, its tables scrolling in their own box',
      async ({ route, heading }) => {
        await page.setViewportSize(screen);
        await page.goto(`${portal.url}#/${route}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        if (route === 'reports') await page.getByTestId('local-share').first().waitFor();
        if (route === 'surveys') await page.getByRole('table').first().waitFor();
        await page.screenshot({ path: join(ARTIFACTS, `${route}-${screen.width}.png`), fullPage: true });
        const layout = (await page.evaluate(pageLayout(MIN_TEXT_PX))) as PageLayout;
        expect(layout.pageWidth, 'page width').toBeLessThanOrEqual(layout.viewportWidth);
        if (route === 'reports') expect(layout.tables.length).toBeGreaterThan(0);
        for (const table of layout.tables) {
          expect(table, table.caption).toMatchObject({
            wrapped: true,
            focusable: true,
            role: 'region',
            name: table.caption,
          });
          expect(table.boxRight, table.caption).toBeLessThanOrEqual(layout.viewportWidth);
        }
      },
    );
  },
);
