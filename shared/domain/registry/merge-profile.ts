import type { SupplierProfile } from '../supplier-profile.ts';
import type { DirectoryFacts, EstablishmentFacts, OverrideFacts, UnitFacts } from './supplier-facts.ts';

export interface FactsOfSupplier {
  readonly unit?: UnitFacts | undefined;
  readonly establishment?: EstablishmentFacts | undefined;
  /** The SIREN's head-office establishment. */
  readonly headOffice?: EstablishmentFacts | undefined;
  readonly directory?: DirectoryFacts | undefined;
  readonly override?: OverrideFacts | undefined;
}

const dateOf = (iso: string) => iso.slice(0, 10);

/**
 * One supplier's profile from the facts of each source, each field from its strongest source:
 * override > registry > directory. Registry facts about a closed establishment or a ceased unit
 * are kept, and flagged.
 */
export function mergeProfile(key: string, facts: FactsOfSupplier): SupplierProfile {
  const { unit, establishment, headOffice, directory, override } = facts;
  const overrideAsOf = override ? dateOf(override.changedAt) : undefined;
  const profile: SupplierProfile = { key };
  const name = unit?.name || establishment?.name;
  if (name) profile.name = { value: name, source: 'registry', asOf: (unit ?? establishment)?.asOf ?? '' };
  else if (directory?.name)
    profile.name = { value: directory.name, source: 'directory', asOf: directory.asOf };

  if (override?.current.place && overrideAsOf) {
    profile.establishment = { value: override.current.place, source: 'override', asOf: overrideAsOf };
  } else if (establishment) {
    profile.establishment = { value: establishment.place, source: 'registry', asOf: establishment.asOf };
  } else if (directory?.place) {
    profile.establishment = { value: directory.place, source: 'directory', asOf: directory.asOf };
  }

  if (override?.current.headOffice && overrideAsOf) {
    profile.headOffice = { value: override.current.headOffice, source: 'override', asOf: overrideAsOf };
  } else if (headOffice) {
    profile.headOffice = { value: headOffice.place, source: 'registry', asOf: headOffice.asOf };
  }

  if (unit) {
    const registry = { source: 'registry' as const, asOf: unit.asOf };
    if (unit.legalCategory) profile.legalCategory = { value: unit.legalCategory, ...registry };
    if (unit.ess !== undefined) profile.ess = { value: unit.ess, ...registry };
    if (unit.sizeCategory) profile.sizeCategory = { value: unit.sizeCategory, ...registry };
    if (unit.headcountBand) profile.headcountBand = { value: unit.headcountBand, ...registry };
    const activity = establishment?.activity ?? unit.activity;
    if (activity) profile.activity = { value: activity, ...registry };
    profile.unitCeased = unit.ceased;
  } else if (establishment?.activity) {
    profile.activity = { value: establishment.activity, source: 'registry', asOf: establishment.asOf };
  }
  if (establishment) profile.establishmentClosed = establishment.closed;
  const lookedUp = [unit, establishment, headOffice]
    .filter((fact) => fact?.via && fact.retrievedOn)
    .sort((a, b) => (b?.retrievedOn ?? '').localeCompare(a?.retrievedOn ?? ''))[0];
  if (lookedUp?.via && lookedUp.retrievedOn)
    profile.lookedUp = { via: lookedUp.via, retrievedOn: lookedUp.retrievedOn };

  if (override?.current.naturalPerson !== undefined && overrideAsOf) {
    profile.naturalPerson = { value: override.current.naturalPerson, source: 'override', asOf: overrideAsOf };
  } else if (unit?.naturalPerson) {
    profile.naturalPerson = { value: true, source: 'registry', asOf: unit.asOf };
  } else if (directory?.naturalPerson) {
    profile.naturalPerson = { value: true, source: 'directory', asOf: directory.asOf };
  }

  if (override?.current.supplierType && overrideAsOf) {
    profile.supplierType = { value: override.current.supplierType, source: 'override', asOf: overrideAsOf };
  } else if (directory?.supplierType) {
    profile.supplierType = { value: directory.supplierType, source: 'directory', asOf: directory.asOf };
  }
  return profile;
}
