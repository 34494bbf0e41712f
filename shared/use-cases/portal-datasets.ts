import type {
  CountedElsewhere,
  DatasetDetail,
  DatasetList,
  DatasetReconciliation,
  DatasetSummary,
  UnmatchedSuppliers,
} from '../contracts/portal-api.ts';
import type { DatasetRecord } from '../domain/dataset.ts';
import { jsonStringBytes } from '../domain/json-size.ts';
import type { Reconciliation } from '../domain/reconciliation.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { countedElsewhereSeen, summarySeen } from './counted-elsewhere-view.ts';
import { type OffsetQuery, pageOf } from './offset-page.ts';
import { type Caller, type PortalDependencies, uploadersVisibleTo } from './portal.ts';
import { isMatched, supplierSpendOf } from './portal-supplier-spend.ts';

/**
 * The rejects of one file come through the API while the answer carrying them stays under this size,
 * counted as Lambda sends it: JSON-escaped, where every quote and line end of a CSV takes two bytes
 * (a function answers 6 MB at most). Beyond, through the signed link.
 */
const MAX_REJECTS_BYTES = 5 * 1024 * 1024;
/** Links to a rejects file live 5 minutes: long enough to click, too short to share. */
const REJECTS_LINK_SECONDS = 300;
/** Pages of the list of datasets: a screen of them by default, never the whole history at once. */
export const DATASETS_PAGE = { default: 25, max: 100 } as const;
/** Pages of unmatched suppliers: a file may name hundreds; the totals still count them all. */
export const UNMATCHED_PAGE = { default: 25, max: 100 } as const;

export function datasetSummary(record: DatasetRecord): DatasetSummary {
  return {
    id: record.id,
    fileName: record.fileName,
    // Until it is compared with the others, a counted file may still be superseded: not final yet.
    status: record.status === 'INGESTED' && record.overlapsPending ? 'INGESTING' : record.status,
    message: record.message ?? null,
    kind: record.kind ?? record.requestedKind ?? null,
    currency: record.currency ?? null,
    format: record.format ?? null,
    columnReading: record.columnReading ?? null,
    encoding: record.encoding ?? null,
    receivedAt: record.receivedAt,
    updatedAt: record.updatedAt,
    acceptedLines: record.lines,
    rejectedLines: record.rejectedLines,
    setAsideLines: record.setAsideLines,
    amountCents: record.amountCents,
    suppliers: record.suppliers,
    periodFrom: record.periodFrom ?? null,
    periodTo: record.periodTo ?? null,
    hasRejects: record.rejectsKey !== undefined,
    countedIn: record.duplicateOf ?? record.supersededBy ?? null,
    overlaps: (record.overlaps ?? []).map((overlap) => ({
      datasetId: overlap.datasetId,
      supplierMonths: overlap.cells,
      amountCents: overlap.cents,
    })),
  };
}

/** One page of the caller's datasets (and the consortium's, for its administrators), newest first. */
export async function listOwnDatasets(
  deps: Pick<PortalDependencies, 'datasets'>,
  caller: Caller,
  query: OffsetQuery,
): Promise<DatasetList> {
  const records = (
    await Promise.all(uploadersVisibleTo(caller).map((anchorId) => deps.datasets.listDatasets({ anchorId })))
  ).flat();
  records.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || a.id.localeCompare(b.id));
  const { items, ...page } = pageOf(records, query);
  const visible = (id: string) => records.some((record) => record.id === id);
  return { datasets: items.map((record) => summarySeen(datasetSummary(record), visible)), ...page };
}

/** One of the caller's datasets; another anchor's is undefined, exactly like one that does not exist. */
export async function ownDataset(
  deps: Pick<PortalDependencies, 'datasets'>,
  caller: Caller,
  datasetId: string,
): Promise<DatasetRecord | undefined> {
  const dataset = await deps.datasets.getDataset(datasetId);
  return dataset && uploadersVisibleTo(caller).includes(dataset.anchorId) ? dataset : undefined;
}

/** Field by field, so that nothing the record may gain later reaches the browser unannounced. */
function reconciliationOf(reconciliation: Reconciliation): DatasetReconciliation {
  const { controlCents, countedCents, concessionCents, totalRows, rejected, statedTotal } = reconciliation;
  return {
    controlCents,
    countedCents,
    concessionCents,
    setAside: reconciliation.setAside.map(({ kind, lines, cents }) => ({ kind, lines, cents })),
    totalRows: { lines: totalRows.lines, cents: totalRows.cents },
    rejected: { lines: rejected.lines, withAmount: rejected.withAmount, cents: rejected.cents },
    flags: reconciliation.flags.map(({ flag, lines, cents }) => ({ flag, lines, cents })),
    statedTotal: statedTotal
      ? { lineNumber: statedTotal.lineNumber, cents: statedTotal.cents, agrees: statedTotal.agrees }
      : null,
  };
}

/**
 * The dataset that counts a duplicate's or a superseded file's spend: always one of the same
 * uploader's, as content is claimed and overlaps settled per uploader; should it be one the caller
 * may not see (a record from before 0.6.0), neither its id nor its file name is given.
 */
async function countedElsewhereOf(
  deps: Pick<PortalDependencies, 'datasets'>,
  caller: Caller,
  dataset: DatasetRecord,
): Promise<CountedElsewhere | null> {
  const counted = dataset.duplicateOf
    ? { reason: 'duplicate' as const, datasetId: dataset.duplicateOf }
    : dataset.status === 'SUPERSEDED' && dataset.supersededBy
      ? { reason: 'superseded' as const, datasetId: dataset.supersededBy }
      : undefined;
  if (!counted) return null;
  const holder = await ownDataset(deps, caller, counted.datasetId);
  return countedElsewhereSeen(counted, holder);
}

export async function datasetDetail(
  deps: Pick<PortalDependencies, 'datasets' | 'signer' | 'settings'>,
  caller: Caller,
  datasetId: string,
): Promise<DatasetDetail | undefined> {
  const dataset = await ownDataset(deps, caller, datasetId);
  if (!dataset) return undefined;
  const rejectsUrl = dataset.rejectsKey
    ? await deps.signer.presignGet(deps.settings.uploadsBucket, dataset.rejectsKey, REJECTS_LINK_SECONDS)
    : null;
  const countedElsewhere = await countedElsewhereOf(deps, caller, dataset);
  return {
    dataset: summarySeen(datasetSummary(dataset), (id) => id === countedElsewhere?.datasetId),
    reconciliation: dataset.reconciliation ? reconciliationOf(dataset.reconciliation) : null,
    countedElsewhere,
    rejectsUrl,
    rejectsPath: dataset.rejectsKey ? `/datasets/${dataset.id}/rejects` : null,
  };
}

export type RejectsDownload =
  | { readonly found: false }
  | { readonly found: true; readonly fileName: string; readonly csv: string }
  | { readonly found: true; readonly tooLarge: true; readonly url: string };

/** The rejects CSV of one of the caller's datasets, for a same-origin download. */
export async function datasetRejects(
  deps: Pick<PortalDependencies, 'datasets' | 'objects' | 'signer' | 'settings'>,
  caller: Caller,
  datasetId: string,
): Promise<RejectsDownload> {
  const dataset = await ownDataset(deps, caller, datasetId);
  if (!dataset?.rejectsKey) return { found: false };
  const location = { bucket: deps.settings.uploadsBucket, key: dataset.rejectsKey };
  const object = await deps.objects.open(location);
  if (!object) return { found: false };
  const linked = async (): Promise<RejectsDownload> => ({
    found: true,
    tooLarge: true,
    url: await deps.signer.presignGet(location.bucket, location.key, REJECTS_LINK_SECONDS),
  });
  if (object.sizeBytes > MAX_REJECTS_BYTES) {
    for await (const _ of object.body) break; // release the connection without reading the file
    return linked();
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of object.body) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  if (jsonStringBytes(bytes) > MAX_REJECTS_BYTES) return linked();
  return { found: true, fileName: `${dataset.fileName}.rejects.csv`, csv: bytes.toString('utf8') };
}

/**
 * One page of the suppliers of one of the caller's datasets that no registry or directory describes:
 * largest spend first, where an officer's corrections matter most; equal amounts by name, then key,
 * so that a page boundary falls in the same place on every call.
 */
export async function unmatchedSuppliers(
  deps: Pick<PortalDependencies, 'datasets' | 'profiles'>,
  caller: Caller,
  datasetId: string,
  query: OffsetQuery,
): Promise<Result<UnmatchedSuppliers>> {
  const dataset = await ownDataset(deps, caller, datasetId);
  if (!dataset) return fail('not found');
  const spend = supplierSpendOf([{ dataset, rollups: await deps.datasets.readRollups(dataset.id) }]);
  const profiles = await deps.profiles.getProfiles([...spend.keys()]);
  const unmatched = [...spend.values()]
    .filter((supplier) => !isMatched(profiles.get(supplier.key)))
    .sort(
      (a, b) =>
        b.amountCents - a.amountCents || a.name.localeCompare(b.name, 'fr') || a.key.localeCompare(b.key),
    );
  const { items, ...page } = pageOf(unmatched, query);
  return ok({
    datasetId: dataset.id,
    suppliers: items.map(({ byKind: _, otherCurrencies: __, ...rest }) => rest),
    ...page,
    amountCents: unmatched.reduce((sum, supplier) => sum + supplier.amountCents, 0),
    currency: dataset.currency ?? null,
    datasetAmountCents: dataset.amountCents,
  });
}
