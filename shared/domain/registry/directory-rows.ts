import { normaliseCountry, normaliseFrenchPostcode, normaliseUkPostcode } from '../address.ts';
import { parseSupplierIdentifier } from '../identifiers.ts';
import { fail, ok, type Result } from '../result.ts';
import { supplierKeyOf } from '../supplier-key.ts';
import { foldForMatch } from '../text.ts';
import { NATURAL_PERSON_FLAG_COLUMNS, naturalPersonFromLabel } from '../typing/natural-person.ts';
import { typeFromLabel } from '../typing/supplier-type-label.ts';
import type { DirectoryFacts } from './supplier-facts.ts';

const FIELDS = {
  name: ['Supplier Name', 'Supplier', 'Name', 'Nom', 'Fournisseur', 'Tiers', 'Raison sociale', 'Beneficiary'],
  identifier: ['SIRET', 'SIREN', 'VAT Number', 'N° TVA'],
  companyNumber: ['Company Number', 'Company No', 'Registered Company Number'],
  postcode: ['Postcode', 'Post Code', 'Code postal', 'CP'],
  country: ['Country', 'Pays'],
  localAuthority: ['Local Authority', 'Local Authority Code', 'LA Code', 'ONS Code'],
  type: ['Type', 'Supplier Type', 'Type de fournisseur', 'Catégorie'],
} as const;
type Field = keyof typeof FIELDS;

/** Yes/no columns councils keep, and the type each one means. */
const FLAGS: readonly (readonly [string, string])[] = [
  ['Cooperative', 'cooperative'],
  ['Co-operative', 'cooperative'],
  ['Coopérative', 'cooperative'],
  ['Charity', 'association'],
  ['VCSE', 'other-ess'],
  ['ESS', 'other-ess'],
  ['Public Body', 'public'],
  ['Public', 'public'],
  ['SME', 'sme'],
  ['PME', 'sme'],
];

const YES = new Set(['y', 'yes', 'o', 'oui', 'true', '1', 'x']);

export interface DirectoryHeader {
  readonly columns: ReadonlyMap<Field, number>;
  readonly flags: readonly (readonly [number, string])[];
  /** Yes/no columns that say the payee is a private individual. */
  readonly personFlags: readonly number[];
}

export function recogniseDirectoryHeader(cells: readonly string[]): Result<DirectoryHeader> {
  const folded = cells.map(foldForMatch);
  const columns = new Map<Field, number>();
  for (const [field, aliases] of Object.entries(FIELDS) as [Field, readonly string[]][]) {
    const index = aliases.map((alias) => folded.indexOf(foldForMatch(alias))).find((found) => found >= 0);
    if (index !== undefined) columns.set(field, index);
  }
  if (!columns.has('name'))
    return fail(`a supplier directory needs a supplier name column (one of: ${FIELDS.name.join(', ')})`);
  if (
    ![...columns.keys()].some((field) => field !== 'name') &&
    ![...FLAGS.map(([flag]) => flag), ...NATURAL_PERSON_FLAG_COLUMNS].some((flag) =>
      folded.includes(foldForMatch(flag)),
    )
  ) {
    return fail(
      'the supplier directory says nothing beyond names: add postcodes, identifiers or type columns',
    );
  }
  const flags = FLAGS.flatMap(([flag, type]) => {
    const index = folded.indexOf(foldForMatch(flag));
    return index >= 0 ? [[index, type] as const] : [];
  });
  const personFlags = NATURAL_PERSON_FLAG_COLUMNS.map((flag) => folded.indexOf(foldForMatch(flag))).filter(
    (index) => index >= 0,
  );
  return ok({ columns, flags, personFlags });
}

/**
 * One directory line → facts filed under every key the spending files may give that supplier: its
 * identifier, its name, and its name with a French postcode.
 */
export function directoryFactsOf(
  cells: readonly string[],
  header: DirectoryHeader,
  anchorId: string,
  asOf: string,
): Result<DirectoryFacts[]> {
  const get = (field: Field) => {
    const index = header.columns.get(field);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const name = get('name');
  if (!name) return fail('the supplier name is empty');
  // A company-number column holds UK numbers (01234567, SC123456): never read them as VAT numbers.
  const identifier = get('identifier')
    ? parseSupplierIdentifier(get('identifier'))
    : parseSupplierIdentifier(get('companyNumber'), 'company-number');
  if (!identifier.ok) return fail(identifier.reason);
  const country = normaliseCountry(get('country'));
  const rawPostcode = get('postcode');
  const ukPostcode = normaliseUkPostcode(rawPostcode);
  const frPostcode = ukPostcode ? undefined : normaliseFrenchPostcode(rawPostcode);
  const postcode = ukPostcode ?? frPostcode;
  const typeWord = get('type') ? typeFromLabel(get('type')) : undefined;
  const flagged = header.flags.find(([index]) => YES.has(foldForMatch(cells[index] ?? '')))?.[1];
  const supplierType = typeWord ?? flagged;
  const naturalPerson =
    naturalPersonFromLabel(get('type')) ||
    header.personFlags.some((index) => YES.has(foldForMatch(cells[index] ?? '')));
  const id = identifier.value;
  const base: Omit<DirectoryFacts, 'supplierKey'> = {
    kind: 'directory',
    anchorId,
    name,
    ...(postcode || country || get('localAuthority')
      ? {
          place: {
            ...(postcode ? { postcode } : {}),
            ...(country ? { country } : {}),
            ...(get('localAuthority') ? { localAuthority: get('localAuthority') } : {}),
          },
        }
      : {}),
    ...(id?.scheme === 'siret' ? { siret: id.value } : {}),
    ...(id?.scheme === 'siren' ? { siren: id.value } : {}),
    ...(id?.scheme === 'company-number' ? { companyNumber: id.value } : {}),
    ...(get('localAuthority') ? { localAuthority: get('localAuthority') } : {}),
    ...(supplierType ? { supplierType } : {}),
    ...(naturalPerson ? { naturalPerson } : {}),
    asOf,
  };
  const keys = new Set([
    supplierKeyOf({ name }),
    // Spending files key a supplier by name and postcode when they have one, French or British.
    ...(postcode ? [supplierKeyOf({ name, postcode })] : []),
    ...(id ? [supplierKeyOf({ identifier: id })] : []),
  ]);
  return ok([...keys].map((supplierKey) => ({ ...base, supplierKey })));
}
