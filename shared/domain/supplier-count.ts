import { UNDISCLOSED_SUPPLIER_KEY } from './supplier-key.ts';

/** What counting suppliers needs of a rollup: whom it pays, and whether its value is spend. */
export interface CountedRollup {
  readonly supplier: { readonly key: string };
  readonly segment?: 'concession' | undefined;
}

/**
 * How many suppliers some rollups pay: their distinct supplier keys. A supplier paid by two buyers
 * of one file is one supplier; a concession's holder is paid by the concession's users, not by the
 * buyer (its value is never spend); the undisclosed supplier gathers every line whose payee is
 * withheld, maybe many payees, none of them known, and is not one. A report's supplier count (which
 * the CLI prints) and a dataset's (which the portal shows) are both this one rule.
 */
export function supplierCount(rollups: Iterable<CountedRollup>): number {
  const keys = new Set<string>();
  for (const { supplier, segment } of rollups) {
    if (segment !== 'concession' && supplier.key !== UNDISCLOSED_SUPPLIER_KEY) keys.add(supplier.key);
  }
  return keys.size;
}
