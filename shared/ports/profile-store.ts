import type { SupplierProfile } from '../domain/supplier-profile.ts';

/** Supplier profiles by supplier key: written by registry loads and overrides, read by reports. */
export interface ProfileStore {
  getProfiles(keys: readonly string[]): Promise<Map<string, SupplierProfile>>;
  putProfiles(profiles: readonly SupplierProfile[]): Promise<void>;
}
