import { formatCentsAsUnits } from '../money.ts';
import { UNDISCLOSED_SUPPLIER_KEY } from '../supplier-key.ts';
import type { ClassifiedSupplier } from './classified-supplier.ts';
import { isLeaking } from './local-rings.ts';
import type { MergedSupplier } from './merge-rollups.ts';
import { type SectorScheme, sectorLabel } from './sectors.ts';
import { amountAndShare, shareOf } from './share.ts';

const TOP = 10;
const EXAMPLES = 3;

interface SectorTally {
  cents: number;
  localCents: number;
  leakingCents: number;
  suppliers: Set<string>;
  localSuppliers: Map<string, { name: string; cents: number }>;
  /** NAF divisions of the suppliers money leaks to in this sector (from their registry activity). */
  leakingActivities: Set<string>;
  fileLabel: string | undefined;
}

/** The NAF division (two digits) of an activity code such as "43.21A". */
export const nafDivisionOf = (activity: string | undefined) =>
  activity && /^\d{2}/.test(activity) ? activity.slice(0, 2) : undefined;

/**
 * Sectors, leakage and opportunities, from each supplier's influenceable spend by sector: where the
 * money goes by activity, where it leaves the territory, and where local suppliers already exist.
 */
export function sectorMetrics(input: {
  suppliers: readonly ClassifiedSupplier[];
  merged: ReadonlyMap<string, MergedSupplier>;
  local: ReadonlySet<string>;
  scheme: SectorScheme;
  language: 'fr' | 'en';
  influenceableCents: number;
  /** A supplier's NAF division, when a registry knows it. */
  activityOf: (supplierKey: string) => string | undefined;
  /** Active local establishments per NAF division, from the registry; undefined without a registry. */
  localEstablishments: ReadonlyMap<string, number> | undefined;
}) {
  const { suppliers, merged, local, scheme, language, influenceableCents } = input;
  const sectors = new Map<string, SectorTally>();
  let leakingCents = 0;
  const leakingSuppliers: { supplier: ClassifiedSupplier; sector: string }[] = [];
  for (const supplier of suppliers) {
    const breakdown = merged.get(supplier.key);
    if (!breakdown) continue;
    const isLocal = local.has(supplier.ring);
    // An ambiguous place may be local: its spend is stated as ambiguous, never listed as a leak.
    const leaking = !supplier.ambiguous && isLeaking(supplier.ring, local);
    let mainSector = '';
    let mainCents = Number.NEGATIVE_INFINITY;
    for (const [sector, cents] of breakdown.bySector) {
      const tally = sectors.get(sector) ?? {
        cents: 0,
        localCents: 0,
        leakingCents: 0,
        suppliers: new Set<string>(),
        localSuppliers: new Map(),
        leakingActivities: new Set<string>(),
        fileLabel: breakdown.sectorLabels.get(sector),
      };
      tally.cents += cents;
      if (supplier.key !== UNDISCLOSED_SUPPLIER_KEY) tally.suppliers.add(supplier.key);
      if (isLocal) {
        tally.localCents += cents;
        if (supplier.key !== UNDISCLOSED_SUPPLIER_KEY && cents > 0) {
          tally.localSuppliers.set(supplier.key, { name: supplier.name, cents });
        }
      }
      if (leaking) {
        tally.leakingCents += cents;
        const activity = input.activityOf(supplier.key);
        if (activity) tally.leakingActivities.add(activity);
      }
      sectors.set(sector, tally);
      if (cents > mainCents) {
        mainCents = cents;
        mainSector = sector;
      }
    }
    if (leaking) {
      leakingCents += supplier.influenceableCents;
      if (supplier.key !== UNDISCLOSED_SUPPLIER_KEY) leakingSuppliers.push({ supplier, sector: mainSector });
    }
  }
  const localEstablishmentsFor = (tally: SectorTally): number | null => {
    if (!input.localEstablishments) return null;
    let count = 0;
    for (const activity of tally.leakingActivities) count += input.localEstablishments.get(activity) ?? 0;
    return count;
  };
  const label = (sector: string) => sectorLabel(sector, scheme, language, sectors.get(sector)?.fileLabel);
  const ordered = [...sectors].sort(([, a], [, b]) => b.cents - a.cents);
  return {
    bySector: ordered.map(([sector, tally]) => ({
      sector,
      label: label(sector),
      ...amountAndShare(tally.cents, influenceableCents),
      localAmount: formatCentsAsUnits(tally.localCents),
      localShare: shareOf(tally.localCents, tally.cents),
      suppliers: tally.suppliers.size,
    })),
    leakage: {
      nonLocalAmount: formatCentsAsUnits(leakingCents),
      topSuppliers: leakingSuppliers
        .sort((a, b) => b.supplier.influenceableCents - a.supplier.influenceableCents)
        .slice(0, TOP)
        .map(({ supplier, sector }) => ({
          key: supplier.key,
          name: supplier.name,
          ...amountAndShare(supplier.influenceableCents, influenceableCents),
          ring: supplier.ring,
          sector,
        })),
      topSectors: [...sectors]
        .filter(([, tally]) => tally.leakingCents > 0)
        .sort(([, a], [, b]) => b.leakingCents - a.leakingCents)
        .slice(0, TOP)
        .map(([sector, tally]) => ({
          sector,
          label: label(sector),
          nonLocalAmount: formatCentsAsUnits(tally.leakingCents),
          shareOfLeakage: shareOf(tally.leakingCents, leakingCents),
        })),
    },
    // Where money leaves although local suppliers exist: the anchors already pay some for the same
    // kind of work, or the registry lists local establishments doing what the distant suppliers do.
    opportunities: [...sectors]
      .map(([sector, tally]) => [sector, tally, localEstablishmentsFor(tally)] as const)
      .filter(
        ([, tally, establishments]) =>
          tally.leakingCents > 0 && (tally.localSuppliers.size > 0 || (establishments ?? 0) > 0),
      )
      .sort(([, a], [, b]) => b.leakingCents - a.leakingCents)
      .slice(0, TOP)
      .map(([sector, tally, establishments]) => ({
        sector,
        label: label(sector),
        nonLocalAmount: formatCentsAsUnits(tally.leakingCents),
        localSuppliersPaid: tally.localSuppliers.size,
        localEstablishments: establishments,
        examples: [...tally.localSuppliers.values()]
          .sort((a, b) => b.cents - a.cents)
          .slice(0, EXAMPLES)
          .map((example) => example.name),
      })),
  };
}
