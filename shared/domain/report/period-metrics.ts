import { formatCentsAsUnits } from '../money.ts';
import { UNDATED_MONTH } from '../spend-line.ts';
import { UNDISCLOSED_SUPPLIER_KEY } from '../supplier-key.ts';
import { type Target, type Territory, UNKNOWN } from '../territory/territory.ts';
import type { ClassifiedSupplier } from './classified-supplier.ts';
import { localRings } from './local-rings.ts';
import { isMeasurable, knownShareOf } from './measurability.ts';
import type { MergedSupplier } from './merge-rollups.ts';
import { shareOf } from './share.ts';

const add = (map: Map<string, number>, key: string, cents: number) =>
  map.set(key, (map.get(key) ?? 0) + cents);

/**
 * Local share over time: by year when the data spans several years, by month within one. Undated
 * spend is its own point, last, rather than moved into a month it may not belong to.
 */
export function trendOf(
  suppliers: readonly ClassifiedSupplier[],
  merged: ReadonlyMap<string, MergedSupplier>,
  local: ReadonlySet<string>,
) {
  const months = new Set<string>();
  for (const supplier of merged.values()) for (const month of supplier.byMonth.keys()) months.add(month);
  const years = new Set(
    [...months].filter((month) => month !== UNDATED_MONTH).map((month) => month.slice(0, 4)),
  );
  const granularity: 'year' | 'month' = years.size > 1 ? 'year' : 'month';
  const total = new Map<string, number>();
  const localTotal = new Map<string, number>();
  for (const supplier of suppliers) {
    const isLocal = local.has(supplier.ring);
    for (const [month, cents] of merged.get(supplier.key)?.byMonth ?? []) {
      const period = granularity === 'year' && month !== UNDATED_MONTH ? month.slice(0, 4) : month;
      add(total, period, cents);
      if (isLocal) add(localTotal, period, cents);
    }
  }
  return {
    granularity,
    // `undated` sorts after every year and month.
    points: [...total.keys()].sort().map((period) => ({
      period,
      influenceable: formatCentsAsUnits(total.get(period) ?? 0),
      localAmount: formatCentsAsUnits(localTotal.get(period) ?? 0),
      localShare: shareOf(localTotal.get(period) ?? 0, total.get(period) ?? 0),
    })),
  };
}

/**
 * Each territory target with its status, its baseline, the value now and the gap still to close.
 * The value is null when the spend it is computed from is too little located (a local-share target,
 * in its own view) or typed (a supplier-type target): no gap is computed from an unknown.
 */
export function targetsOf(
  targets: readonly Target[],
  territory: Territory,
  suppliers: readonly ClassifiedSupplier[],
  influenceableCents: number,
  language: 'fr' | 'en',
) {
  return targets.map((target) => {
    let cents = 0;
    let unknownCents = 0;
    if (target.metric === 'local-share') {
      const rings = localRings(territory, target.ring ?? territory.localRing);
      for (const supplier of suppliers) {
        const ring = target.view === 'headOffice' ? supplier.headOfficeRing : supplier.ring;
        if (rings.has(ring)) cents += supplier.influenceableCents;
        if (ring === UNKNOWN) unknownCents += supplier.influenceableCents;
      }
    } else {
      const types = new Set(target.supplierTypes ?? []);
      for (const supplier of suppliers) {
        if (types.has(supplier.type)) cents += supplier.influenceableCents;
        if (supplier.type === 'unknown') unknownCents += supplier.influenceableCents;
      }
    }
    const measurable = isMeasurable(knownShareOf(unknownCents, influenceableCents), influenceableCents);
    const current = measurable ? shareOf(cents, influenceableCents) : null;
    return {
      id: target.id,
      label: target.label[language],
      metric: target.metric,
      status: target.status,
      target: target.value,
      year: target.year,
      baseline: target.baseline ?? null,
      current,
      gap: current === null ? null : Math.round((target.value - current) * 1e6) / 1e6,
    };
  });
}

/** Each anchor's influenceable spend and local share, for comparing the members of a consortium. */
export function anchorComparisonOf(
  anchors: readonly { id: string; name: string; type: string }[],
  suppliers: readonly ClassifiedSupplier[],
  merged: ReadonlyMap<string, MergedSupplier>,
  local: ReadonlySet<string>,
) {
  return anchors.map((anchor) => {
    let total = 0;
    let localCents = 0;
    let count = 0;
    for (const supplier of suppliers) {
      const cents = merged.get(supplier.key)?.byAnchor.get(anchor.id);
      if (cents === undefined) continue;
      total += cents;
      if (local.has(supplier.ring)) localCents += cents;
      if (supplier.key !== UNDISCLOSED_SUPPLIER_KEY) count += 1;
    }
    return {
      ...anchor,
      influenceable: formatCentsAsUnits(total),
      localAmount: formatCentsAsUnits(localCents),
      localShare: shareOf(localCents, total),
      suppliers: count,
    };
  });
}

/** Top-10 share and the Herfindahl–Hirschman index over suppliers' positive influenceable spend. */
export function concentrationOf(suppliers: readonly ClassifiedSupplier[]) {
  const amounts = suppliers
    .filter((supplier) => supplier.key !== UNDISCLOSED_SUPPLIER_KEY)
    .map((supplier) => Math.max(0, supplier.influenceableCents))
    .sort((a, b) => b - a);
  const total = amounts.reduce((sum, cents) => sum + cents, 0);
  if (total === 0) return { top10Share: 0, hhi: 0 };
  const top10 = amounts.slice(0, 10).reduce((sum, cents) => sum + cents, 0);
  const hhi = amounts.reduce((sum, cents) => sum + ((cents / total) * 100) ** 2, 0);
  return { top10Share: shareOf(top10, total), hhi: Math.round(hhi * 10) / 10 };
}
