import type { DatasetKind } from '../dataset-kind.ts';
import { type ExclusionRule, exclusionRuleOf } from '../influenceable.ts';
import type { SupplierRollup } from '../ingest/supplier-rollup.ts';
import type { SupplierIdentity } from '../spend-line.ts';

/** One supplier's spend across every dataset and anchor in scope, before classification. */
export interface MergedSupplier {
  readonly key: string;
  identity: SupplierIdentity;
  amountCents: number;
  lines: number;
  readonly anchorIds: Set<string>;
  /** Cents per exclusion rule id. */
  readonly excludedByRule: Map<string, number>;
}

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

export function mergeRollups(
  rollups: Iterable<SupplierRollup>,
  kind: DatasetKind,
  rules: readonly ExclusionRule[],
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
        anchorIds: new Set(),
        excludedByRule: new Map(),
      };
      suppliers.set(key, merged);
    } else {
      merged.identity = mergeIdentity(merged.identity, rollup.supplier);
    }
    merged.amountCents += rollup.amountCents;
    merged.lines += rollup.lines;
    merged.anchorIds.add(rollup.anchorId);
    for (const [category, cents] of rollup.byCategory) {
      const rule = exclusionRuleOf(category, kind, rules);
      if (rule) merged.excludedByRule.set(rule.id, (merged.excludedByRule.get(rule.id) ?? 0) + cents);
    }
  }
  return suppliers;
}
