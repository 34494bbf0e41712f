import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, createS3Client } from '../../shared/adapters/aws-clients.ts';
import { putAll } from '../../shared/adapters/batch-write.ts';
import { ENTITY, keys } from '../../shared/adapters/dynamodb-keys.ts';
import { createS3ParquetLineFiles } from '../../shared/adapters/s3-parquet-line-files.ts';
import { type EmbeddedStack, startEmbeddedStack } from '../../shared/local/embedded-stack.ts';
import { LocalPipeline } from '../../shared/local/local-pipeline.ts';
import { paymentsExcerpt } from '../integration/helpers.ts';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ancrage-migrate-lines-'));
const state = join(dir, 'state');
let datasetId: string;

/** Runs `change` on the state folder's stack in this process, then stops it for the CLI to open. */
async function onState(change: (stack: EmbeddedStack, pipeline: LocalPipeline) => Promise<void>) {
  const stack = await startEmbeddedStack({ stateDirectory: state });
  const pipeline = new LocalPipeline(stack);
  try {
    await change(stack, pipeline);
  } finally {
    pipeline.close();
    await stack.stop();
  }
}

beforeAll(async () => {
  const file = join(dir, 'mandats.csv');
  writeFileSync(file, paymentsExcerpt('migrate-lines', 30).text);
  // A state folder as an earlier version left it: the dataset's lines as items, no line files.
  await onState(async (stack, pipeline) => {
    const [outcome] = await pipeline.ingest(
      await pipeline.upload({ path: file, anchorId: '21380185500015' }),
    );
    if (outcome?.outcome !== 'ingested') throw new Error(`the excerpt was ${outcome?.outcome}`);
    const { id, anchorId, kind } = outcome.dataset;
    if (!kind) throw new Error('an ingested dataset has a kind');
    datasetId = id;
    const s3 = createS3Client(stack.s3Endpoint);
    const files = createS3ParquetLineFiles(s3, stack.buckets.uploads);
    const { lines } = await files.read({ id, anchorId, kind }, { offset: 0, limit: 100 });
    await files.remove({ id, anchorId, kind });
    const documents = createDocumentClient(stack.dynamoDbEndpoint);
    await putAll(
      documents,
      stack.tableName,
      lines.map((line) => ({
        ...keys.line(id, line.sequence),
        entityType: ENTITY.line,
        datasetId: id,
        ...line,
      })),
    );
    documents.destroy();
    s3.destroy();
  });
});

describe('ancrage migrate-lines', () => {
  it('moves a state folder’s line items into line files in one line, then has nothing to do', async () => {
    const run = await runCli(['migrate-lines', '--state', state]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      'migrate-lines: 1 dataset migrated (30 lines moved to line files), 0 dropped, 30 line items deleted\n',
    );

    const again = await runCli(['migrate-lines', '--state', state]);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toBe('migrate-lines: nothing to do, no line item left to move or drop\n');
  });

  it('stops in one line, exit 1, on an item it cannot move', async () => {
    await onState(async (stack) => {
      // The dataset's files gone again, so its items are read: one of them is not a line.
      const s3 = createS3Client(stack.s3Endpoint);
      const owner = { id: datasetId, anchorId: '21380185500015', kind: 'payments' } as const;
      await createS3ParquetLineFiles(s3, stack.buckets.uploads).remove(owner);
      s3.destroy();
      const documents = createDocumentClient(stack.dynamoDbEndpoint);
      const item = { ...keys.line(datasetId, 1), entityType: ENTITY.line, datasetId, sequence: 1 };
      await putAll(documents, stack.tableName, [item]);
      documents.destroy();
    });

    const run = await runCli(['migrate-lines', '--state', state]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    // One line, naming the item and what is wrong with it.
    expect(run.stderr).toMatch(
      new RegExp(
        `^ancrage: migrate-lines stopped: line item DATASET#${datasetId}#LINES#1 LINE#0000000001 is not a line: lineNumber: [^\n]+; run it again to go on\n$`,
      ),
    );
  });

  it('says which stack to migrate when given none, or half of one', async () => {
    const [none, half] = await Promise.all([
      runCli(['migrate-lines']),
      runCli(['migrate-lines', '--table', 'ancrage-prod']),
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('migrate-lines needs --state <dir>');
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('needs both --table <name> and --bucket <uploads bucket>');
  });
});
