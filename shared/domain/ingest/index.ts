export type { DatasetSummary } from './dataset-tally.ts';
export { IngestCore, type IngestCoreOptions, type RawRow } from './ingest-core.ts';
export type { Rejection } from './rejection.ts';
export { SupplierRollups } from './supplier-rollup.ts';
export { type SupplierRollup, SupplierRollupSchema } from './supplier-rollup-record.ts';
