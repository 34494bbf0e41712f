import type { DatasetRecord } from '../domain/dataset.ts';

/** Tells whoever listens (the report function, in AWS) that a dataset was counted. */
export interface DatasetEvents {
  ingested(dataset: DatasetRecord): Promise<void>;
}

export const DATASET_INGESTED = { source: 'ancrage.ingest', detailType: 'DatasetIngested' } as const;
