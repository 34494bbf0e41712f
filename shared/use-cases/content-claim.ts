import type { DatasetRecord } from '../domain/dataset.ts';
import { contentOrder } from '../domain/dataset-identity.ts';
import { reasonText } from '../domain/ingest/rejection-reasons.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';

/** Whether a dataset still stands for its content: counted, or being ingested within its lease. */
function holdsContent(owner: DatasetRecord | undefined, now: Date): owner is DatasetRecord {
  if (!owner) return false;
  if (owner.status === 'INGESTED') return true;
  return (
    owner.status === 'INGESTING' && owner.leaseUntil !== undefined && owner.leaseUntil > now.toISOString()
  );
}

/**
 * The message of a dataset not counted because an earlier upload holds the same bytes: in English, a
 * reason of the catalogue, so that the portal says it in its reader's language.
 */
export function duplicateMessage(ownerId: string): string {
  return reasonText('duplicate-content', { dataset: ownerId }, 'en');
}

/**
 * A later copy of the same content is still being ingested: the earlier copy waits for it to finish
 * (a retry), then takes its place, so which copy counts does not depend on who started first.
 */
export class ContentBusyError extends Error {
  constructor(readonly ownerId: string) {
    super(
      `a later copy of the same content (dataset ${ownerId}) is being ingested: this one is retried after it`,
    );
  }
}

const MAX_TAKEOVERS = 3;

/**
 * Claims a file's content, as its uploader's, for a dataset. Returns the id of another dataset that counts the same bytes
 * and was uploaded first (this one is then a duplicate), or undefined when this dataset counts them.
 * The earliest upload owns the content whatever order the events come in: a later copy that got there
 * first is turned into the duplicate, its rollups removed, and the claim moves. A claim left by a
 * dataset that never finished (failed, or crashed past its lease) is taken over, so a file that failed
 * once can still be counted.
 */
export async function claimContent(
  datasets: DatasetStore,
  contentSha256: string,
  claimant: DatasetRecord,
  now: Date,
): Promise<string | undefined> {
  const content = { uploaderId: claimant.anchorId, contentSha256 };
  for (let attempt = 0; attempt < MAX_TAKEOVERS; attempt++) {
    const ownerId = await datasets.claimContent(content, claimant.id);
    if (ownerId === claimant.id) return undefined;
    const owner = await datasets.getDataset(ownerId);
    if (holdsContent(owner, now)) {
      if (contentOrder(owner, claimant) < 0) return ownerId;
      if (owner.status === 'INGESTING') throw new ContentBusyError(ownerId);
      const retirement = {
        status: 'REJECTED' as const,
        duplicateOf: claimant.id,
        message: duplicateMessage(claimant.id),
      };
      // Not retired: it changed since it was read; look at the claim again.
      if (!(await datasets.retire(ownerId, retirement, now))) continue;
    }
    // The former owner counts nothing now: what it rolled up goes, before the claim moves (a crash in
    // between leaves the claim with it, and the retry comes back here).
    if (owner) await datasets.deleteRollups(ownerId);
    if (await datasets.transferContent(content, ownerId, claimant.id)) return undefined;
  }
  throw new Error(`the content claim of ${contentSha256} kept changing hands`);
}
