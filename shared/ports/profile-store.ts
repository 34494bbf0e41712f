import type { Correction, OverrideHistory } from '../domain/registry/correction.ts';
import type { SupplierFacts } from '../domain/registry/supplier-facts.ts';
import type { SupplierProfile } from '../domain/supplier-profile.ts';
import type { LookupProvider } from './company-lookup.ts';

/**
 * Facts about suppliers, each source stored apart (registry units and establishments, directories,
 * overrides), and merged into profiles when a report asks for them.
 */
export interface ProfileStore {
  getProfiles(supplierKeys: readonly string[]): Promise<Map<string, SupplierProfile>>;
  putFacts(facts: readonly SupplierFacts[]): Promise<void>;
  /** The correction in force and the latest corrections (a bounded read, however many there were). */
  getOverride(supplierKey: string): Promise<OverrideHistory | undefined>;
  /**
   * Saves correction number `correction.sequence` and puts it in force, unless that number is taken:
   * someone corrected the supplier since it was read, and two officers correcting the same supplier
   * must not lose each other's change (false then: read again and retry).
   */
  putCorrection(supplierKey: string, correction: Correction): Promise<boolean>;
  /**
   * Active establishments per commune and NAF division, as one registry file counted them (a reload
   * of that file replaces its counts).
   */
  putLocalActivity(source: string, counts: ReadonlyMap<string, ReadonlyMap<string, number>>): Promise<void>;
  /**
   * Of these identifiers, those the register knows nothing of (no establishment for a SIRET, no legal
   * unit for a SIREN) and no company-search API has already said it does not know.
   */
  unknownToRegistry(identifiers: {
    readonly sirets: Iterable<string>;
    readonly sirens: Iterable<string>;
  }): Promise<{ sirets: string[]; sirens: string[] }>;
  /** A company-search API answered that it knows no such SIRET or SIREN: not asked again. */
  putLookupMiss(identifier: string, provider: LookupProvider, on: string): Promise<void>;
  /** Active establishments per NAF division over these communes, every registry file summed. */
  countEstablishments(communes: readonly string[]): Promise<Map<string, number>>;
}
