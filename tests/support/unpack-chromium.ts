import { chromiumPath } from './chromium.ts';

/** Vitest's global set-up: the browser is unpacked once, before test files start it side by side. */
export default async function unpackChromium(): Promise<void> {
  await chromiumPath();
}
