import type { Language } from '../../contracts/portal-api.ts';
import { SURVEY_ANSWER_FIELDS } from '../../domain/multiplier/survey-answer.ts';

/** The columns of a CSV of answers (docs/api.md): the form's fields, who answered and when. */
export const ANSWER_COLUMNS = ['supplierKey', 'siret', ...SURVEY_ANSWER_FIELDS, 'answeredOn'] as const;
export type AnswerColumn = (typeof ANSWER_COLUMNS)[number];

/** `supplier_key`, `Supplier Key` and `supplierKey` are one column: case, spaces, `_` and `-` ignored. */
const foldHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_FOLDED: ReadonlyMap<string, AnswerColumn> = new Map(
  ANSWER_COLUMNS.map((column) => [foldHeader(column), column]),
);

const REQUIRED: readonly AnswerColumn[] = ANSWER_COLUMNS.filter(
  (column) => column !== 'supplierKey' && column !== 'siret',
);

/** Where each column is, or why the header is refused (in the officer's language). */
export function readHeader(
  cells: readonly string[],
  language: Language,
):
  | { readonly ok: true; readonly at: ReadonlyMap<AnswerColumn, number> }
  | { readonly ok: false; readonly reason: string } {
  const at = new Map<AnswerColumn, number>();
  for (const [index, cell] of cells.entries()) {
    const column = BY_FOLDED.get(foldHeader(cell.trim()));
    if (!column) continue;
    if (at.has(column)) {
      return {
        ok: false,
        reason:
          language === 'fr' ? `la colonne ${column} figure deux fois` : `the column ${column} appears twice`,
      };
    }
    at.set(column, index);
  }
  const missing = REQUIRED.filter((column) => !at.has(column));
  if (!at.has('supplierKey') && !at.has('siret')) missing.unshift('supplierKey');
  if (missing.length > 0) {
    return {
      ok: false,
      reason:
        language === 'fr'
          ? `colonnes manquantes : ${missing.join(', ')} (supplierKey ou siret pour le fournisseur)`
          : `missing columns: ${missing.join(', ')} (supplierKey or siret for the supplier)`,
    };
  }
  return { ok: true, at };
}

/** Each field's name as the officer reads it. */
export const FIELD_LABELS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  fr: {
    purchasesSharePercent: 'part des achats dans le chiffre d’affaires',
    localPurchasesSharePercent: 'part des achats faite sur le territoire',
    wageBillSharePercent: 'part de la masse salariale dans le chiffre d’affaires',
    employees: 'effectif',
    localEmployees: 'salariés habitant le territoire',
    respondentRole: 'fonction de la personne qui répond',
    answeredOn: 'date de la réponse',
  },
  en: {
    purchasesSharePercent: 'purchases as a share of turnover',
    localPurchasesSharePercent: 'share of purchases made locally',
    wageBillSharePercent: 'wage bill as a share of turnover',
    employees: 'employees',
    localEmployees: 'employees living locally',
    respondentRole: 'role of the person answering',
    answeredOn: 'date of the answer',
  },
};
