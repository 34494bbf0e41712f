import { CONSORTIUM_UPLOADER } from '../territory/consortium.ts';

/** A buyer as a report names it: the territory's name for an anchor, else the name its lines give, else its id. */
export function buyerName(
  id: string,
  territoryName: string | undefined,
  lineName: string | undefined,
): string {
  return territoryName ?? lineName ?? id;
}

/**
 * Whether a report's buyer is unknown. The lines of a file that names no buyer count for whoever
 * uploaded it; uploaded by the consortium administrators (the CLI without `--anchor`), they count
 * under the administrators' folder id, which no anchor takes, and when the file gives no buyer name
 * either, `buyerName` has only that id to show: who bought is not known, and a report says so rather
 * than calling the consortium an anchor institution.
 */
export function isUnknownBuyer(anchor: { readonly id: string; readonly name: string }): boolean {
  return anchor.id === CONSORTIUM_UPLOADER && anchor.name === CONSORTIUM_UPLOADER;
}
