import { UPLOAD_METADATA } from '../use-cases/ingest-dataset.ts';

const ANCHOR_FIELD = `x-amz-meta-${UPLOAD_METADATA.anchor}`;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function text(value: Buffer | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return STRICT_UTF8.decode(value);
  } catch {
    return undefined;
  }
}

/** Not empty, not `.` or `..`, no backslash and no control character. */
function isPlainSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..') return false;
  return [...segment].every((character) => character !== '\\' && character >= ' ' && character !== '\u007f');
}

/**
 * What real S3 would enforce through the presigned form's policy (the exact key, the anchor
 * metadata), which the emulator does not: the key lies in `uploads/<the signed-in anchor>/`, with
 * no empty, `.` or `..` segment for the emulator's file store to resolve elsewhere, and the anchor
 * the ingest will credit is that same one. The reason for a refusal, or undefined when the form may go.
 */
export function uploadFieldsRefusal(
  fields: ReadonlyMap<string, Buffer>,
  anchorId: string,
): string | undefined {
  const key = text(fields.get('key'));
  if (key === undefined) return 'The form has no readable key';
  const [root, anchor, ...rest] = key.split('/');
  if (root !== 'uploads' || anchor !== anchorId || rest.length === 0) {
    return 'This upload is not in your institution’s folder';
  }
  if (rest.some((segment) => !isPlainSegment(segment))) {
    return 'The key of this upload is not a plain file name';
  }
  if (text(fields.get(ANCHOR_FIELD)) !== anchorId) {
    return 'This upload does not name your institution as its owner';
  }
  return undefined;
}
