import type { SupplierIdentifier } from './identifiers.ts';
import { normaliseSupplierName } from './supplier-name.ts';
import { memoised } from './text.ts';

/** The key under which spend with one supplier is rolled up. */
export const UNDISCLOSED_SUPPLIER_KEY = 'undisclosed';

/**
 * The same key string for every line of one supplier: maps keyed by it (the rollups) then hash it
 * once, instead of flattening and hashing a string built afresh for each line.
 */
const siretKey = memoised((siret: string) => `siret:${siret}`, 100_000);
const sirenKey = memoised((siren: string) => `siren:${siren}`, 100_000);

/**
 * Identity in order of strength: SIRET > SIREN > VAT / company number > normalised name (+ postcode,
 * since two "Boulangerie Martin" in two towns are two suppliers).
 */
export function supplierKeyOf(input: {
  identifier?: SupplierIdentifier | undefined;
  name?: string | undefined;
  postcode?: string | undefined;
}): string {
  const { identifier } = input;
  if (identifier) {
    switch (identifier.scheme) {
      case 'siret':
        return siretKey(identifier.value);
      case 'siren':
        return sirenKey(identifier.value);
      case 'vat':
        return `vat:${identifier.value}`;
      case 'company-number':
        return `company:${identifier.value}`;
    }
  }
  const name = normaliseSupplierName(input.name ?? '');
  if (name === '') return UNDISCLOSED_SUPPLIER_KEY;
  return input.postcode ? `name:${name}@${input.postcode}` : `name:${name}`;
}
