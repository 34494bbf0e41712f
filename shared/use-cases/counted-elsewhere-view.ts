import type { CountedElsewhere, DatasetSummary } from '../contracts/portal-api.ts';
import type { DatasetRecord } from '../domain/dataset.ts';
import { reasonText } from '../domain/ingest/rejection-reasons.ts';

/**
 * Stands for the dataset that counts a file's spend when it is another institution's: its id, its
 * file name and its uploader are not the caller's to see, only that it exists.
 */
export const ANOTHER_INSTITUTION = 'another-institution';

/**
 * Where a file's spend is counted instead, as its uploader may be told it. Content is claimed and
 * overlaps settled per uploader, so the dataset that counts it is the caller's own and is named.
 * Records written before content was claimed per uploader (0.6.0) may hold another institution's
 * dataset as the one that counts theirs: that one is not named, and the file is still shown as read,
 * not counted (nothing is wrong with it), with who to ask.
 */
export function countedElsewhereSeen(
  counted: Pick<CountedElsewhere, 'reason' | 'datasetId'>,
  holder: DatasetRecord | undefined,
): CountedElsewhere {
  return holder
    ? { ...counted, fileName: holder.fileName }
    : { reason: counted.reason, datasetId: ANOTHER_INSTITUTION, fileName: null };
}

/**
 * A dataset's summary as the caller may read it: when the dataset that counts its spend is not one
 * the caller may see, neither its id nor the stored message (which names it, in English) is given,
 * but a reason the portal says in its reader's language.
 */
export function summarySeen(
  summary: DatasetSummary,
  visible: (datasetId: string) => boolean,
): DatasetSummary {
  if (summary.countedIn === null || visible(summary.countedIn)) return summary;
  return {
    ...summary,
    countedIn: ANOTHER_INSTITUTION,
    message: reasonText('counted-by-another-institution', {}, 'en'),
  };
}
