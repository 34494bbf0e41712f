import type { Language } from '../../contracts/portal-api.ts';
import {
  SURVEY_ANSWER_FIELDS,
  type SurveyAnswer,
  type SurveyAnswerField,
  SurveyAnswerSchema,
} from '../../domain/multiplier/survey-answer.ts';

const PERCENT_FIELDS: ReadonlySet<SurveyAnswerField> = new Set([
  'purchasesSharePercent',
  'localPurchasesSharePercent',
  'wageBillSharePercent',
]);

/** `45`, `45,5`, `45.25`, `45 %`: a person's percentage, never read with `Number()` on raw text. */
const PERCENT = /^(\d{1,3})(?:[.,](\d{1,2}))?\s?%?$/;
/** `12`, `1 200` (a space, no-break or narrow no-break space between thousands). */
const HEADCOUNT = /^\d{1,3}(?:[\s\u00a0\u202f]?\d{3}){0,2}$/;
/** Control characters (a tab, a newline, a C1 code) typed into the role become spaces. */
const CONTROL = /\p{Cc}/gu;

const MESSAGES = {
  fr: {
    missing: 'à renseigner',
    percent: 'un pourcentage entre 0 et 100, par exemple 45 ou 45,5',
    headcount: 'un nombre entier de personnes, par exemple 12',
    role: 'une fonction de 1 à 100 caractères (pas de nom)',
    overTurnover: 'les achats et les salaires ensemble ne peuvent dépasser le chiffre d’affaires',
    moreLocal: 'il ne peut y avoir plus de salariés habitant le territoire que de salariés',
  },
  en: {
    missing: 'required',
    percent: 'a percentage between 0 and 100, such as 45 or 45.5',
    headcount: 'a whole number of people, such as 12',
    role: 'a role of 1 to 100 characters (no name)',
    overTurnover: 'purchases and wages together cannot exceed the turnover',
    moreLocal: 'there cannot be more employees living locally than employees',
  },
} as const;

function readPercent(text: string): number | undefined {
  const match = PERCENT.exec(text);
  if (!match) return undefined;
  const value = Number(`${match[1]}.${match[2] ?? '0'}`);
  return value <= 100 ? value : undefined;
}

const readHeadcount = (text: string) =>
  HEADCOUNT.test(text) ? Number(text.replace(/[\s\u00a0\u202f]/g, '')) : undefined;

export type FieldsReading =
  | { readonly ok: true; readonly answer: SurveyAnswer }
  | { readonly ok: false; readonly errors: ReadonlyMap<SurveyAnswerField, string> };

/**
 * A survey answer from the text of its fields (the form's or a CSV row's), each field's problem said
 * in the person's language; checked whole by `SurveyAnswerSchema` once every field reads.
 */
export function readAnswerFields(
  field: (name: SurveyAnswerField) => string | undefined,
  language: Language,
): FieldsReading {
  const messages = MESSAGES[language];
  const errors = new Map<SurveyAnswerField, string>();
  const values = new Map<SurveyAnswerField, number | string>();
  for (const name of SURVEY_ANSWER_FIELDS) {
    const text = (field(name) ?? '').trim();
    if (text === '') {
      errors.set(name, messages.missing);
      continue;
    }
    if (name === 'respondentRole') {
      const role = text.replace(CONTROL, ' ').trim();
      if (role.length === 0 || role.length > 100) errors.set(name, messages.role);
      else values.set(name, role);
      continue;
    }
    const value = PERCENT_FIELDS.has(name) ? readPercent(text) : readHeadcount(text);
    if (value === undefined)
      errors.set(name, PERCENT_FIELDS.has(name) ? messages.percent : messages.headcount);
    else values.set(name, value);
  }
  if (errors.size > 0) return { ok: false, errors };
  const parsed = SurveyAnswerSchema.safeParse(Object.fromEntries(values));
  if (parsed.success) return { ok: true, answer: parsed.data };
  for (const issue of parsed.error.issues) {
    const name = issue.path[0];
    if (name === 'wageBillSharePercent') errors.set(name, messages.overTurnover);
    else if (name === 'localEmployees') errors.set(name, messages.moreLocal);
    else if (typeof name === 'string' && (SURVEY_ANSWER_FIELDS as readonly string[]).includes(name)) {
      const field = name as SurveyAnswerField;
      errors.set(field, PERCENT_FIELDS.has(field) ? messages.percent : messages.headcount);
    }
  }
  return { ok: false, errors };
}
