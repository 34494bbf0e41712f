import { utf8Bytes } from './item-size.ts';

export interface DatasetAnchor {
  readonly id: string;
  readonly name?: string;
}

/**
 * The most the buyers listed on a dataset record may take. A consolidated DECP file names thousands
 * of buyers (ids and names up to `MAX_FIELD_LENGTH` each): listed whole, they would pass the 400 KB
 * item limit and the file could never be recorded. The uploader's own anchor is kept first (the
 * portal reads its name there); the others in the order the file names them, while they fit.
 */
const ANCHORS_BUDGET_BYTES = 64_000;
/** Per listed anchor, beyond its texts: attribute names and map overhead, generously. */
const ANCHOR_OVERHEAD_BYTES = 20;

export function listedAnchors(anchors: readonly DatasetAnchor[], ownAnchorId: string): DatasetAnchor[] {
  const own = anchors.filter((anchor) => anchor.id === ownAnchorId);
  const others = anchors.filter((anchor) => anchor.id !== ownAnchorId);
  const listed: DatasetAnchor[] = [];
  let bytes = 0;
  for (const anchor of [...own, ...others]) {
    bytes += utf8Bytes(anchor.id) + utf8Bytes(anchor.name) + ANCHOR_OVERHEAD_BYTES;
    if (bytes > ANCHORS_BUDGET_BYTES) break;
    listed.push(anchor);
  }
  return listed;
}
