import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, driven by playwright-core (which downloads no browser). Fails with
 * the way to install it when it is missing.
 */
export async function launchChromium(): Promise<Browser> {
  try {
    await access(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: these tests drive a real browser. ` +
        "Install Debian's chromium: apt-get update && apt-get install -y --no-install-recommends chromium " +
        '(never `npx playwright install`: there is no download here).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
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
