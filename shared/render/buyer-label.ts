import { isUnknownBuyer } from '../domain/report/buyer-name.ts';
import type { Labels } from './labels.ts';

/** A buyer's name where a report lists buyers: an unknown one is said to be unknown, never "consortium". */
export function buyerLabel(anchor: { readonly id: string; readonly name: string }, L: Labels): string {
  return isUnknownBuyer(anchor) ? L.meta.unknownBuyer : anchor.name;
}
