import type { MultiplierInput, StatedInputs } from '../../../shared/domain/multiplier/local-multiplier.ts';
import { METHOD_DEFAULTS } from '../../../shared/domain/multiplier/respend-defaults.ts';
import type { MultiplierSupplier } from '../../../shared/domain/multiplier/supplier-respend.ts';
import type { AcceptedAnswer, SurveyAnswer } from '../../../shared/domain/multiplier/survey-answer.ts';

/** An accepted answer from the tokenised form. SYNTHETIC. */
export function accepted(supplierKey: string, answer: Omit<SurveyAnswer, 'respondentRole'>): AcceptedAnswer {
  return {
    supplierKey,
    anchorId: 'anchor-x',
    answeredOn: '2026-02-01',
    source: 'form',
    answer: { ...answer, respondentRole: 'gérante' },
  };
}

export const supplier = (
  key: string,
  type: string,
  euros: number,
  locality: MultiplierSupplier['locality'],
): MultiplierSupplier => ({ key, type, influenceableCents: euros * 100, locality });

export const staffStated = (staffEuros: number, localStaffShare: number): StatedInputs => ({
  anchorId: 'anchor-x',
  year: 2025,
  totalExpenditureCents: undefined,
  staffCostsCents: staffEuros * 100,
  localStaffShare,
  source: 'compte administratif 2025',
  asOf: '2026-03-01',
});

/**
 * The input a test starts from: the method's defaults, no staff, a 10 % shift, locality measurable,
 * and every answer used however few (the worked examples take one or two; the confidentiality
 * threshold reports apply is tested on its own).
 */
export function multiplierInput(
  fields: Partial<MultiplierInput> & Pick<MultiplierInput, 'suppliers'>,
): MultiplierInput {
  return {
    answers: new Map(),
    influenceableCents: fields.suppliers.reduce((total, s) => total + s.influenceableCents, 0),
    base: 'influenceable',
    anchorIds: ['anchor-x'],
    stated: [],
    defaults: METHOD_DEFAULTS,
    scenarioShift: 0.1,
    localityMeasurable: true,
    minAnswers: 1,
    ...fields,
  };
}
