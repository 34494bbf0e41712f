import type { DatasetRecord } from '../domain/dataset.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';

/** Whether a dataset still stands for its content: counted, or being ingested within its lease. */
function holdsContent(owner: DatasetRecord | undefined, now: Date): boolean {
  if (!owner) return false;
  if (owner.status === 'INGESTED') return true;
  return (
    owner.status === 'INGESTING' && owner.leaseUntil !== undefined && owner.leaseUntil > now.toISOString()
  );
}

const MAX_TAKEOVERS = 3;

/**
 * Claims a file's content for a dataset. Returns the id of another dataset that already counts the
 * same bytes (a duplicate), or undefined when this dataset may count them. A claim left by a dataset
 * that never finished (failed, or crashed past its lease) is taken over, so a file that failed once
 * can still be counted.
 */
export async function claimContent(
  datasets: DatasetStore,
  contentSha256: string,
  datasetId: string,
  now: Date,
): Promise<string | undefined> {
  for (let attempt = 0; attempt < MAX_TAKEOVERS; attempt++) {
    const owner = await datasets.claimContent(contentSha256, datasetId);
    if (owner === datasetId) return undefined;
    if (holdsContent(await datasets.getDataset(owner), now)) return owner;
    if (await datasets.transferContent(contentSha256, owner, datasetId)) return undefined;
  }
  throw new Error(`the content claim of ${contentSha256} kept changing hands`);
}
