import type { LookupRun, RegistryStatus } from '../registry/registry-status.ts';
import type { SupplierProfile } from '../supplier-profile.ts';
import type { Report } from './report-schema.ts';

/** What the register behind a report was: its refresh, and the facts the APIs gave instead. */
export interface RegisterInput {
  readonly stock?: RegistryStatus | undefined;
  readonly lookups?: LookupRun | undefined;
}

type Register = NonNullable<Report['coverage']['register']>;

/**
 * The stock's refresh date (and INSEE's publication date when the server gave one), the suppliers
 * of this report whose registry facts a company-search API gave, by provider and over which days,
 * and whether the last lookups ran or the machine was offline.
 */
export function registerSummary(
  input: RegisterInput | undefined,
  supplierKeys: Iterable<string>,
  profiles: ReadonlyMap<string, SupplierProfile>,
): Register {
  const byProvider = new Map<string, { suppliers: number; firstOn: string; lastOn: string }>();
  for (const key of supplierKeys) {
    const lookedUp = profiles.get(key)?.lookedUp;
    if (!lookedUp) continue;
    const entry = byProvider.get(lookedUp.via);
    const day = lookedUp.retrievedOn;
    byProvider.set(
      lookedUp.via,
      entry
        ? {
            suppliers: entry.suppliers + 1,
            // ISO dates: their order as text is their order in time.
            firstOn: [day, entry.firstOn].sort()[0] ?? day,
            lastOn: [day, entry.lastOn].sort()[1] ?? day,
          }
        : { suppliers: 1, firstOn: day, lastOn: day },
    );
  }
  const { stock, lookups } = input ?? {};
  const published = stock?.files.flatMap((file) => (file.publishedAt ? [file.publishedAt.slice(0, 10)] : []));
  return {
    stock: stock
      ? {
          refreshedOn: stock.completedAt.slice(0, 10),
          publishedOn: published && published.length > 0 ? (published.sort()[0] ?? null) : null,
          files: stock.files.map((file) => file.name),
        }
      : null,
    lookedUp: [...byProvider]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([provider, entry]) => ({ provider, ...entry })),
    lookups: lookups
      ? { provider: lookups.provider, lastRunOn: lookups.ranAt.slice(0, 10), offline: lookups.offline }
      : null,
  };
}
