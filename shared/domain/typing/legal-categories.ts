import type { SupplierType } from '../supplier-type.ts';
import { LEGAL_CATEGORY_ROWS, type SuggestedCategory } from './legal-category-rows.ts';

/** The supplier types a legal category can give before the ESS flag and size refine it. */
export type LegalCategoryType = Extract<
  SupplierType,
  | 'public'
  | 'public-owned'
  | 'cooperative'
  | 'association'
  | 'mutual'
  | 'foundation'
  | 'sole-trader'
  | 'company'
  | 'unknown'
>;

export interface LegalCategory {
  readonly label: string;
  /** The level-II code (the first two digits), e.g. `54` for the SARL family. */
  readonly level2: string;
  /** The supplier type this legal form gives: the CSV's suggestion, corrected where noted below. */
  readonly cwb: LegalCategoryType;
  /** The CSV's suggested subcategory (`scop`, `sem_economie_mixte`, `epic_regie` …), kept as detail. */
  readonly sub: string;
}

/**
 * The CSV's categories that are supplier types, spelled as ids. `foreign` and `other` are not types:
 * a foreign company is a company (sized like any other), and the private bodies the CSV leaves as
 * `other` (works councils, trade unions, professional orders, co-ownership syndicates, provident
 * institutions, funds…) are none of our types, so their type is `unknown` unless a departure says otherwise.
 */
const TYPE_OF_SUGGESTION: Readonly<Record<SuggestedCategory, LegalCategoryType>> = {
  public: 'public',
  cooperative: 'cooperative',
  association: 'association',
  mutual: 'mutual',
  foundation: 'foundation',
  sole_trader: 'sole-trader',
  company: 'company',
  foreign: 'company',
  other: 'unknown',
};

const SEM = 'DESIGN §6: a société d’économie mixte is a publicly owned company; the CSV says company';
const UNINCORPORATED_BUSINESS =
  'a business carried on without legal personality (indivision, de facto or joint-venture partnership, ' +
  'fiducie, VAT group): a company for our purposes, sized like one; the CSV says other';
const FOREIGN_PUBLIC = 'a foreign state, public body or international organisation is a public body';

/**
 * Where the typing departs from the CSV's `cwb_category_suggested`, and why. Everything else follows
 * the CSV, which already agrees with DESIGN §6 (4xxx and 7xxx public, the cooperative codes, 92xx
 * associations, 82xx and 6411 mutuals, 9300 foundations, 1000 sole traders; tests hold it to that).
 * Kept as suggested although DESIGN is silent: 81xx social-security bodies stay public (URSSAF, CPAM:
 * private law, public service), SA d'HLM 5546/5646 and caisses d'épargne 6100 stay companies.
 */
export const LEGAL_CATEGORY_DEPARTURES: ReadonlyMap<
  string,
  { readonly cwb: LegalCategoryType; readonly why: string }
> = new Map([
  ['5415', { cwb: 'public-owned', why: SEM }],
  ['5515', { cwb: 'public-owned', why: SEM }],
  ['5615', { cwb: 'public-owned', why: SEM }],
  [
    '5191',
    {
      cwb: 'cooperative',
      why:
        'a société de caution mutuelle is a cooperative company (level II 51, "société coopérative ' +
        'commerciale particulière"), not a mutual: DESIGN §6 keeps mutuals to 82xx and 6411',
    },
  ],
  ['2110', { cwb: 'company', why: UNINCORPORATED_BUSINESS }],
  ['2120', { cwb: 'company', why: UNINCORPORATED_BUSINESS }],
  ['2210', { cwb: 'company', why: UNINCORPORATED_BUSINESS }],
  ['2220', { cwb: 'company', why: UNINCORPORATED_BUSINESS }],
  ['2310', { cwb: 'company', why: UNINCORPORATED_BUSINESS }],
  ['2320', { cwb: 'company', why: UNINCORPORATED_BUSINESS }],
  ['2385', { cwb: 'company', why: UNINCORPORATED_BUSINESS }],
  ['2400', { cwb: 'company', why: UNINCORPORATED_BUSINESS }],
  ['2800', { cwb: 'company', why: UNINCORPORATED_BUSINESS }],
  ['3110', { cwb: 'public', why: FOREIGN_PUBLIC }],
  ['3205', { cwb: 'public', why: FOREIGN_PUBLIC }],
  ['3210', { cwb: 'public', why: FOREIGN_PUBLIC }],
  ['3290', { cwb: 'unknown', why: 'any other foreign legal person: nothing says which type it is' }],
]);

/** INSEE legal categories (level III) by code, with the supplier type each gives. */
export const LEGAL_CATEGORIES: ReadonlyMap<string, LegalCategory> = new Map(
  LEGAL_CATEGORY_ROWS.map(([code, label, level2, suggested, sub]) => [
    code,
    { label, level2, cwb: LEGAL_CATEGORY_DEPARTURES.get(code)?.cwb ?? TYPE_OF_SUGGESTION[suggested], sub },
  ]),
);

/** A catégorie juridique as written in files (` 57.10 `) to its four-digit code (`5710`). */
export const legalCategoryCode = (value: string): string => value.replace(/[\s.]/g, '');

/** The legal category of a SIRENE `categorieJuridiqueUniteLegale` value (`5710`, ` 57.10 `), if known. */
export function legalCategoryOf(code: string): LegalCategory | undefined {
  return LEGAL_CATEGORIES.get(legalCategoryCode(code));
}
