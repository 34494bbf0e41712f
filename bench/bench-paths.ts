import { mkdirSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `bench/out/` (git-ignored): generated files, bundles, profiles. */
export function benchOut(...parts: string[]): string {
  const directory = fileURLToPath(new URL(['out', ...parts].join('/').concat('/'), import.meta.url));
  mkdirSync(directory, { recursive: true });
  return directory;
}

/** The project root, for spawning tools from it. */
export const projectRoot = fileURLToPath(new URL('../', import.meta.url));

/** True when the module is the script node was started with (not imported). */
export function isMain(moduleUrl: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
