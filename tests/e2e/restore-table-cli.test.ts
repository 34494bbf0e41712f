/**
 * The restore drill of the deploy guide, against the embedded stack: point-in-time recovery restores
 * the table into a new one (simulated here by copying it), the live table is damaged, and
 * `ancrage restore-table` brings the restored items back; the report rebuilt from the table must be
 * the one built before, byte for byte.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putAll } from '../../shared/adapters/batch-write.ts';
import { DEFAULT_TERRITORY_ID } from '../../shared/domain/territory/bundled-territories.ts';
import { SAMPLE_DATASETS } from '../../shared/local/samples.ts';
import { tableDefinition } from '../../shared/local/table-definition.ts';
import { reportDependencies } from '../../shared/runtime/report-dependencies.ts';
import { publishReport } from '../../shared/use-cases/publish-report.ts';
import { type Harness, readBytes, startHarness } from '../integration/helpers.ts';
import { runCli } from '../support/run-cli.ts';

type Item = Record<string, unknown>;

const RESTORED = 'ancrage-restored';
/** Reports carry the time they were built: the same instant for both builds, through the clock port. */
const BUILT_AT = new Date('2026-03-01T08:00:00.000Z');
const SAMPLE = SAMPLE_DATASETS.find((sample) => sample.kind === 'payments');

let harness: Harness;
let table: string;
let original: Map<string, Uint8Array>;

/** The consortium's payments report and the uploader's, every file of each, as the reports bucket holds them. */
async function buildReports(): Promise<Map<string, Uint8Array>> {
  const deps = { ...reportDependencies(), clock: { now: () => BUILT_AT } };
  const files = new Map<string, Uint8Array>();
  for (const anchorId of [undefined, SAMPLE?.anchorId]) {
    const outcome = await publishReport(deps, {
      territoryId: DEFAULT_TERRITORY_ID,
      kind: 'payments',
      anchorId,
    });
    if (!outcome.published) throw new Error(`the report was not published: ${outcome.reason}`);
    for (const name of outcome.files) {
      const key = `${outcome.prefix}${name}`;
      files.set(key, await readBytes(harness, harness.stack.buckets.reports, key));
    }
  }
  return files;
}

const keyOf = (item: Item) => `${String(item.pk)}\u0000${String(item.sk)}`;
const byKey = (a: Item, b: Item) => keyOf(a).localeCompare(keyOf(b));

async function scanAll(tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  const pages = paginateScan({ client: harness.documents }, { TableName: tableName, ConsistentRead: true });
  for await (const page of pages) items.push(...(page.Items ?? []));
  return items.sort(byKey);
}

const restore = (...options: string[]) =>
  runCli([
    'restore-table',
    '--from',
    RESTORED,
    '--to',
    table,
    '--endpoint',
    harness.stack.dynamoDbEndpoint,
    ...options,
  ]);

beforeAll(async () => {
  if (!SAMPLE) throw new Error('the samples have no payments file');
  harness = await startHarness();
  table = harness.stack.tableName;
  // A real file and its registry extracts through the same handlers as in AWS.
  for (const registry of SAMPLE.registries) await harness.pipeline.loadFacts(registry);
  const [outcome] = await harness.pipeline.ingest(
    await harness.pipeline.upload({ path: SAMPLE.path, anchorId: SAMPLE.anchorId, kind: SAMPLE.kind }),
  );
  if (outcome?.outcome !== 'ingested') throw new Error(`the sample was ${outcome?.outcome}`);
  original = await buildReports();

  // Point-in-time recovery: the table as it was, in a new table (copied by other code than the command's).
  await harness.documents.send(new CreateTableCommand(tableDefinition(RESTORED)));
  await putAll(harness.documents, RESTORED, await scanAll(table));
});

afterAll(async () => {
  await harness?.stop();
});

describe('ancrage restore-table: the restore drill', () => {
  it('brings a damaged table back to the restored items, and the report back byte for byte', async () => {
    expect([...original.keys()].filter((key) => key.endsWith('/report.json'))).toHaveLength(2);
    const restored = await scanAll(RESTORED);
    expect(restored.length).toBeGreaterThan(100);
    // The damage: every third item deleted, the dataset's record altered, an item written since.
    const rollups = restored.filter((item) => String(item.sk).startsWith('ROLLUP#'));
    expect(rollups.length).toBeGreaterThan(10);
    for (const item of restored.filter((_, index) => index % 3 === 0))
      await harness.documents.send(
        new DeleteCommand({ TableName: table, Key: { pk: item.pk, sk: item.sk } }),
      );
    const meta = restored.find((item) => item.sk === 'META' && String(item.pk).startsWith('DATASET#'));
    if (!meta) throw new Error('the table has no dataset record');
    await harness.documents.send(new PutCommand({ TableName: table, Item: { ...meta, status: 'FAILED' } }));
    const later = { pk: 'DATASET#written-after-the-restore-point', sk: 'NOTE', note: 'kept unless asked' };
    await harness.documents.send(new PutCommand({ TableName: table, Item: later }));
    expect(await buildReports()).not.toEqual(original);

    const run = await restore();
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `restore-table: ${restored.length} items copied from ${RESTORED} to ${table}; 1 item of ${table} not in ${RESTORED} kept (--delete-extra deletes them)\n`,
    );
    expect(await scanAll(table)).toEqual([...restored, later].sort(byKey));
    expect(await buildReports()).toEqual(original);
  });

  it('deletes the items written since only with --delete-extra, and running it again changes nothing', async () => {
    const restored = await scanAll(RESTORED);
    const run = await restore('--delete-extra', '--segments', '3');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `restore-table: ${restored.length} items copied from ${RESTORED} to ${table}; 1 item of ${table} not in ${RESTORED} deleted\n`,
    );
    expect(await scanAll(table)).toEqual(restored);

    const again = await restore('--delete-extra');
    expect(again.stdout).toBe(
      `restore-table: ${restored.length} items copied from ${RESTORED} to ${table}; no other item in ${table}\n`,
    );
    expect(await scanAll(table)).toEqual(restored);
    expect(await buildReports()).toEqual(original);
  });

  it('refuses in one line the same table twice, a missing table, and a missing or wrong option', async () => {
    const endpoint = ['--endpoint', harness.stack.dynamoDbEndpoint];
    const same = await runCli(['restore-table', '--from', table, '--to', table, ...endpoint]);
    expect(same).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `ancrage: restore-table copies a restored table into another one: --from and --to both name ${table}\n`,
    });

    const missing = await runCli(['restore-table', '--from', 'ancrage-nope', '--to', table, ...endpoint]);
    expect(missing).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'ancrage: restore-table: no table ancrage-nope in this account and region\n',
    });

    const noTarget = await runCli(['restore-table', '--from', RESTORED, ...endpoint]);
    expect(noTarget).toMatchObject({
      code: 2,
      stderr: 'ancrage: restore-table needs --from <restored table> and --to <table of the stack>\n',
    });
    const segments = await runCli(['restore-table', '--from', RESTORED, '--to', table, '--segments', '0']);
    expect(segments).toMatchObject({
      code: 2,
      stderr: 'ancrage: --segments takes a whole number from 1 to 32, not "0"\n',
    });
  });
});
