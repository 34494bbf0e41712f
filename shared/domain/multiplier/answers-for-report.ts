import { CONSORTIUM_UPLOADER } from '../territory/consortium.ts';
import type { Territory } from '../territory/territory.ts';
import type { AcceptedAnswer } from './survey-answer.ts';

/**
 * The anchors whose surveys a report's answers come from: an anchor's report, its own; the
 * consortium's, every anchor's — the territory's, and any other that uploaded a counted file.
 */
export function surveyAnchorsFor(
  territory: Territory,
  uploaderIds: readonly string[],
  anchorId: string | undefined,
): string[] {
  if (anchorId) return [anchorId];
  const ids = new Set([...territory.anchors.map((anchor) => anchor.id), ...uploaderIds]);
  ids.delete(CONSORTIUM_UPLOADER);
  return [...ids].sort();
}

/**
 * One answer per supplier, the latest (by the day it was given; of two the same day, the first
 * listed): a supplier surveyed by two anchors, or twice, counts once in a consortium report.
 */
export function latestAnswerBySupplier(answers: readonly AcceptedAnswer[]): Map<string, AcceptedAnswer> {
  const latest = new Map<string, AcceptedAnswer>();
  for (const answer of answers) {
    const kept = latest.get(answer.supplierKey);
    if (!kept || answer.answeredOn > kept.answeredOn) latest.set(answer.supplierKey, answer);
  }
  return latest;
}
