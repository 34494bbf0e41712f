import type { SupplierIdentifier } from './identifiers.ts';
import { normaliseSupplierName } from './supplier-name.ts';

/** The key under which spend with one supplier is rolled up. */
export const UNDISCLOSED_SUPPLIER_KEY = 'undisclosed';

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
        return `siret:${identifier.value}`;
      case 'siren':
        return `siren:${identifier.value}`;
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
