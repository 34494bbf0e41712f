import type { DatasetKind } from '../domain/dataset-kind.ts';

/** One report to rebuild: the consortium's (no anchor) or one anchor's, of one kind. */
export interface RebuildRequest {
  readonly kind: DatasetKind;
  readonly anchorId?: string;
}

/** Asks for reports to be rebuilt in the background (in AWS: an event the report function's rule takes). */
export interface ReportRebuilds {
  request(requests: readonly RebuildRequest[]): Promise<void>;
}

export const REBUILD_REQUESTED = { source: 'ancrage.portal', detailType: 'ReportRebuildRequested' } as const;
