import { parseArgs } from 'node:util';
import { createDocumentClient, createS3Client } from '../adapters/aws-clients.ts';
import { createDynamoDbDatasetStore } from '../adapters/dynamodb-dataset-store.ts';
import { createDynamoDbTableLines } from '../adapters/dynamodb-table-lines.ts';
import { createS3ParquetLineFiles } from '../adapters/s3-parquet-line-files.ts';
import { type LinesMigration, migrateTableLines } from '../use-cases/migrate-table-lines.ts';
import { RunError, UsageError } from './cli-error.ts';
import { withState } from './with-state.ts';

/** The table and uploads bucket to migrate; endpoints only for the local emulators (AWS otherwise). */
interface Stack {
  readonly tableName: string;
  readonly uploadsBucket: string;
  readonly dynamoDbEndpoint?: string | undefined;
  readonly s3Endpoint?: string | undefined;
}

async function migrate(stack: Stack): Promise<LinesMigration> {
  const documents = createDocumentClient(stack.dynamoDbEndpoint);
  const s3 = createS3Client(stack.s3Endpoint);
  try {
    return await migrateTableLines({
      datasets: createDynamoDbDatasetStore(documents, stack.tableName),
      tableLines: createDynamoDbTableLines(documents, stack.tableName),
      lineFiles: createS3ParquetLineFiles(s3, stack.uploadsBucket),
    });
  } catch (error) {
    // Every step can be taken again (docs/operations.md): one line, and the way on.
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunError(`migrate-lines stopped: ${reason.split('\n')[0]}; run it again to go on`);
  } finally {
    documents.destroy();
    s3.destroy();
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function migrationSummary(migration: LinesMigration): string {
  const { datasetsMigrated, datasetsDropped, datasetsLeft, linesMoved, itemsDeleted } = migration;
  if (itemsDeleted === 0 && linesMoved === 0 && datasetsLeft === 0)
    return 'migrate-lines: nothing to do, no line item left to move or drop\n';
  const left =
    datasetsLeft > 0
      ? `; line items kept for ${plural(datasetsLeft, 'dataset')} still ingesting: run it again once they settle`
      : '';
  return `migrate-lines: ${plural(datasetsMigrated, 'dataset')} migrated (${plural(linesMoved, 'line')} moved to line files), ${datasetsDropped} dropped, ${plural(itemsDeleted, 'line item')} deleted${left}\n`;
}

/** `ancrage migrate-lines --state <dir>`, or `--table <name> --bucket <uploads bucket>` for a deployed stack. */
export async function migrateLinesCommand(argv: readonly string[]): Promise<string> {
  const { values } = parseArgs({
    args: [...argv],
    options: { state: { type: 'string' }, table: { type: 'string' }, bucket: { type: 'string' } },
  });
  const { state, table, bucket } = values;
  if (table === undefined && bucket === undefined) {
    if (!state) {
      throw new UsageError(
        'migrate-lines needs --state <dir> (a local state folder) or --table <name> --bucket <uploads bucket> (a deployed stack)',
      );
    }
    return withState(state, 'migrate-lines', async (pipeline) => {
      const { tableName, buckets, dynamoDbEndpoint, s3Endpoint } = pipeline.stack;
      return migrationSummary(
        await migrate({ tableName, uploadsBucket: buckets.uploads, dynamoDbEndpoint, s3Endpoint }),
      );
    });
  }
  if (state) throw new UsageError('migrate-lines takes --state, or --table and --bucket: not both');
  if (!table || !bucket)
    throw new UsageError(
      'migrate-lines on a deployed stack needs both --table <name> and --bucket <uploads bucket>',
    );
  // The default AWS credentials and region (AWS_PROFILE, AWS_REGION…), as the aws command uses them.
  return migrationSummary(await migrate({ tableName: table, uploadsBucket: bucket }));
}
