import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../shared/render/report-html.ts';
import { launchChromium, saveScreenshot } from '../../support/chromium.ts';
import { reportFixture } from '../../unit/render/report-fixture.ts';
import { type PageLayout, pageLayout } from './page-layout.ts';

const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));
const LANGUAGES = ['fr', 'en'] as const;
/** A common phone and a laptop; the phone's height is an iPhone 14's. */
const SCREENS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
/** The smallest chart text a reader should meet on screen, in CSS pixels. */
const MIN_TEXT_PX = 11;
const SCREENSHOT_HEIGHT = 8000;

let browser: Browser;
let site: string;

async function layoutOf(lang: string, screen: { width: number; height: number }): Promise<PageLayout> {
  const context = await browser.newContext({ viewport: screen, javaScriptEnabled: false });
  try {
    const page: Page = await context.newPage();
    await page.goto(pathToFileURL(join(site, lang, 'report.html')).href, { waitUntil: 'load' });
    const layout = (await page.evaluate(pageLayout(MIN_TEXT_PX))) as PageLayout;
    const name = `report-${lang}-${screen.width}`;
    await saveScreenshot(page, { path: join(ARTIFACTS, `${name}-first-screen.png`) });
    // The page's top, charts included: a whole phone-width page (some 25 000 px) is more than
    // Chromium captures reliably in one image.
    const height = Math.min(SCREENSHOT_HEIGHT, Number(await page.evaluate('document.body.scrollHeight')));
    await saveScreenshot(page, {
      path: join(ARTIFACTS, `${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: screen.width, height },
    });
    return layout;
  } finally {
    await context.close();
  }
}

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'ancrage-phone-'));
  for (const lang of LANGUAGES) {
    await mkdir(join(site, lang), { recursive: true });
    await writeFile(join(site, lang, 'report.html'), await renderReportHtml(reportFixture(lang)));
  }
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

describe.each(LANGUAGES)('the %s report on a phone and a laptop', (lang) => {
  describe.each(SCREENS)('at $width px (screenshot in test-artifacts/)', (screen) => {
    let layout: PageLayout;
    beforeAll(async () => {
      layout = await layoutOf(lang, screen);
    });

    it('never scrolls the page sideways', () => {
      expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewportWidth);
    });

    it('shows the headline in the first screen, before the details of the report', () => {
      expect(layout.headlineTop).not.toBeNull();
      expect(layout.headlineTop ?? Number.POSITIVE_INFINITY).toBeLessThan(screen.height / 2);
    });

    it(`draws every chart to the width, its text never under ${MIN_TEXT_PX} px and never cut`, () => {
      expect(layout.charts.length).toBeGreaterThanOrEqual(5);
      for (const chart of layout.charts) {
        expect(chart.width, chart.name).toBeLessThanOrEqual(layout.viewportWidth);
        expect(chart.smallText, chart.name).toEqual([]);
        expect(chart.cutText, chart.name).toEqual([]);
      }
    });

    it('scrolls every table inside its own box, one a keyboard can reach and a screen reader names', () => {
      expect(layout.tables.length).toBeGreaterThan(5);
      for (const table of layout.tables) {
        expect(table, table.caption).toMatchObject({
          wrapped: true,
          scrollable: true,
          focusable: true,
          role: 'region',
          name: table.caption,
        });
        expect(table.boxRight, table.caption).toBeLessThanOrEqual(layout.viewportWidth);
      }
    });
  });
});
