import { mapInFlight } from '../domain/in-flight.ts';
import type { SupplierIdentity } from '../domain/spend-line.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';

/** Datasets read at once: a consortium's hundreds of files in a few round trips' time. */
const READS_IN_FLIGHT = 8;

/** The suppliers of every dataset that counts (INGESTED), whoever uploaded it: what the register must know. */
export async function suppliersOfCountedDatasets(
  datasets: Pick<DatasetStore, 'listDatasets' | 'readRollupSuppliers'>,
): Promise<SupplierIdentity[]> {
  const counted = (await datasets.listDatasets({})).filter((dataset) => dataset.status === 'INGESTED');
  const suppliers = await mapInFlight(counted, READS_IN_FLIGHT, (dataset) =>
    datasets.readRollupSuppliers(dataset.id),
  );
  return suppliers.flat();
}
