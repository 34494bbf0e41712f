import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildPortalInTemp } from '../../../portal/build.ts';
import { type LocalPortal, startLocalPortal } from '../../../shared/local/local-portal.ts';
import { launchChromium, watchPage } from '../../support/chromium.ts';
import { ACCESSIBILITY_CHECK, type AccessibilityFinding } from './in-page-checks.ts';

export const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/portal/', import.meta.url));

export interface PortalSession {
  readonly portal: LocalPortal;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the browser asked for. */
  readonly requests: string[];
  /** Console errors and uncaught exceptions (a CSP violation shows up here). */
  readonly errors: string[];
  readonly staticDir: string;
}

/** `ancrage serve` in-process on a free port with the portal freshly built, and Chromium on it. */
export async function openPortal(): Promise<PortalSession> {
  await rm(ARTIFACTS, { recursive: true, force: true });
  await mkdir(ARTIFACTS, { recursive: true });
  const staticDir = await buildPortalInTemp();
  const portal = await startLocalPortal({ port: 0, stateDirectory: undefined, staticDir });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  const page = await context.newPage();
  // The report opened in a new tab is watched by the test itself; this page is the portal's.
  const { requests, errors } = watchPage(page);
  await page.goto(portal.url);
  return { portal, browser, context, page, requests, errors, staticDir };
}

export async function closePortal(session: PortalSession | undefined): Promise<void> {
  if (!session) return;
  await session.browser.close();
  await session.portal.stop();
  await rm(session.staticDir, { recursive: true, force: true });
}

export const screenshot = (page: Page, name: string, artifacts = ARTIFACTS) =>
  page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

/** Signs in at `serve`'s local sign-in page as `name` of `anchorId`, and waits for the upload page. */
export async function signIn(page: Page, name: string, anchorId: string): Promise<void> {
  await page.getByLabel('Votre nom ou adresse électronique').fill(name);
  await page.getByLabel('Institution').selectOption(anchorId);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Déposer un fichier', level: 1 }).waitFor();
  expect(await page.locator('header .session').textContent()).toContain(name);
}

/**
 * The in-page accessibility check finds nothing, at the laptop and the tablet size; the tablet's
 * screenshot in `artifacts` (the portal's folder unless a test keeps its own).
 */
export async function expectAccessible(page: Page, name: string, artifacts = ARTIFACTS): Promise<void> {
  for (const [width, height] of [
    [1366, 768],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    const findings = (await page.evaluate(ACCESSIBILITY_CHECK)) as AccessibilityFinding[];
    expect(findings, `${name} at ${width}×${height}`).toEqual([]);
  }
  await screenshot(page, `${name}-tablet`, artifacts);
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** Drops a file on the drop zone as a drag from the desktop does: a `drop` event carrying the file. */
export async function dropFile(page: Page, name: string, content: Buffer, type: string): Promise<void> {
  const transfer = await page.evaluateHandle(`(() => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(content.toString('base64'))}), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
    return transfer;
  })()`);
  await page.dispatchEvent('[data-testid=drop-zone]', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer: transfer });
}
