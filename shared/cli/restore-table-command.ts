import { parseArgs } from 'node:util';
import { createDynamoDbClient } from '../adapters/aws-clients.ts';
import { restoreTable, type TableRestore } from '../adapters/dynamodb-table-restore.ts';
import { RunError, UsageError } from './cli-error.ts';

/** Parallel scans of each table: a few pages in flight, each at most 1 MB. */
const DEFAULT_SEGMENTS = 4;
const MAX_SEGMENTS = 32;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function restoreSummary(from: string, to: string, restore: TableRestore): string {
  const { copied, extra, deleted } = restore;
  let others: string;
  if (extra === 0) others = `no other item in ${to}`;
  else if (deleted > 0) others = `${plural(deleted, 'item')} of ${to} not in ${from} deleted`;
  else others = `${plural(extra, 'item')} of ${to} not in ${from} kept (--delete-extra deletes them)`;
  return `restore-table: ${plural(copied, 'item')} copied from ${from} to ${to}; ${others}\n`;
}

/**
 * `ancrage restore-table --from <restored table> --to <table>`: the second half of a point-in-time
 * recovery. DynamoDB restores into a new table, while the stacks own `ancrage-<stage>`: the restored
 * items are copied back into it (docs/deploy.md, "Backups and restore"). `--endpoint` points at a local DynamoDB
 * (an emulator, for a drill); AWS with the default credentials and region otherwise.
 */
export async function restoreTableCommand(argv: readonly string[]): Promise<string> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      'delete-extra': { type: 'boolean', default: false },
      segments: { type: 'string', default: String(DEFAULT_SEGMENTS) },
      endpoint: { type: 'string' },
    },
  });
  const { from, to, endpoint } = values;
  if (!from || !to)
    throw new UsageError('restore-table needs --from <restored table> and --to <table of the stack>');
  if (from === to)
    throw new UsageError(
      `restore-table copies a restored table into another one: --from and --to both name ${from}`,
    );
  const segments = Number(values.segments);
  if (!/^\d+$/.test(values.segments) || segments < 1 || segments > MAX_SEGMENTS)
    throw new UsageError(
      `--segments takes a whole number from 1 to ${MAX_SEGMENTS}, not "${values.segments}"`,
    );
  const client = createDynamoDbClient(endpoint);
  try {
    const restored = await restoreTable(client, {
      from,
      to,
      deleteExtra: values['delete-extra'],
      segments,
    });
    if (!restored.ok) throw new RunError(`restore-table: ${restored.reason}`);
    return restoreSummary(from, to, restored.value);
  } catch (error) {
    if (error instanceof RunError) throw error;
    // Every put replaces an item whole: running it again picks up where it stopped.
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunError(`restore-table stopped: ${reason.split('\n')[0]}; run it again to finish`);
  } finally {
    client.destroy();
  }
}
