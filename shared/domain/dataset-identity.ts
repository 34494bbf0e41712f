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
 * The text a dataset id is hashed from: a redelivered event gives the same dataset, a new upload of
 * the same key (even with the same bytes) a new one. The version id (versioned bucket) or the event
 * sequencer tell uploads apart; the ETag alone would not, as it is the content's MD5.
 */
export function datasetIdentityText(location: ObjectLocation): string {
  const upload = location.versionId ?? location.sequencer ?? location.eTag ?? '';
  return [location.bucket, location.key, upload].join('\u0000');
}

/**
 * The order of two uploads of the same key: S3's event sequencer grows with each upload of a key
 * (hex, compared at equal length); without one, the time the dataset was received.
 */
export function uploadOrder(
  a: { source: ObjectLocation; receivedAt: string },
  b: { source: ObjectLocation; receivedAt: string },
): number {
  const sa = a.source.sequencer;
  const sb = b.source.sequencer;
  if (sa && sb) {
    const width = Math.max(sa.length, sb.length);
    return ordinal(sa.padStart(width, '0').toUpperCase(), sb.padStart(width, '0').toUpperCase());
  }
  return ordinal(a.receivedAt, b.receivedAt);
}

function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Which of two datasets with the same content came first, the one that counts it: the earlier
 * upload (S3's LastModified, to the second), then the key, then the upload order of that key. None of
 * these depends on the order in which their events are delivered; the time received is used only for
 * records that have no upload time.
 */
export function contentOrder(
  a: { id: string; source: ObjectLocation; receivedAt: string; uploadedAt?: string | undefined },
  b: { id: string; source: ObjectLocation; receivedAt: string; uploadedAt?: string | undefined },
): number {
  const byTime =
    a.uploadedAt && b.uploadedAt ? ordinal(a.uploadedAt, b.uploadedAt) : ordinal(a.receivedAt, b.receivedAt);
  return byTime || ordinal(a.source.key, b.source.key) || uploadOrder(a, b) || ordinal(a.id, b.id);
}
