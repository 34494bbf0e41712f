import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parquetReadObjects } from 'hyparquet';
import { schemaFromColumnData } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { packedRowGroup } from '../../shared/adapters/packed-columns.ts';
import { synthesise } from './synth.ts';

const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024;

/** The bundled encoder needs nothing but itself: it encodes a row group and a footer into a Parquet file. */
async function expectEncoderRuns(file: string): Promise<void> {
  const schema = schemaFromColumnData({
    columnData: [{ name: 'amount_cents', type: 'INT64', data: [], nullable: true }],
  });
  const worker = new Worker(file, { workerData: { schema } });
  const answers: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (answer: { bytes?: Uint8Array; error?: string }) => {
      if (!answer.bytes) reject(new Error(answer.error));
      else if (answers.push(answer.bytes) === 2) resolve();
    });
    worker.on('error', reject);
  });
  const { columns, transfer } = packedRowGroup(
    [123, null, 45],
    [{ name: 'amount_cents', type: 'INT64', nullable: true, value: (cents) => cents }],
  );
  worker.postMessage({ columns }, [...transfer]);
  worker.postMessage({ finish: true });
  await done;
  await worker.terminate();
  const bytes = Buffer.concat(answers);
  const rows = await parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  expect(rows).toEqual([{ amount_cents: 123n }, { amount_cents: null }, { amount_cents: 45n }]);
}

describe('the Lambda bundles', () => {
  it('bundles every function with the local esbuild, each under 1.5 MB, the report and the API with their geography, ingest with its encoder', async () => {
    const { assembly, app } = synthesise({ bundle: true });
    // CDK's own handlers (the bucket deployment copying the portal's files, the SDK calls) are not ours.
    const functions = Object.entries(app.findResources('AWS::Lambda::Function')).filter(
      ([logicalId]) =>
        !logicalId.startsWith('CustomCDKBucketDeployment') &&
        !logicalId.startsWith('AWS679f53fac002430cb0da5b7982bd2287'),
    );
    expect(functions).toHaveLength(6);
    const sizes = new Map<string, number>();
    const workers: string[] = [];
    const located: string[] = [];
    for (const [logicalId, fn] of functions) {
      const assetHash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const directory = join(assembly.directory, `asset.${assetHash}`);
      const bundle = join(directory, 'index.mjs');
      expect(existsSync(bundle), bundle).toBe(true);
      sizes.set(logicalId, statSync(bundle).size);
      expect(statSync(bundle).size).toBeLessThan(MAX_BUNDLE_BYTES);
      if (fn.Properties.Environment?.Variables?.GEOGRAPHY_DIRECTORY) {
        located.push(logicalId.replace(/[A-F0-9]{8}$/, ''));
        expect(readdirSync(join(directory, 'geography')).sort()).toEqual([
          'france-areas.json',
          'france-communes.json',
          'france-epci.json',
          'france-postcodes.json',
        ]);
      }
      if (readFileSync(bundle, 'utf-8').includes('parquet-encoder-worker.mjs')) workers.push(directory);
    }
    // The report locates suppliers; the API classifies survey candidates the same way.
    expect(located.sort()).toEqual(['ApiFunction', 'ReportFunction']);
    // Ingest writes line files (and the API reads them through the same adapter): each bundle that
    // names the encoder's thread has its file beside it, bundled to run alone.
    expect(workers.length).toBeGreaterThanOrEqual(1);
    for (const directory of workers) await expectEncoderRuns(join(directory, 'parquet-encoder-worker.mjs'));
    console.log('bundle sizes (bytes):', Object.fromEntries(sizes));

    // The portal is built by Vite during the same synth: its page and its hashed files, no sources; config.json comes from the deployment.
    const [deployment] = Object.values(app.findResources('Custom::CDKBucketDeployment'));
    const portalHash = String(deployment?.Properties.SourceObjectKeys[0]).replace(/\.zip$/, '');
    const portal = join(assembly.directory, `asset.${portalHash}`);
    expect(readdirSync(portal).sort()).toEqual(['assets', 'index.html']);
    expect(readdirSync(join(portal, 'assets')).some((file) => /^index-.+\.js$/.test(file))).toBe(true);
  }, 120_000);
});
