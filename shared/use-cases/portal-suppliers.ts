import type {
  OverrideChange,
  OverrideSaved,
  SupplierDetail,
  SupplierSearch,
  SupplierSearchHit,
} from '../contracts/portal-api.ts';
import type { DatasetRecord } from '../domain/dataset.ts';
import type { Result } from '../domain/result.ts';
import { UNDISCLOSED_SUPPLIER_KEY } from '../domain/supplier-key.ts';
import type { SupplierProfile } from '../domain/supplier-profile.ts';
import { SUPPLIER_TYPE_IDS } from '../domain/supplier-type.ts';
import { foldForMatch } from '../domain/text.ts';
import { pageOf } from './offset-page.ts';
import type { Caller, PortalDependencies } from './portal.ts';
import { type DatasetRollups, type SupplierSpendTotal, supplierSpendOf } from './portal-supplier-spend.ts';
import { setOverride } from './set-override.ts';

type Deps = Pick<PortalDependencies, 'datasets' | 'profiles' | 'clock'>;

export interface SupplierQuery {
  readonly q: string | undefined;
  readonly offset: number;
  readonly limit: number;
}

/** The ingested datasets among these, each with its rollups. */
async function ingestedRollups(
  deps: Pick<PortalDependencies, 'datasets'>,
  records: readonly DatasetRecord[],
): Promise<DatasetRollups[]> {
  const datasets = records.filter((dataset) => dataset.status === 'INGESTED');
  return Promise.all(
    datasets.map(async (dataset) => ({ dataset, rollups: await deps.datasets.readRollups(dataset.id) })),
  );
}

/** The suppliers the ingested datasets among these pay, with their spend, from the rollups. */
export async function suppliersOf(
  deps: Pick<PortalDependencies, 'datasets'>,
  records: readonly DatasetRecord[],
): Promise<Map<string, SupplierSpendTotal>> {
  return supplierSpendOf(await ingestedRollups(deps, records));
}

/**
 * The rollups of the caller's anchor's ingested datasets. They draw the fence: a supplier no file of
 * the anchor names is not visible to it, nor correctable by it, nor surveyed.
 */
export async function anchorRollups(
  deps: Pick<PortalDependencies, 'datasets'>,
  caller: Caller,
): Promise<DatasetRollups[]> {
  return ingestedRollups(deps, await deps.datasets.listDatasets({ anchorId: caller.anchorId }));
}

/** The suppliers the caller's anchor pays: those of its ingested datasets (the fence). */
async function anchorSuppliers(
  deps: Pick<PortalDependencies, 'datasets'>,
  caller: Caller,
): Promise<Map<string, SupplierSpendTotal>> {
  return supplierSpendOf(await anchorRollups(deps, caller));
}

const corrected = (profile: SupplierProfile | undefined) =>
  profile?.supplierType?.source === 'override' ||
  profile?.establishment?.source === 'override' ||
  profile?.headOffice?.source === 'override';

function matches(supplier: SupplierSpendTotal, folded: string, digits: string): boolean {
  if (foldForMatch(supplier.name).includes(folded)) return true;
  if (supplier.key.toLowerCase().includes(folded.replaceAll(' ', ''))) return true;
  return digits.length >= 3 && (supplier.identifier?.value.replaceAll(' ', '').includes(digits) ?? false);
}

/** The suppliers a search names: by name (accents and case ignored), SIRET/SIREN or key; all without one. */
export function matchingSuppliers(
  all: readonly SupplierSpendTotal[],
  q: string | undefined,
): SupplierSpendTotal[] {
  const folded = foldForMatch(q ?? '');
  const digits = (q ?? '').replace(/\s+/g, '');
  return folded
    ? all.filter((supplier) => matches(supplier, folded, /^\d+$/.test(digits) ? digits : ''))
    : [...all];
}

/**
 * The suppliers the list shows and counts: all but the bucket of withheld payees, which is no
 * supplier (`supplierCount`), so that the list's total is the dataset page's and the CLI's count.
 */
export const listedSuppliers = (all: Iterable<SupplierSpendTotal>): SupplierSpendTotal[] =>
  [...all].filter((supplier) => supplier.key !== UNDISCLOSED_SUPPLIER_KEY);

/** Suppliers as the lists show them, by key. */
export function listedByKey(spend: ReadonlyMap<string, SupplierSpendTotal>): Map<string, SupplierSpendTotal> {
  return new Map(listedSuppliers(spend.values()).map((supplier) => [supplier.key, supplier]));
}

/** The suppliers behind the fence as the lists show them, by key: what an anchor may search or survey. */
export async function listedAnchorSuppliers(
  deps: Pick<PortalDependencies, 'datasets'>,
  caller: Caller,
): Promise<Map<string, SupplierSpendTotal>> {
  return listedByKey(await anchorSuppliers(deps, caller));
}

/** Search by name (accents and case ignored), SIRET/SIREN or key; largest spend first, one page. */
export async function searchSuppliers(
  deps: Deps,
  caller: Caller,
  query: SupplierQuery,
): Promise<SupplierSearch> {
  const found = matchingSuppliers([...(await listedAnchorSuppliers(deps, caller)).values()], query.q);
  found.sort((a, b) => b.amountCents - a.amountCents || a.key.localeCompare(b.key));
  const { items, ...page } = pageOf(found, query);
  const profiles = await deps.profiles.getProfiles(items.map((supplier) => supplier.key));
  return {
    suppliers: items.map((supplier) => ({ ...supplier, corrected: corrected(profiles.get(supplier.key)) })),
    ...page,
  };
}

async function ownSupplier(deps: Deps, caller: Caller, key: string): Promise<SupplierSearchHit | undefined> {
  const supplier = (await anchorSuppliers(deps, caller)).get(key);
  if (!supplier) return undefined;
  const profile = (await deps.profiles.getProfiles([key])).get(key);
  return { ...supplier, corrected: corrected(profile) };
}

/** A supplier the anchor pays: what its files say, the profile with each fact's source, the corrections. */
export async function supplierDetail(
  deps: Deps,
  caller: Caller,
  key: string,
): Promise<SupplierDetail | undefined> {
  const asInFiles = await ownSupplier(deps, caller, key);
  if (!asInFiles) return undefined;
  const [profiles, override] = await Promise.all([
    deps.profiles.getProfiles([key]),
    deps.profiles.getOverride(key),
  ]);
  return {
    key,
    asInFiles,
    profile: profiles.get(key) ?? null,
    override: override?.current ?? null,
    corrections: override?.corrections ?? [],
    correctionCount: override?.changes ?? 0,
    supplierTypes: SUPPLIER_TYPE_IDS,
  };
}

export type CorrectionOutcome =
  | { readonly found: false }
  | { readonly found: true; readonly saved: Result<OverrideSaved> };

/**
 * Corrects a supplier the anchor pays. The correction is a fact about the supplier, so every
 * report that pays it uses it; the audit keeps who made it, for which reason.
 */
export async function correctSupplier(
  deps: Deps,
  caller: Caller,
  key: string,
  request: { readonly change: OverrideChange; readonly reason: string },
): Promise<CorrectionOutcome> {
  if (!(await anchorSuppliers(deps, caller)).has(key)) return { found: false };
  const saved = await setOverride(deps, {
    supplierKey: key,
    change: request.change,
    by: caller.name,
    reason: request.reason,
  });
  return {
    found: true,
    saved: saved.ok
      ? {
          ok: true,
          value: {
            key,
            override: saved.value.current,
            corrections: saved.value.corrections,
            correctionCount: saved.value.changes,
          },
        }
      : saved,
  };
}
