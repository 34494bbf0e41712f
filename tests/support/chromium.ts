import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import sparticuzChromium from '@sparticuz/chromium';
import { type Browser, chromium, type Page, type PageScreenshotOptions } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/**
 * The same arguments for either browser. Not the npm package's own: they are made for one page per
 * Lambda run (`--single-process` dies when a browser context closes) and turn web security off, which
 * would hide what the tests check (no outside request, the content security policy).
 */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A headless Chromium driven by playwright-core (which downloads no browser): the system's when one
 * is installed, else the one `@sparticuz/chromium` ships inside its npm package (unpacked to /tmp on
 * first use), so `npm ci && npm test` needs nothing installed by hand.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: ARGS });
}

/**
 * The browser to run: the system's, else the npm package's, unpacked on first use. The package tells
 * it is unpacked by the file's existence, which is true as soon as unpacking starts: two test files
 * starting a browser at once could run a half-written one (ETXTBSY). The suite's global set-up calls
 * this once before any file runs (unpack-chromium.ts).
 */
export async function chromiumPath(): Promise<string> {
  return (await isExecutable(SYSTEM_CHROMIUM)) ? SYSTEM_CHROMIUM : sparticuzChromium.executablePath();
}

/** Records every request a page makes and every console error (CSP violations among them). */
export function watchPage(page: Page): { requests: string[]; errors: string[] } {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { requests, errors };
}

/**
 * Saves a screenshot, asking once more when Chromium answers "Unable to capture screenshot": on a
 * machine this busy a capture sometimes misses its frame, and the image is an artifact, not a check.
 */
export async function saveScreenshot(page: Page, options: PageScreenshotOptions): Promise<void> {
  try {
    await page.screenshot(options);
  } catch (error) {
    if (!String(error).includes('Unable to capture screenshot')) throw error;
    await page.waitForTimeout(500);
    await page.screenshot(options);
  }
}
