import type { SupplierProfile } from '../supplier-profile.ts';

export type CompanySize = 'sme' | 'mid-size' | 'large' | 'company';

const OF_SIZE_CATEGORY = { PME: 'sme', ETI: 'mid-size', GE: 'large' } as const;

/**
 * SIRENE `trancheEffectifs*` codes by employees: 00 (none at year end) … 31 (200–249) are below the
 * SME ceiling of 250; 32 (250–499) … 51 (2 000–4 999) are mid-size; 52 (5 000–9 999) and 53 (10 000+)
 * are large. `NN` (no employees at all that year) says nothing about size.
 */
const OF_HEADCOUNT_BAND: ReadonlyMap<string, CompanySize> = new Map([
  ...['00', '01', '02', '03', '11', '12', '21', '22', '31'].map((band) => [band, 'sme'] as const),
  ...['32', '41', '42', '51'].map((band) => [band, 'mid-size'] as const),
  ...['52', '53'].map((band) => [band, 'large'] as const),
]);

/**
 * A company's size: INSEE's `categorieEntreprise` (PME / ETI / GE, which also weighs turnover and
 * group links) when known, else its headcount band alone (employees only: an approximation), else
 * `company` (size not known). Facts guessed from the name are not evidence of size.
 */
export function companySize(profile: SupplierProfile | undefined): { type: CompanySize; detail?: string } {
  const category = profile?.sizeCategory;
  if (category && category.source !== 'name') {
    return { type: OF_SIZE_CATEGORY[category.value], detail: `categorieEntreprise ${category.value}` };
  }
  const band = profile?.headcountBand;
  if (band && band.source !== 'name') {
    const code = band.value.trim();
    const size = OF_HEADCOUNT_BAND.get(code);
    if (size) return { type: size, detail: `trancheEffectifs ${code}` };
  }
  return { type: 'company' };
}
