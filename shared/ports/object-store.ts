import type { ObjectLocation } from '../domain/dataset.ts';

export interface StoredObject {
  readonly body: AsyncIterable<Uint8Array>;
  readonly sizeBytes: number;
  /** User metadata (`x-amz-meta-*`), keys lower-cased. */
  readonly metadata: ReadonlyMap<string, string>;
  readonly eTag: string | undefined;
  readonly versionId: string | undefined;
  /** When S3 stored this upload (ISO, to the second): the same whichever event is delivered first. */
  readonly lastModified?: string | undefined;
}

/** Reads objects as streams (never whole) and writes small ones: rejects, reports, exports. */
export interface ObjectStore {
  /** `undefined` when the object no longer exists (deleted after its event was sent). */
  open(location: ObjectLocation): Promise<StoredObject | undefined>;
  put(
    location: Omit<ObjectLocation, 'versionId' | 'eTag'>,
    body: string | Uint8Array,
    contentType: string,
  ): Promise<void>;
  readText(location: Omit<ObjectLocation, 'versionId' | 'eTag'>): Promise<string | undefined>;
  /** Keys under a prefix, all of them (paginated behind the scenes). */
  list(bucket: string, prefix: string): Promise<string[]>;
}
