import type { ObjectLocation } from './dataset.ts';

/** The anchor an upload belongs to is the first folder under `uploads/`: `uploads/<anchorId>/<file>`. */
export function anchorOfUploadKey(key: string): string | undefined {
  const match = /^uploads\/([^/]+)\/.+/.exec(key);
  return match?.[1];
}

export function fileNameOfKey(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/**
 * The text a dataset id is hashed from: the same object version always gives the same dataset, so a
 * redelivered event finds the dataset it already created.
 */
export function datasetIdentityText(location: ObjectLocation): string {
  return [location.bucket, location.key, location.versionId ?? location.eTag ?? ''].join('\u0000');
}
