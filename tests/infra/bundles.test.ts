import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesise } from './synth.ts';

const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024;

describe('the Lambda bundles', () => {
  it('bundles every function with the local esbuild, each under 1.5 MB, the report with its geography', () => {
    const { assembly, app } = synthesise({ bundle: true });
    const functions = Object.entries(app.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(4);
    const sizes = new Map<string, number>();
    for (const [logicalId, fn] of functions) {
      const assetHash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const directory = join(assembly.directory, `asset.${assetHash}`);
      const bundle = join(directory, 'index.mjs');
      expect(existsSync(bundle), bundle).toBe(true);
      sizes.set(logicalId, statSync(bundle).size);
      expect(statSync(bundle).size).toBeLessThan(MAX_BUNDLE_BYTES);
      if (fn.Properties.Environment?.Variables?.GEOGRAPHY_DIRECTORY) {
        expect(readdirSync(join(directory, 'geography')).sort()).toEqual([
          'france-areas.json',
          'france-communes.json',
          'france-epci.json',
          'france-postcodes.json',
        ]);
      }
    }
    console.log('bundle sizes (bytes):', Object.fromEntries(sizes));
  }, 120_000);
});
