import * as z from 'zod';

const Percent = z.number().min(0).max(100);
const Headcount = z.number().int().min(0).max(10_000_000);

/**
 * What a supplier says of its own spending, in the survey's short form (docs/method.md, "Local
 * multiplier"). Percentages of the supplier's turnover, as a person answers them; a wage bill and
 * purchases together above the whole turnover is refused rather than trimmed.
 */
export const SurveyAnswerSchema = z
  .object({
    /** Purchases from other businesses, as a share of the supplier's turnover. */
    purchasesSharePercent: Percent,
    /** Of those purchases, the share bought from suppliers based in the territory. */
    localPurchasesSharePercent: Percent,
    /** Wage bill, as a share of turnover. */
    wageBillSharePercent: Percent,
    employees: Headcount,
    /** Employees living in the territory. */
    localEmployees: Headcount,
    /** The respondent's role as they declare it (« gérante », "finance manager"): never their name. */
    respondentRole: z.string().trim().min(1).max(100),
  })
  .refine((answer) => answer.purchasesSharePercent + answer.wageBillSharePercent <= 100, {
    message: 'purchases and wages together cannot exceed the whole turnover',
    path: ['wageBillSharePercent'],
  })
  .refine((answer) => answer.localEmployees <= answer.employees, {
    message: 'there cannot be more employees living in the territory than employees',
    path: ['localEmployees'],
  });
export type SurveyAnswer = z.infer<typeof SurveyAnswerSchema>;

/** The answer's fields in the form's order: the form, its parser and the CSV of answers all read these. */
export const SURVEY_ANSWER_FIELDS = [
  'purchasesSharePercent',
  'localPurchasesSharePercent',
  'wageBillSharePercent',
  'employees',
  'localEmployees',
  'respondentRole',
] as const satisfies readonly (keyof SurveyAnswer)[];
export type SurveyAnswerField = (typeof SURVEY_ANSWER_FIELDS)[number];

/** Where an answer came from: the tokenised form, or a CSV of answers gathered another way. */
export type AnswerSource = 'form' | 'csv';

/** An answer a report may use: not withdrawn, not set aside by the officer. */
export interface AcceptedAnswer {
  readonly supplierKey: string;
  /** The anchor whose survey gathered it. */
  readonly anchorId: string;
  /** ISO date. */
  readonly answeredOn: string;
  readonly source: AnswerSource;
  readonly answer: SurveyAnswer;
}

/**
 * The share of a supplier's income it re-spends in the territory, 0–1: its local purchases and the
 * wages of its employees who live there (wage bill × local employees' share of the headcount, i.e.
 * an equal wage per head). Profit, taxes and purchases elsewhere are not local re-spend.
 */
export function localRespendShare(answer: SurveyAnswer): number {
  const purchases = (answer.purchasesSharePercent / 100) * (answer.localPurchasesSharePercent / 100);
  const wages =
    answer.employees === 0
      ? 0
      : (answer.wageBillSharePercent / 100) * (answer.localEmployees / answer.employees);
  return Math.min(1, purchases + wages);
}
