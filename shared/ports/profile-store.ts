import type { OverrideFacts, SupplierFacts } from '../domain/registry/supplier-facts.ts';
import type { SupplierProfile } from '../domain/supplier-profile.ts';

/**
 * Facts about suppliers, each source stored apart (registry units and establishments, directories,
 * overrides), and merged into profiles when a report asks for them.
 */
export interface ProfileStore {
  getProfiles(supplierKeys: readonly string[]): Promise<Map<string, SupplierProfile>>;
  putFacts(facts: readonly SupplierFacts[]): Promise<void>;
  getOverride(supplierKey: string): Promise<OverrideFacts | undefined>;
  /**
   * Saves an override if nobody changed it since it was read (`expectedChanges` = the history length
   * read), so two officers correcting the same supplier cannot lose each other's change.
   */
  putOverride(override: OverrideFacts, expectedChanges: number): Promise<boolean>;
  /**
   * Active establishments per commune and NAF division, as one registry file counted them (a reload
   * of that file replaces its counts).
   */
  putLocalActivity(source: string, counts: ReadonlyMap<string, ReadonlyMap<string, number>>): Promise<void>;
  /** Active establishments per NAF division over these communes, every registry file summed. */
  countEstablishments(communes: readonly string[]): Promise<Map<string, number>>;
}
