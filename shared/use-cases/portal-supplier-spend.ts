import type { DatasetKind, SpendInCurrency, SupplierSpend } from '../contracts/portal-api.ts';
import type { DatasetRecord } from '../domain/dataset.ts';
import type { SupplierRollup } from '../domain/ingest/supplier-rollup-record.ts';
import type { SupplierProfile } from '../domain/supplier-profile.ts';

export interface DatasetRollups {
  readonly dataset: DatasetRecord;
  readonly rollups: readonly SupplierRollup[];
}

export type SupplierSpendTotal = SupplierSpend & {
  readonly byKind: Partial<Record<DatasetKind, number>>;
  readonly otherCurrencies: readonly SpendInCurrency[];
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface CurrencyTotal {
  readonly currency: string | null;
  readonly byKind: Partial<Record<DatasetKind, number>>;
  lines: number;
}

/**
 * Spend per supplier over some datasets, from their rollups (never lines). Payments and contracts
 * stay apart in `byKind`; `amountCents` is the payments spend when there is any, else the contracts
 * spend. Concession values are never spend: such rollups count lines only. Amounts of two currencies
 * are never added: the currency of most of the supplier's lines gives the amounts, the others are
 * listed apart in `otherCurrencies`.
 */
export function supplierSpendOf(sources: readonly DatasetRollups[]): Map<string, SupplierSpendTotal> {
  const totals = new Map<string, Mutable<SupplierSpendTotal>>();
  const byCurrency = new Map<string, Map<string | null, CurrencyTotal>>();
  for (const { dataset, rollups } of sources) {
    const kind = dataset.kind ?? dataset.requestedKind;
    const currency = dataset.currency ?? null;
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
          currency: null,
          lines: 0,
          byKind: {},
          otherCurrencies: [],
        };
        totals.set(supplier.key, total);
        byCurrency.set(supplier.key, new Map());
      }
      total.lines += rollup.lines;
      const currencies = byCurrency.get(supplier.key) ?? new Map<string | null, CurrencyTotal>();
      let spend = currencies.get(currency);
      if (!spend) {
        spend = { currency, byKind: {}, lines: 0 };
        currencies.set(currency, spend);
      }
      spend.lines += rollup.lines;
      if (rollup.segment === 'concession' || !kind) continue;
      spend.byKind[kind] = (spend.byKind[kind] ?? 0) + rollup.amountCents;
    }
  }
  for (const total of totals.values()) {
    const [main, ...others] = [...(byCurrency.get(total.key)?.values() ?? [])].sort(
      (a, b) => b.lines - a.lines || (a.currency ?? '').localeCompare(b.currency ?? ''),
    );
    total.currency = main?.currency ?? null;
    total.byKind = main?.byKind ?? {};
    total.otherCurrencies = others.map(({ currency, byKind }) => ({ currency, byKind }));
    total.amountCents = total.byKind.payments ?? total.byKind.contracts ?? 0;
  }
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
