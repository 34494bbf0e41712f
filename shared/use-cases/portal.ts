import type { DatasetKind } from '../domain/dataset-kind.ts';
import { CONSORTIUM_UPLOADER } from '../domain/territory/consortium.ts';
import type { Clock } from '../ports/clock.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';
import type { LineFiles } from '../ports/line-files.ts';
import type { MappingProfiles } from '../ports/mapping-profiles.ts';
import type { ObjectStore } from '../ports/object-store.ts';
import type { ProfileStore } from '../ports/profile-store.ts';
import type { ReportRebuilds } from '../ports/report-rebuilds.ts';
import type { TerritoryCatalog } from '../ports/territory-catalog.ts';
import type { PresignedUpload, UploadSigner } from '../ports/upload-signer.ts';
import { UPLOAD_METADATA } from './ingest-dataset.ts';
import { institutionName } from './institution-name.ts';

/** Everything the portal's use cases reach: each one takes only the part it needs. */
export interface PortalDependencies {
  readonly datasets: DatasetStore;
  /** Read only: the lines behind a supplier's figure. */
  readonly lineFiles: LineFiles;
  readonly objects: ObjectStore;
  readonly profiles: ProfileStore;
  readonly mappings: MappingProfiles;
  readonly territories: TerritoryCatalog;
  readonly signer: UploadSigner;
  /** Undefined where nothing listens for rebuild requests (a bare local stack). */
  readonly rebuilds: ReportRebuilds | undefined;
  readonly clock: Clock;
  readonly settings: {
    readonly uploadsBucket: string;
    readonly reportsBucket: string;
    readonly territoryId: string;
    /** Where HTML reports open from: the reports site in AWS, `/reports/` under `ancrage serve`. */
    readonly reportsBaseUrl: string;
    readonly maxUploadBytes: number;
    /** At most 15 minutes: a leaked form is useless soon after. */
    readonly uploadExpirySeconds: number;
  };
}

/** Who is calling: authenticated upstream, and bound to one anchor. */
export interface Caller {
  readonly anchorId: string;
  readonly name: string;
  /** May upload consortium-wide files, which count for every anchor they name. */
  readonly consortiumAdministrator: boolean;
}

/**
 * The upload folders whose datasets the caller sees: their institution's, and the consortium's for
 * its administrators.
 */
export function uploadersVisibleTo(caller: Caller): string[] {
  return caller.consortiumAdministrator && caller.anchorId !== CONSORTIUM_UPLOADER
    ? [caller.anchorId, CONSORTIUM_UPLOADER]
    : [caller.anchorId];
}

/** A signed upload form, or why none is given; `forbidden` when the caller's role does not allow it. */
export type UploadSigning =
  | { readonly ok: true; readonly value: PresignedUpload }
  | { readonly ok: false; readonly reason: string; readonly forbidden: boolean };

const refused = (reason: string, forbidden = false): UploadSigning => ({ ok: false, reason, forbidden });

const SAFE_FILE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,199}$/u;

/**
 * A signed form to upload one file into the caller's own anchor folder, or, for a consortium
 * administrator who asks, the consortium's; nowhere else.
 */
export async function presignUpload(
  deps: Pick<PortalDependencies, 'signer' | 'mappings' | 'settings'>,
  caller: Caller,
  request: {
    readonly fileName: string;
    readonly kind?: DatasetKind | undefined;
    readonly mappingProfileId?: string | undefined;
    /** `consortium`: a consortium-wide file, uploaded by a consortium administrator. */
    readonly scope?: 'anchor' | 'consortium' | undefined;
  },
): Promise<UploadSigning> {
  if (!SAFE_FILE_NAME.test(request.fileName)) {
    return refused('the file name may hold letters, digits, spaces and . _ ( ) - only, and no folder');
  }
  if (request.scope === 'consortium' && !caller.consortiumAdministrator) {
    return refused(
      'only a consortium administrator may upload a file for the whole consortium: upload it for your institution',
      true,
    );
  }
  const uploader = request.scope === 'consortium' ? CONSORTIUM_UPLOADER : caller.anchorId;
  // Checked now rather than at ingest: the officer hears of a wrong profile before uploading.
  if (request.mappingProfileId && !(await deps.mappings.get(uploader, request.mappingProfileId))) {
    return refused(
      uploader === caller.anchorId
        ? `your institution has no mapping profile "${request.mappingProfileId}"`
        : `the consortium has no mapping profile "${request.mappingProfileId}"`,
    );
  }
  return {
    ok: true,
    value: await deps.signer.presignPost({
      bucket: deps.settings.uploadsBucket,
      key: `uploads/${uploader}/${request.fileName}`,
      maxBytes: deps.settings.maxUploadBytes,
      expiresSeconds: deps.settings.uploadExpirySeconds,
      metadata: {
        [UPLOAD_METADATA.anchor]: uploader,
        ...(request.kind ? { [UPLOAD_METADATA.kind]: request.kind } : {}),
        ...(request.mappingProfileId ? { [UPLOAD_METADATA.mapping]: request.mappingProfileId } : {}),
      },
    }),
  };
}

/** The caller, with their institution's name when the territory or their own files give it. */
export async function describeCaller(
  deps: Pick<PortalDependencies, 'territories' | 'datasets' | 'settings'>,
  caller: Caller,
): Promise<{ name: string; anchorId: string; anchorName: string | null; consortiumAdministrator: boolean }> {
  return {
    name: caller.name,
    anchorId: caller.anchorId,
    anchorName: await institutionName(deps, caller.anchorId),
    consortiumAdministrator: caller.consortiumAdministrator,
  };
}
