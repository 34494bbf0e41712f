import type { DatasetRecord } from '../../../shared/domain/dataset.ts';

/**
 * A counted (INGESTED) payments dataset in euros, uploaded by the consortium administrator, for the
 * report tests: its lines count for every anchor they name. SYNTHETIC; each test sets what it checks.
 */
export function countedDataset(id: string, fields: Partial<DatasetRecord> = {}): DatasetRecord {
  return {
    id,
    source: { bucket: 'b', key: `uploads/consortium/${id}.csv` },
    fileName: `${id}.csv`,
    anchorId: 'consortium',
    status: 'INGESTED',
    receivedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    attempts: 1,
    kind: 'payments',
    currency: 'EUR',
    lines: 0,
    rejectedLines: 0,
    blankLines: 0,
    preambleLines: 0,
    setAsideLines: 0,
    amountCents: 0,
    concessionCents: 0,
    suppliers: 0,
    anchors: [],
    ...fields,
  };
}
