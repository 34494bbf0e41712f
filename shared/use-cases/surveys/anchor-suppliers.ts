import type { Caller } from '../portal.ts';
import type { SupplierSpendTotal } from '../portal-supplier-spend.ts';
import { listedSuppliers, suppliersOf } from '../portal-suppliers.ts';
import type { SurveyDependencies } from './survey-dependencies.ts';

/**
 * The suppliers the caller's anchor pays, with their spend: the survey's fence, the same as the
 * supplier pages' (an anchor surveys only suppliers its own files name).
 */
export async function anchorSuppliers(
  deps: Pick<SurveyDependencies, 'datasets'>,
  caller: Caller,
): Promise<Map<string, SupplierSpendTotal>> {
  const all = await suppliersOf(deps, await deps.datasets.listDatasets({ anchorId: caller.anchorId }));
  return new Map(listedSuppliers(all.values()).map((supplier) => [supplier.key, supplier]));
}
