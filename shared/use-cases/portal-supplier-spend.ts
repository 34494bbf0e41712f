import type { DatasetKind, SupplierSpend } from '../contracts/portal-api.ts';
import type { DatasetRecord } from '../domain/dataset.ts';
import type { SupplierRollup } from '../domain/ingest/supplier-rollup-record.ts';
import type { SupplierProfile } from '../domain/supplier-profile.ts';

export interface DatasetRollups {
  readonly dataset: DatasetRecord;
  readonly rollups: readonly SupplierRollup[];
}

export type SupplierSpendTotal = SupplierSpend & { readonly byKind: Partial<Record<DatasetKind, number>> };

/**
 * Spend per supplier over some datasets, from their rollups (never lines). Payments and contracts
 * stay apart in `byKind`; `amountCents` is the payments spend when there is any, else the contracts
 * spend. Concession values are never spend: such rollups count lines only.
 */
export function supplierSpendOf(sources: readonly DatasetRollups[]): Map<string, SupplierSpendTotal> {
  const totals = new Map<string, { -readonly [K in keyof SupplierSpendTotal]: SupplierSpendTotal[K] }>();
  for (const { dataset, rollups } of sources) {
    const kind = dataset.kind ?? dataset.requestedKind;
    for (const rollup of rollups) {
      const { supplier } = rollup;
      let total = totals.get(supplier.key);
      if (!total) {
        total = {
          key: supplier.key,
          name: supplier.name,
          identifier: supplier.identifier
            ? { scheme: supplier.identifier.scheme, value: supplier.identifier.value }
            : null,
          postcode: supplier.postcode ?? null,
          commune: supplier.commune ?? null,
          amountCents: 0,
          lines: 0,
          byKind: {},
        };
        totals.set(supplier.key, total);
      }
      total.lines += rollup.lines;
      if (rollup.segment === 'concession' || !kind) continue;
      total.byKind[kind] = (total.byKind[kind] ?? 0) + rollup.amountCents;
    }
  }
  for (const total of totals.values())
    total.amountCents = total.byKind.payments ?? total.byKind.contracts ?? 0;
  return totals;
}

/** Described by a registry or a supplier directory: what "matched" means to the officer. */
export function isMatched(profile: SupplierProfile | undefined): boolean {
  if (!profile) return false;
  const facts = [
    profile.name,
    profile.establishment,
    profile.headOffice,
    profile.legalCategory,
    profile.ess,
    profile.sizeCategory,
    profile.headcountBand,
    profile.activity,
    profile.supplierType,
  ];
  return facts.some((fact) => fact?.source === 'registry' || fact?.source === 'directory');
}
