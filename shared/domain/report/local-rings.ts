import { ABROAD, type Territory, UNKNOWN } from '../territory/territory.ts';

/** The rings that count as local in the headline: the local ring and every ring inside it. */
export function localRings(territory: Territory, upTo: string = territory.localRing): ReadonlySet<string> {
  const index = territory.rings.findIndex((ring) => ring.id === upTo);
  return new Set(territory.rings.slice(0, index + 1).map((ring) => ring.id));
}

/** Known to be outside the local rings: where money leaks. Unknown is not counted as a leak. */
export function isLeaking(ring: string, local: ReadonlySet<string>): boolean {
  return ring !== UNKNOWN && (ring === ABROAD || !local.has(ring));
}
