import { SUPPLIER_TYPE_IDS, SUPPLIER_TYPES, type SupplierType } from '../supplier-type.ts';
import { foldForMatch } from '../text.ts';
import { typeFromName } from './name-markers.ts';

/** Words councils' supplier directories use for a type, beyond our own ids and labels. */
const SYNONYMS: readonly (readonly [string, SupplierType])[] = [
  ['sole trader', 'sole-trader'],
  ['individual', 'sole-trader'],
  ['self employed', 'sole-trader'],
  ['entrepreneur individuel', 'sole-trader'],
  ['local authority', 'public'],
  ['public body', 'public'],
  ['public sector', 'public'],
  ['government', 'public'],
  ['organisme public', 'public'],
  ['charity', 'association'],
  ['voluntary', 'association'],
  ['voluntary sector', 'association'],
  ['vcse', 'other-ess'],
  ['social enterprise', 'other-ess'],
  ['cic', 'other-ess'],
  ['ess', 'other-ess'],
  ['mutual', 'mutual'],
  ['mutuelle', 'mutual'],
  ['co operative', 'cooperative'],
  ['cooperative', 'cooperative'],
  ['sme', 'sme'],
  ['pme', 'sme'],
  ['small business', 'sme'],
  ['eti', 'mid-size'],
  ['ge', 'large'],
  ['large company', 'large'],
  ['large business', 'large'],
  ['company', 'company'],
  ['private company', 'company'],
  ['entreprise', 'company'],
];

const BY_FOLDED_LABEL: ReadonlyMap<string, SupplierType> = new Map([
  ...SUPPLIER_TYPE_IDS.flatMap((id) => [
    [foldForMatch(id), id] as const,
    [foldForMatch(SUPPLIER_TYPES[id].fr), id] as const,
    [foldForMatch(SUPPLIER_TYPES[id].en), id] as const,
  ]),
  ...SYNONYMS,
]);

/**
 * The supplier type a stated value means: one of our ids (`sme`), one of our labels in either language,
 * a directory's usual word ("Sole trader", "Local authority"), or else a legal-form word ("Ltd").
 */
export function typeFromLabel(value: string): SupplierType | undefined {
  return BY_FOLDED_LABEL.get(foldForMatch(value)) ?? typeFromName(value)?.type;
}
