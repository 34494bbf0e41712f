import type { LookupRun, RegistryCheckpoint, RegistryStatus } from '../domain/registry/registry-status.ts';

/**
 * The register's own bookkeeping: the last complete refresh, where an unfinished one stopped, and the
 * last company-search lookups.
 */
export interface RegistryState {
  readStatus(): Promise<RegistryStatus | undefined>;
  writeStatus(status: RegistryStatus): Promise<void>;
  readCheckpoint(): Promise<RegistryCheckpoint | undefined>;
  writeCheckpoint(checkpoint: RegistryCheckpoint): Promise<void>;
  clearCheckpoint(): Promise<void>;
  readLookupRun(): Promise<LookupRun | undefined>;
  writeLookupRun(run: LookupRun): Promise<void>;
}
