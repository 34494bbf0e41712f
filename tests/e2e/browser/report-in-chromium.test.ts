import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../../shared/render/labels.ts';
import { renderReportHtml } from '../../../shared/render/report-html.ts';
import { renderReportIndex } from '../../../shared/render/report-index.ts';
import { launchChromium, watchPage } from '../../support/chromium.ts';
import { reportFixture } from '../../unit/render/report-fixture.ts';

const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));
const LANGUAGES = ['fr', 'en'] as const;
const prefixOf = (lang: string) => `reports/lyon/consortium/payments/${lang}/`;

/** The little of the DOM the in-page measures use (the project compiles without the DOM library). */
interface InPage {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): {
    left: number;
    right: number;
    top: number;
    bottom: number;
    width: number;
    height: number;
  };
  querySelectorAll(selector: string): Iterable<InPage>;
  readonly textContent: string | null;
}

let browser: Browser;
let site: string;

/** A page that records every request it makes, and every console error (CSP violations among them). */
async function open(
  url: string,
  width = 1100,
): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  const { requests, errors } = watchPage(page);
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors };
}

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'ancrage-report-'));
  for (const lang of LANGUAGES) {
    const folder = join(site, prefixOf(lang));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'report.html'), await renderReportHtml(reportFixture(lang)));
  }
  const entries = LANGUAGES.map((lang) => {
    const report = reportFixture(lang);
    return {
      prefix: prefixOf(lang),
      territory: report.territory.name,
      scope: 'consortium',
      kind: report.kind,
      language: lang,
      period: report.period,
      generatedAt: report.generatedAt,
      localShare: report.headline.localShare,
    };
  });
  await writeFile(join(site, 'index.html'), renderReportIndex(entries, 'fr'));
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

describe.each(LANGUAGES)('the %s report in Chromium', (lang) => {
  const L = LABELS[lang];
  const url = () => pathToFileURL(join(site, prefixOf(lang), 'report.html')).href;

  it('loads nothing but itself, without a console error, in its language', async () => {
    const { page, requests, errors } = await open(url());
    expect(requests).toEqual([url()]);
    expect(errors).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.title()).toContain(L.title);
    await page.context().close();
  });

  it('draws every chart: visible, sized, with bars, and no text spilling out', async () => {
    const { page } = await open(url());
    const charts = page.getByRole('img');
    expect(await charts.count()).toBe(7);
    for (const name of [
      L.charts.ringsTitle,
      L.multiplier.chart.title,
      L.charts.typesTitle,
      L.charts.sectorsTitle,
      L.charts.trendTitle,
    ]) {
      await expect.poll(() => page.getByRole('img', { name }).isVisible()).toBe(true);
    }
    // At this width the charts drawn for the column show; those drawn for a phone are hidden.
    const measures = await page.locator('svg[role="img"]:visible').evaluateAll((svgs: InPage[]) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const filled = [...svg.querySelectorAll('path')].filter((path) => {
          const bar = path.getBoundingClientRect();
          const fill = path.getAttribute('fill');
          return bar.width > 0 && bar.height > 0 && fill !== null && fill !== 'none';
        });
        const spilling = [...svg.querySelectorAll('text')]
          .filter((text) => (text.textContent ?? '').trim() !== '')
          .filter((text) => {
            const r = text.getBoundingClientRect();
            return (
              r.left < box.left - 1 ||
              r.right > box.right + 1 ||
              r.top < box.top - 1 ||
              r.bottom > box.bottom + 1
            );
          })
          .map((text) => text.textContent);
        return {
          name: svg.getAttribute('aria-label'),
          width: box.width,
          height: box.height,
          bars: filled.length,
          spilling,
        };
      }),
    );
    for (const chart of measures) {
      expect(chart.name).toBeTruthy();
      expect(chart.width).toBeGreaterThan(500);
      expect(chart.height).toBeGreaterThan(60);
      expect(chart.bars).toBeGreaterThan(1);
      expect(chart.spilling, String(chart.name)).toEqual([]);
    }
    // One bar per ring (and the lighter "closer in" part of the outer ones), per leaking supplier.
    const [, rings, , , leakage] = measures;
    expect(rings?.bars).toBeGreaterThanOrEqual(9);
    expect(leakage?.bars).toBeGreaterThanOrEqual(8);
    await page.context().close();
  });

  it('shows the headline, the trend against the target, the leak and the opportunities first', async () => {
    const { page } = await open(url());
    const headline = page.locator('section.headline');
    await expect
      .poll(() => headline.locator('.big').textContent())
      .toBe(lang === 'fr' ? '42,1\u00A0%' : '42.1%');
    const text = (await headline.textContent()) ?? '';
    expect(text).toContain(L.headline.leakage);
    expect(text).toContain(L.headline.opportunities);
    expect(text).toContain(lang === 'fr' ? 'Objectif\u00A0: 45,0\u00A0% en 2026' : 'Target: 45.0% by 2026');
    const box = await headline.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(2000);
    await page.context().close();
  });

  it('fits a phone screen without sideways scrolling, and prints without its table of contents', async () => {
    const { page } = await open(url(), 390);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    await page.context().close();
  });

  it(`saves a full-page screenshot to test-artifacts/report-${lang}.png`, async () => {
    const { page } = await open(url());
    const path = join(ARTIFACTS, `report-${lang}.png`);
    await page.screenshot({ path, fullPage: true });
    await expect(access(path)).resolves.toBeUndefined();
    await page.context().close();
  });
});

describe('the reports index in Chromium', () => {
  it('links to each report by a relative path that opens it', async () => {
    const index = pathToFileURL(join(site, 'index.html')).href;
    const { page, requests, errors } = await open(index);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const links = page.getByRole('link');
    expect(await links.count()).toBe(2);
    await links.first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(pathToFileURL(join(site, prefixOf('en'), 'report.html')).href);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(requests.every((request) => request.startsWith(pathToFileURL(site).href))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
