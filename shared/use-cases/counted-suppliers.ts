import type { SupplierIdentity } from '../domain/spend-line.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';

/** The suppliers of every dataset that counts (INGESTED), whoever uploaded it: what the register must know. */
export async function suppliersOfCountedDatasets(
  datasets: Pick<DatasetStore, 'listDatasets' | 'readRollupSuppliers'>,
): Promise<SupplierIdentity[]> {
  const counted = (await datasets.listDatasets({})).filter((dataset) => dataset.status === 'INGESTED');
  const suppliers: SupplierIdentity[] = [];
  for (const dataset of counted) {
    for (const supplier of await datasets.readRollupSuppliers(dataset.id)) suppliers.push(supplier);
  }
  return suppliers;
}
