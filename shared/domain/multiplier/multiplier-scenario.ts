import { centsTimes } from './cents-times.ts';

/** Ratios as a report states them: four decimals, so a reader redoes the sums with the figures shown. */
export const roundRatio = (ratio: number): number => Math.round(ratio * 1e4) / 1e4;

/**
 * Northumberland's question: what would moving a share of the spend that leaves the territory to
 * local suppliers add to the local economy? Each unit moved is worth `perLocal` locally instead of
 * `perOutside`, so the shift adds shifted × (perLocal − perOutside), every figure shown.
 */
export interface MultiplierScenario {
  /** The share moved (the territory's `scenarioShift`, 10 % by default). */
  readonly shift: number;
  /** Spend with suppliers known to be outside the local ring (never the spend of unknown locality). */
  readonly nonLocalCents: number;
  readonly shiftedCents: number;
  readonly perLocal: number;
  readonly perOutside: number;
  /** perLocal − perOutside, four decimals. */
  readonly difference: number;
  readonly addedCents: number;
}

export function multiplierScenario(
  shift: number,
  nonLocalCents: number,
  perLocal: number,
  perOutside: number,
): MultiplierScenario {
  const shiftedCents = centsTimes(nonLocalCents, shift);
  const difference = roundRatio(perLocal - perOutside);
  return {
    shift,
    nonLocalCents,
    shiftedCents,
    perLocal,
    perOutside,
    difference,
    addedCents: centsTimes(shiftedCents, Math.max(0, difference)),
  };
}
