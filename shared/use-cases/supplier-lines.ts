import type { SupplierLine, SupplierLines, SupplierLinesDataset } from '../contracts/portal-api.ts';
import type { DatasetRecord } from '../domain/dataset.ts';
import type { DatasetKind } from '../domain/dataset-kind.ts';
import type { SpendLine } from '../domain/spend-line.ts';
import { CONSORTIUM_UPLOADER } from '../domain/territory/consortium.ts';
import { type Caller, type PortalDependencies, uploadersVisibleTo } from './portal.ts';

type Deps = Pick<PortalDependencies, 'datasets' | 'lineFiles'>;

/** Lines per page unless asked otherwise, and the most one page holds: one API call reads them. */
export const DEFAULT_LINES_PAGE = 50;
export const MAX_LINES_PAGE = 200;

/** Where a page starts: a dataset, and how many of the supplier's lines in it come before. */
export interface LinesPosition {
  readonly datasetId: string;
  readonly offset: number;
}

const CURSOR = /^([a-f0-9]{24}):(\d{1,9})$/;

/**
 * A position as an opaque cursor: clients pass it back and never build one, so what it holds may
 * change. It names the dataset rather than its rank, so a file counted between two pages does not
 * shift the next page onto lines already seen.
 */
export const encodeLinesCursor = (position: LinesPosition): string =>
  Buffer.from(`${position.datasetId}:${position.offset}`).toString('base64url');

export function decodeLinesCursor(cursor: string): LinesPosition | undefined {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1] && match[2] ? { datasetId: match[1], offset: Number(match[2]) } : undefined;
}

export interface LinesQuery {
  readonly supplierKey: string;
  /** One dataset's lines only. */
  readonly datasetId?: string | undefined;
  /** A cursor's position, or a number of lines to skip over the datasets in order (the CLI's `--offset`). */
  readonly from?: LinesPosition | { readonly skip: number } | undefined;
  readonly limit: number;
}

export type LinesOutcome =
  | { readonly outcome: 'page'; readonly page: SupplierLines }
  /** No counted dataset among those given pays the supplier (or not the one asked for). */
  | { readonly outcome: 'unknown-supplier' }
  /** The cursor names a dataset no longer counted (superseded since), or another than the one asked for. */
  | { readonly outcome: 'stale-cursor' };

interface PayingDataset {
  readonly dataset: DatasetRecord & { readonly kind: DatasetKind };
  readonly summary: SupplierLinesDataset;
}

const counted = (dataset: DatasetRecord): dataset is DatasetRecord & { readonly kind: DatasetKind } =>
  dataset.status === 'INGESTED' && dataset.kind !== undefined;

/**
 * The counted datasets among these whose rollups name the supplier, newest first: line files exist
 * for counted datasets only, and a rollup says without reading them whether a file holds its lines.
 */
async function payingDatasets(
  deps: Deps,
  records: readonly DatasetRecord[],
  supplierKey: string,
): Promise<PayingDataset[]> {
  const found = await Promise.all(
    records.filter(counted).map(async (dataset) => {
      const rollups = (await deps.datasets.readRollups(dataset.id)).filter(
        (rollup) => rollup.supplier.key === supplierKey,
      );
      if (rollups.length === 0) return undefined;
      const summary: SupplierLinesDataset = {
        id: dataset.id,
        fileName: dataset.fileName,
        kind: dataset.kind,
        currency: dataset.currency ?? null,
        receivedAt: dataset.receivedAt,
        consortiumWide: dataset.anchorId === CONSORTIUM_UPLOADER,
        lines: rollups.reduce((sum, rollup) => sum + rollup.lines, 0),
        amountCents: rollups
          .filter((rollup) => rollup.segment !== 'concession')
          .reduce((sum, rollup) => sum + rollup.amountCents, 0),
      };
      return { dataset, summary };
    }),
  );
  return found
    .filter((paying) => paying !== undefined)
    .sort(
      (a, b) =>
        b.dataset.receivedAt.localeCompare(a.dataset.receivedAt) || a.dataset.id.localeCompare(b.dataset.id),
    );
}

/** Field by field, so that nothing a line may gain later reaches the browser unannounced. */
function supplierLineOf(dataset: DatasetRecord, line: SpendLine): SupplierLine {
  return {
    datasetId: dataset.id,
    fileName: dataset.fileName,
    lineNumber: line.lineNumber,
    date: line.date ?? null,
    amountCents: line.amountCents,
    currency: line.currency,
    supplierName: line.supplier.name,
    description: line.description ?? null,
    categoryCode: line.categoryCode ?? null,
    categoryLabel: line.categoryLabel ?? null,
    serviceArea: line.serviceArea ?? null,
    reference: line.reference ?? null,
    contractUid: line.contractUid ?? null,
    concession: line.segment === 'concession',
    shareOf: line.shareOf ?? null,
    flags: [...line.flags],
  };
}

/** The rank of the dataset a page starts in and the lines to skip in it; undefined for a stale cursor. */
function startOf(
  paying: readonly PayingDataset[],
  from: LinesQuery['from'],
): { index: number; offset: number } | undefined {
  if (!from) return { index: 0, offset: 0 };
  if ('datasetId' in from) {
    const index = paying.findIndex((entry) => entry.dataset.id === from.datasetId);
    return index < 0 ? undefined : { index, offset: from.offset };
  }
  let index = 0;
  let skip = from.skip;
  while (index < paying.length && skip >= (paying[index]?.summary.lines ?? 0)) {
    skip -= paying[index]?.summary.lines ?? 0;
    index++;
  }
  return { index, offset: skip };
}

/**
 * A page of the supplier's lines in the datasets given, dataset after dataset, read from their line
 * files: only the row groups holding the supplier's lines are read whole.
 */
export async function supplierLinesIn(
  deps: Deps,
  records: readonly DatasetRecord[],
  query: LinesQuery,
): Promise<LinesOutcome> {
  const all = await payingDatasets(deps, records, query.supplierKey);
  const paying = query.datasetId ? all.filter((entry) => entry.dataset.id === query.datasetId) : all;
  if (paying.length === 0) return { outcome: 'unknown-supplier' };
  const start = startOf(paying, query.from);
  if (!start) return { outcome: 'stale-cursor' };
  const lines: SupplierLine[] = [];
  let { index, offset } = start;
  let next: LinesPosition | undefined;
  while (lines.length < query.limit) {
    const entry = paying[index];
    if (!entry) break;
    const page = await deps.lineFiles.read(entry.dataset, {
      supplierKey: query.supplierKey,
      offset,
      limit: query.limit - lines.length,
    });
    for (const line of page.lines) lines.push(supplierLineOf(entry.dataset, line));
    if (page.more) {
      next = { datasetId: entry.dataset.id, offset: offset + page.lines.length };
      break;
    }
    index++;
    offset = 0;
  }
  const following = paying[index];
  if (!next && following) next = { datasetId: following.dataset.id, offset: 0 };
  return {
    outcome: 'page',
    page: {
      key: query.supplierKey,
      datasets: paying.map((entry) => entry.summary),
      lines,
      total: paying.reduce((sum, entry) => sum + entry.summary.lines, 0),
      nextCursor: next ? encodeLinesCursor(next) : null,
    },
  };
}

/**
 * The lines behind a supplier's figure for a portal user: in the datasets the caller sees (their
 * institution's, and the consortium's for its administrators), never another institution's. Payees
 * that are natural persons are named, as the supplier's page names them: the portal is signed in
 * and shows an institution its own payees (docs/method.md, "Natural persons are never named").
 */
export async function supplierLines(deps: Deps, caller: Caller, query: LinesQuery): Promise<LinesOutcome> {
  const records = (
    await Promise.all(uploadersVisibleTo(caller).map((anchorId) => deps.datasets.listDatasets({ anchorId })))
  ).flat();
  return supplierLinesIn(deps, records, query);
}
