import { SURVEY_LIMITS } from '../../../../shared/contracts/portal-api.ts';

/**
 * The suppliers ticked, kept while the officer turns the pages of candidates, by key in the order
 * ticked. Ticking past the API's bound is refused, not silently dropped.
 */
export class CandidateSelection {
  private readonly chosen = new Set<string>();

  has(key: string): boolean {
    return this.chosen.has(key);
  }

  get size(): number {
    return this.chosen.size;
  }

  get keys(): readonly string[] {
    return [...this.chosen];
  }

  /** Ticks or unticks; false when ticking one more would pass the bound (the tick is not kept). */
  set(key: string, ticked: boolean): boolean {
    if (!ticked) {
      this.chosen.delete(key);
      return true;
    }
    if (!this.chosen.has(key) && this.chosen.size >= SURVEY_LIMITS.maxSuppliersPerOpening) return false;
    this.chosen.add(key);
    return true;
  }

  clear(): void {
    this.chosen.clear();
  }
}

/** The links' validity as typed: a whole number of days within the API's bounds, else undefined. */
export function parseValidDays(text: string): number | undefined {
  // Digits only: the bounds are SURVEY_LIMITS' alone.
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const days = Number(text);
  return days >= SURVEY_LIMITS.minValidDays && days <= SURVEY_LIMITS.maxValidDays ? days : undefined;
}
