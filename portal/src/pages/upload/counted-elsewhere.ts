import type { CountedElsewhere, DatasetSummary } from '../../../../shared/contracts/portal-api.ts';
import type { Messages } from '../../i18n/messages.ts';

/**
 * A duplicate upload ends REJECTED with the dataset that counts its bytes: it was read, and nothing is
 * wrong with it, so the officer is not told it was rejected.
 */
export function isReadNotCounted(dataset: DatasetSummary): boolean {
  return dataset.status === 'REJECTED' && dataset.countedIn !== null;
}

export function statusName(dataset: DatasetSummary, messages: Messages): string {
  return isReadNotCounted(dataset) ? messages.status.readNotCounted : messages.status.names[dataset.status];
}

/** The status line's class: red for a rejection or a failure, never for a file read and not counted. */
export function statusClass(dataset: DatasetSummary | undefined): string {
  if (!dataset) return 'status-waiting';
  return isReadNotCounted(dataset) ? 'status-not-counted' : `status-${dataset.status.toLowerCase()}`;
}

/** Which file counts this one's spend, in words; another institution's file is not named. */
export function countedElsewhereNote(countedElsewhere: CountedElsewhere, messages: Messages): string {
  const t = messages.status;
  const { reason, fileName, datasetId } = countedElsewhere;
  if (reason === 'superseded') return t.supersededBy(fileName ?? datasetId);
  return fileName === null ? t.countedByAnotherInstitution : t.duplicateOf(fileName);
}
