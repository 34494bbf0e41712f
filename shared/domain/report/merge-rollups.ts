import type { DatasetKind } from '../dataset-kind.ts';
import { type ExclusionRule, exclusionRuleOf } from '../influenceable.ts';
import type { SupplierRollup } from '../ingest/supplier-rollup-record.ts';
import type { SupplierIdentity } from '../spend-line.ts';
import { type SectorScheme, sectorOf } from './sectors.ts';

/** One supplier's spend across every dataset and anchor in scope, before classification. */
export interface MergedSupplier {
  readonly key: string;
  identity: SupplierIdentity;
  amountCents: number;
  lines: number;
  largestLineCents: number;
  readonly anchorIds: Set<string>;
  /** Cents per exclusion rule id. */
  readonly excludedByRule: Map<string, number>;
  /** Influenceable cents by sector, by month (`yyyy-mm`) and by anchor. */
  readonly bySector: Map<string, number>;
  readonly byMonth: Map<string, number>;
  readonly byAnchor: Map<string, number>;
  /** Labels the files gave to sectors, for sectors the reference data does not name. */
  readonly sectorLabels: Map<string, string>;
}

const add = (map: Map<string, number>, key: string, cents: number) =>
  map.set(key, (map.get(key) ?? 0) + cents);

/** Keeps the first value of each identity field, filling gaps from later rollups. */
function mergeIdentity(into: SupplierIdentity, from: SupplierIdentity): SupplierIdentity {
  return {
    key: into.key,
    name: into.name || from.name,
    identifier: into.identifier ?? from.identifier,
    localId: into.localId ?? from.localId,
    postcode: into.postcode ?? from.postcode,
    commune: into.commune ?? from.commune,
    communeCode: into.communeCode ?? from.communeCode,
    country: into.country ?? from.country,
  };
}

/**
 * Merges rollups per supplier, applying the exclusion rules month by month and category by
 * category, so every breakdown (sector, month, anchor) is of influenceable spend.
 */
export function mergeRollups(
  rollups: Iterable<SupplierRollup>,
  kind: DatasetKind,
  rules: readonly ExclusionRule[],
  scheme: SectorScheme,
): Map<string, MergedSupplier> {
  const suppliers = new Map<string, MergedSupplier>();
  for (const rollup of rollups) {
    const key = rollup.supplier.key;
    let merged = suppliers.get(key);
    if (!merged) {
      merged = {
        key,
        identity: rollup.supplier,
        amountCents: 0,
        lines: 0,
        largestLineCents: rollup.largestLineCents,
        anchorIds: new Set(),
        excludedByRule: new Map(),
        bySector: new Map(),
        byMonth: new Map(),
        byAnchor: new Map(),
        sectorLabels: new Map(),
      };
      suppliers.set(key, merged);
    } else {
      merged.identity = mergeIdentity(merged.identity, rollup.supplier);
      merged.largestLineCents = Math.max(merged.largestLineCents, rollup.largestLineCents);
    }
    merged.amountCents += rollup.amountCents;
    merged.lines += rollup.lines;
    merged.anchorIds.add(rollup.anchorId);
    const labels = new Map(rollup.categoryLabels);
    for (const [month, category, cents] of rollup.byMonthCategory) {
      const rule = exclusionRuleOf(category, kind, rules);
      if (rule) {
        add(merged.excludedByRule, rule.id, cents);
        continue;
      }
      const sector = sectorOf(category, scheme);
      add(merged.bySector, sector, cents);
      add(merged.byMonth, month, cents);
      add(merged.byAnchor, rollup.anchorId, cents);
      const label = labels.get(category);
      if (label && !merged.sectorLabels.has(sector)) merged.sectorLabels.set(sector, label);
    }
  }
  return suppliers;
}
