import type { DatasetRecord } from '../domain/dataset.ts';
import type { DatasetKind } from '../domain/dataset-kind.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import type { Clock } from '../ports/clock.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';
import type { ObjectStore } from '../ports/object-store.ts';
import type { PresignedUpload, UploadSigner } from '../ports/upload-signer.ts';
import { UPLOAD_METADATA } from './ingest-dataset.ts';

export interface PortalDependencies {
  readonly datasets: DatasetStore;
  readonly objects: ObjectStore;
  readonly signer: UploadSigner;
  readonly clock: Clock;
  readonly settings: {
    readonly uploadsBucket: string;
    readonly reportsBucket: string;
    readonly maxUploadBytes: number;
    /** At most 15 minutes: a leaked form is useless soon after. */
    readonly uploadExpirySeconds: number;
  };
}

/** Who is calling: authenticated upstream, and bound to one anchor. */
export interface Caller {
  readonly anchorId: string;
  readonly name: string;
}

const SAFE_FILE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,199}$/u;

/** A signed form to upload one file into the caller's own anchor folder, nowhere else. */
export async function presignUpload(
  deps: PortalDependencies,
  caller: Caller,
  request: {
    readonly fileName: string;
    readonly kind?: DatasetKind | undefined;
    readonly mappingProfileId?: string | undefined;
  },
): Promise<Result<PresignedUpload>> {
  if (!SAFE_FILE_NAME.test(request.fileName)) {
    return fail('the file name may hold letters, digits, spaces and . _ ( ) - only, and no folder');
  }
  return ok(
    await deps.signer.presignPost({
      bucket: deps.settings.uploadsBucket,
      key: `uploads/${caller.anchorId}/${request.fileName}`,
      maxBytes: deps.settings.maxUploadBytes,
      expiresSeconds: deps.settings.uploadExpirySeconds,
      metadata: {
        [UPLOAD_METADATA.anchor]: caller.anchorId,
        ...(request.kind ? { [UPLOAD_METADATA.kind]: request.kind } : {}),
        ...(request.mappingProfileId ? { [UPLOAD_METADATA.mapping]: request.mappingProfileId } : {}),
      },
    }),
  );
}

export function listOwnDatasets(deps: PortalDependencies, caller: Caller): Promise<DatasetRecord[]> {
  return deps.datasets.listDatasets({ anchorId: caller.anchorId });
}

/** One of the caller's datasets with a short-lived link to its rejects; another anchor's is not found. */
export async function datasetStatus(
  deps: PortalDependencies,
  caller: Caller,
  datasetId: string,
): Promise<{ dataset: DatasetRecord; rejectsUrl: string | undefined } | undefined> {
  const dataset = await deps.datasets.getDataset(datasetId);
  if (!dataset || dataset.anchorId !== caller.anchorId) return undefined;
  const rejectsUrl = dataset.rejectsKey
    ? await deps.signer.presignGet(deps.settings.uploadsBucket, dataset.rejectsKey, 300)
    : undefined;
  return { dataset, rejectsUrl };
}

/** The published reports: one folder per territory, scope, kind and language. */
export async function listReports(deps: PortalDependencies): Promise<string[]> {
  const keys = await deps.objects.list(deps.settings.reportsBucket, 'reports/');
  return keys.filter((key) => key.endsWith('/report.json')).map((key) => key.slice(0, -'report.json'.length));
}
