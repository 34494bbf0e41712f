import { UNDISCLOSED_SUPPLIER_KEY } from '../supplier-key.ts';
import type { ClassifiedSupplier } from './classified-supplier.ts';
import { amountAndShare, shareOf } from './share.ts';

/** The social and solidarity economy (ESS): the types a CWB reader adds up first. */
export const SOCIAL_ECONOMY_TYPES: readonly string[] = [
  'cooperative',
  'association',
  'mutual',
  'foundation',
  'other-ess',
];
/** SMEs (INSEE's PME includes micro-enterprises) and sole traders, who are micro-enterprises. */
export const SMALL_BUSINESS_TYPES: readonly string[] = ['sme', 'sole-trader'];
/** Businesses whose size is known, small or not. */
const SIZED_TYPES: readonly string[] = [...SMALL_BUSINESS_TYPES, 'mid-size', 'large'];
/** A company of unknown size, or a supplier of unknown type: either could be small. */
const SIZE_UNKNOWN_TYPES: readonly string[] = ['company', 'unknown'];

function centsOf(suppliers: readonly ClassifiedSupplier[], types: readonly string[]): number {
  let cents = 0;
  for (const supplier of suppliers) if (types.includes(supplier.type)) cents += supplier.influenceableCents;
  return cents;
}

/** One ESS total across its types, with the number of suppliers paid. */
export function socialEconomyOf(suppliers: readonly ClassifiedSupplier[], influenceableCents: number) {
  const named = suppliers.filter(
    (s) => s.key !== UNDISCLOSED_SUPPLIER_KEY && SOCIAL_ECONOMY_TYPES.includes(s.type),
  );
  return {
    ...amountAndShare(centsOf(suppliers, SOCIAL_ECONOMY_TYPES), influenceableCents),
    suppliers: named.length,
    types: [...SOCIAL_ECONOMY_TYPES],
  };
}

/**
 * The small-business share with the spend of unknown size beside it. Without a single business of
 * known size, the share is null: nothing says the businesses paid are not small.
 */
export function smallBusinessesOf(suppliers: readonly ClassifiedSupplier[], influenceableCents: number) {
  const smallCents = centsOf(suppliers, SMALL_BUSINESS_TYPES);
  const unknownCents = centsOf(suppliers, SIZE_UNKNOWN_TYPES);
  const sizedCents = centsOf(suppliers, SIZED_TYPES);
  return {
    amount: amountAndShare(smallCents, influenceableCents).amount,
    share: sizedCents > 0 ? shareOf(smallCents, influenceableCents) : null,
    sizeUnknownAmount: amountAndShare(unknownCents, influenceableCents).amount,
    sizeUnknownShare: shareOf(unknownCents, influenceableCents),
    types: [...SMALL_BUSINESS_TYPES],
  };
}
