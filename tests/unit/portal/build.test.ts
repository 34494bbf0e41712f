import { describe, expect, it } from 'vitest';
import { refuseNodeModules } from '../../../portal/build.ts';

/** Calls the plugin's resolveId as Vite does, with an error() that throws as Vite's does. */
function resolve(source: string): unknown {
  const plugin = refuseNodeModules();
  const hook = plugin.resolveId as unknown as (this: unknown, source: string, importer: string) => unknown;
  return hook.call(
    {
      error: (message: string) => {
        throw new Error(message);
      },
    },
    source,
    '/portal/src/detect/detect-file.ts',
  );
}

describe('the portal build', () => {
  it.each(['node:fs', 'fs', 'node:stream/promises', 'stream', 'crypto', 'buffer'])(
    'fails when browser code imports the Node module %s',
    (source) => {
      expect(() => resolve(source)).toThrow(/runs in a browser: .*detect-file\.ts imports the Node module/);
    },
  );

  it.each(['papaparse', 'zod', '@streamparser/json', './dom.ts', '../../../shared/domain/text.ts'])(
    'lets %s through to the normal resolution',
    (source) => {
      expect(resolve(source)).toBeNull();
    },
  );
});
