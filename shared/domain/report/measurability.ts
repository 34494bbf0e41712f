import { shareOf } from './share.ts';

/**
 * The least share of influenceable spend whose place (or type) must be known before a share is
 * headlined. Below it the unknown part could hold most of the answer, so a figure computed from the
 * known part would read as a measurement it is not (docs/method.md, "When a share cannot be measured").
 */
export const MIN_KNOWN_SHARE = 0.5;

/** A share is measurable when the spend it is computed from is known for at least MIN_KNOWN_SHARE. */
export function isMeasurable(knownShare: number, wholeCents: number): boolean {
  return wholeCents > 0 && knownShare >= MIN_KNOWN_SHARE;
}

/** The share of a whole that is known, given the unknown part, both in cents. */
export function knownShareOf(unknownCents: number, wholeCents: number): number {
  return shareOf(wholeCents - unknownCents, wholeCents);
}
