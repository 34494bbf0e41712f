import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesise } from './synth.ts';

const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024;

describe('the Lambda bundles', () => {
  it('bundles every function with the local esbuild, each under 1.5 MB, the report with its geography', () => {
    const { assembly, app } = synthesise({ bundle: true });
    // CDK's own handlers (the bucket deployment copying the portal's files, the SDK calls) are not ours.
    const functions = Object.entries(app.findResources('AWS::Lambda::Function')).filter(
      ([logicalId]) =>
        !logicalId.startsWith('CustomCDKBucketDeployment') &&
        !logicalId.startsWith('AWS679f53fac002430cb0da5b7982bd2287'),
    );
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

    // The portal is built by Vite during the same synth: its page and its hashed files, no sources; config.json comes from the deployment.
    const [deployment] = Object.values(app.findResources('Custom::CDKBucketDeployment'));
    const portalHash = String(deployment?.Properties.SourceObjectKeys[0]).replace(/\.zip$/, '');
    const portal = join(assembly.directory, `asset.${portalHash}`);
    expect(readdirSync(portal).sort()).toEqual(['assets', 'index.html']);
    expect(readdirSync(join(portal, 'assets')).some((file) => /^index-.+\.js$/.test(file))).toBe(true);
  }, 120_000);
});
