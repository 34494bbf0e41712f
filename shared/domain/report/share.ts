import { formatCentsAsUnits } from '../money.ts';

/** Amount in units and share of a whole, both from integer cents. */
export function amountAndShare(cents: number, wholeCents: number): { amount: number; share: number } {
  return { amount: formatCentsAsUnits(cents), share: shareOf(cents, wholeCents) };
}

export function shareOf(cents: number, wholeCents: number): number {
  return wholeCents === 0 ? 0 : Math.round((cents / wholeCents) * 1e6) / 1e6;
}

export function addCents(map: Map<string, number>, key: string, cents: number): void {
  map.set(key, (map.get(key) ?? 0) + cents);
}
