import type { FrenchGeography } from '../geography/french-geography.ts';
import { locateSupplier } from '../locality/locate-supplier.ts';
import { ringOfPlace } from '../locality/ring-of-place.ts';
import type { SupplierProfile } from '../supplier-profile.ts';
import type { Territory } from '../territory/territory.ts';
import { classifySupplierType } from '../typing/classify-supplier-type.ts';
import type { ClassifiedSupplier } from './classified-supplier.ts';
import type { MergedSupplier } from './merge-rollups.ts';

/** A registry or a directory knows the supplier: its type and place rest on more than its name. */
function isMatched(profile: SupplierProfile | undefined): boolean {
  if (!profile) return false;
  return Object.values(profile).some(
    (fact) =>
      typeof fact === 'object' &&
      fact !== null &&
      'source' in fact &&
      (fact.source === 'registry' || fact.source === 'directory'),
  );
}

/** Each supplier located in both views against the territory's rings. Classification is at report time. */
export function classifySuppliers(
  merged: Iterable<MergedSupplier>,
  profiles: ReadonlyMap<string, SupplierProfile>,
  territory: Territory,
  geography: FrenchGeography,
): ClassifiedSupplier[] {
  const suppliers: ClassifiedSupplier[] = [];
  for (const supplier of merged) {
    const profile = profiles.get(supplier.key);
    const location = locateSupplier(supplier.identity, profile, geography);
    const establishment = ringOfPlace(location.establishment.place, territory, geography);
    const headOffice = ringOfPlace(location.headOffice.place, territory, geography);
    const typed = classifySupplierType({
      profile,
      name: supplier.identity.name,
      country: supplier.identity.country ?? territory.country,
    });
    let excluded = 0;
    for (const cents of supplier.excludedByRule.values()) excluded += cents;
    suppliers.push({
      key: supplier.key,
      name: profile?.name?.value ?? supplier.identity.name,
      identifier: supplier.identity.identifier?.value,
      postcode: supplier.identity.postcode,
      anchorIds: [...supplier.anchorIds].sort(),
      amountCents: supplier.amountCents,
      influenceableCents: supplier.amountCents - excluded,
      lines: supplier.lines,
      ring: establishment.ring,
      ringSource: location.establishment.source,
      ambiguous: establishment.ambiguous,
      headOfficeRing: headOffice.ring,
      headOfficeSource: location.headOffice.source,
      type: typed.type,
      typeSource: typed.source,
      typeDetail: typed.detail,
      matched: isMatched(profile),
    });
  }
  return suppliers.sort((a, b) => b.influenceableCents - a.influenceableCents || a.key.localeCompare(b.key));
}
