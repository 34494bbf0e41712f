import { type DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { type SpendLine, SpendLineSchema } from '../domain/spend-line.ts';
import type { TableLines } from '../ports/table-lines.ts';
import { deleteAll } from './batch-write.ts';
import { keys } from './dynamodb-keys.ts';

/** Items per page of one partition: the merge holds a page of each of the sixteen at once. */
const PAGE_ITEMS = 1_000;

type Item = Record<string, unknown>;

/** One partition's items, a page at a time, in sort-key order: the sequence, zero-padded. */
async function* partitionPages(
  client: DynamoDBDocumentClient,
  tableName: string,
  query: { readonly pk: string; readonly pageItems: number; readonly projection?: string },
): AsyncGenerator<Item[]> {
  const { pk, pageItems, projection } = query;
  const pages = paginateQuery(
    { client, pageSize: pageItems },
    {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ...(projection ? { ProjectionExpression: projection } : {}),
      // A run started just after another must not see the items that one deleted.
      ConsistentRead: true,
    },
  );
  for await (const page of pages) yield page.Items ?? [];
}

/** An item read back as the line it was written from; one that is not a line stops the run, named. */
function lineOf(item: Item): SpendLine {
  const parsed = SpendLineSchema.safeParse(item);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `line item ${String(item.pk)} ${String(item.sk)} is not a line: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
  );
}

/** The next line of one partition, the page behind it fetched only once the last one is used up. */
class PartitionCursor {
  private page: SpendLine[] = [];
  private at = 0;
  private done = false;

  constructor(private readonly pages: AsyncIterator<Item[]>) {}

  get head(): SpendLine | undefined {
    return this.page[this.at];
  }

  /** Fetches pages until one has a line, or the partition is read to its end. */
  async fill(): Promise<void> {
    while (!this.done && this.at >= this.page.length) {
      const next = await this.pages.next();
      this.done = next.done === true;
      this.page = next.done ? [] : next.value.map(lineOf);
      this.at = 0;
    }
  }

  advance(): void {
    this.at += 1;
  }
}

/**
 * The line items earlier versions wrote under `DATASET#<id>#LINES#<sequence mod 16>` (`keys.line`):
 * the sixteen partitions are read side by side and merged by sequence (each is in sequence order), so
 * a million-line dataset streams through with sixteen pages in memory.
 */
export function createDynamoDbTableLines(
  client: DynamoDBDocumentClient,
  tableName: string,
  /** Smaller pages let a test cross page ends with a few lines. */
  pageItems = PAGE_ITEMS,
): TableLines {
  return {
    async *read(datasetId) {
      const cursors = keys
        .linePartitions(datasetId)
        .map((pk) => new PartitionCursor(partitionPages(client, tableName, { pk, pageItems })));
      await Promise.all(cursors.map((cursor) => cursor.fill()));
      for (;;) {
        let least: { cursor: PartitionCursor; line: SpendLine } | undefined;
        for (const cursor of cursors) {
          const line = cursor.head;
          if (line && (!least || line.sequence < least.line.sequence)) least = { cursor, line };
        }
        if (!least) return;
        yield least.line;
        // Only the partition just taken from can have run out of its page.
        least.cursor.advance();
        await least.cursor.fill();
      }
    },

    async remove(datasetId) {
      let removed = 0;
      for (const pk of keys.linePartitions(datasetId)) {
        // Page by page, keys only: deleting what was read does not disturb the pages after it.
        for await (const items of partitionPages(client, tableName, {
          pk,
          pageItems,
          projection: 'pk, sk',
        })) {
          await deleteAll(
            client,
            tableName,
            items.map((item) => ({ pk: String(item.pk), sk: String(item.sk) })),
          );
          removed += items.length;
        }
      }
      return removed;
    },
  };
}
