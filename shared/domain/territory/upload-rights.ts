import { CONSORTIUM_UPLOADER } from './consortium.ts';
import type { Anchor, Territory } from './territory.ts';

/**
 * The institution an id stands for: a French SIRET names an establishment of the legal unit its
 * first nine digits (the SIREN) name, so a city's town hall and its other sites are one institution.
 * Spaces, dots and dashes a file writes in an id are not part of it.
 */
export function institutionOf(id: string): string {
  const trimmed = id.trim();
  const digits = trimmed.replace(/[\s.-]/g, '');
  if (/^\d{14}$/.test(digits)) return digits.slice(0, 9);
  if (/^\d{9}$/.test(digits)) return digits;
  return trimmed.toLowerCase();
}

export const sameInstitution = (a: string, b: string): boolean => institutionOf(a) === institutionOf(b);

/** The territory's anchor an id names, itself or through one of its satellites. */
export function anchorOfBody(territory: Territory | undefined, id: string): Anchor | undefined {
  return territory?.anchors.find(
    (anchor) =>
      sameInstitution(anchor.id, id) ||
      anchor.satellites.some((satellite) => sameInstitution(satellite.id, id)),
  );
}

/** Who an upload comes from, and for which buyers its lines may count. */
export interface UploadRights {
  readonly uploaderId: string;
  /**
   * Why a line naming this buyer cannot be counted from this upload, in words for the officer;
   * undefined when it can.
   */
  refusal(buyerId: string): string | undefined;
}

/**
 * The rule that keeps one institution's file out of another's figures: an anchor uploads lines for
 * itself and the satellites the territory declares for it; the consortium administrators upload
 * consortium-wide files (a département's DECP extract) for every buyer. An uploader the territory
 * does not list uploads for itself only.
 */
export function uploadRightsOf(territory: Territory | undefined, uploaderId: string): UploadRights {
  if (uploaderId === CONSORTIUM_UPLOADER) return { uploaderId, refusal: () => undefined };
  const own = territory?.anchors.find((anchor) => sameInstitution(anchor.id, uploaderId));
  const bodies = [uploaderId, ...(own?.satellites.map((satellite) => satellite.id) ?? [])];
  const allowed = new Set(bodies.map(institutionOf));
  const uploaderName = own ? `${own.name} (${own.id})` : uploaderId;
  return {
    uploaderId,
    refusal(buyerId) {
      if (allowed.has(institutionOf(buyerId))) return undefined;
      const named = anchorOfBody(territory, buyerId);
      const buyer = named ? `${named.name} (${buyerId})` : buyerId;
      return `this line's buyer is ${buyer}, not ${uploaderName} nor a satellite the territory declares for it: only that buyer, or the consortium administrator, may upload its spend`;
    },
  };
}

/**
 * Whether a line uploaded by `uploaderId` for `buyerId` counts in the report of `anchorId`: the buyer
 * is that anchor or one of its satellites, and the uploader may upload for the buyer.
 */
export function countsForAnchor(
  territory: Territory | undefined,
  anchorId: string,
  line: { readonly uploaderId: string; readonly buyerId: string },
): boolean {
  const anchor = territory?.anchors.find((candidate) => candidate.id === anchorId);
  const family = [anchorId, ...(anchor?.satellites.map((satellite) => satellite.id) ?? [])];
  if (!family.some((id) => sameInstitution(id, line.buyerId))) return false;
  return uploadRightsOf(territory, line.uploaderId).refusal(line.buyerId) === undefined;
}
