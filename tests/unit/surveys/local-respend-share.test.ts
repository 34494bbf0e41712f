import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  localRespendShare,
  type SurveyAnswer,
  SurveyAnswerSchema,
} from '../../../shared/domain/multiplier/survey-answer.ts';

const percentArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  // As the form reads them: up to two decimals.
  fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100),
  fc.double({ min: 0, max: 100, noNaN: true }),
);

/** Any answer `SurveyAnswerSchema` accepts. */
const answerArb: fc.Arbitrary<SurveyAnswer> = fc
  .record({
    purchasesSharePercent: percentArb,
    localPurchasesSharePercent: percentArb,
    wageBillSharePercent: percentArb,
    employees: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 10_000_000 })),
    localEmployees: fc.integer({ min: 0, max: 10_000_000 }),
  })
  .map((answer) => ({
    ...answer,
    wageBillSharePercent: Math.min(answer.wageBillSharePercent, 100 - answer.purchasesSharePercent),
    localEmployees: Math.min(answer.localEmployees, answer.employees),
    respondentRole: 'gérante',
  }))
  .filter((answer) => SurveyAnswerSchema.safeParse(answer).success);

const answer = (values: Partial<SurveyAnswer>): SurveyAnswer => ({
  purchasesSharePercent: 40,
  localPurchasesSharePercent: 25,
  wageBillSharePercent: 30,
  employees: 12,
  localEmployees: 9,
  respondentRole: 'gérante',
  ...values,
});

describe('localRespendShare', () => {
  it.each<[string, Partial<SurveyAnswer>, number]>([
    // 40 % × 25 % of purchases, plus 30 % of wages × 9 employees in 12.
    ['purchases and wages', {}, 0.1 + 0.225],
    ['no employee: no local wage', { employees: 0, localEmployees: 0 }, 0.1],
    ['nothing local', { localPurchasesSharePercent: 0, localEmployees: 0 }, 0],
    [
      'everything local',
      {
        purchasesSharePercent: 60,
        localPurchasesSharePercent: 100,
        wageBillSharePercent: 40,
        localEmployees: 12,
      },
      1,
    ],
    [
      'Northumberland’s local supplier, roughly',
      {
        purchasesSharePercent: 50,
        localPurchasesSharePercent: 80,
        wageBillSharePercent: 40,
        employees: 10,
        localEmployees: 9,
      },
      0.76,
    ],
  ])('%s', (_, values, share) => {
    expect(localRespendShare(answer(values))).toBeCloseTo(share, 12);
  });

  it('stays within 0–1 for every valid answer', () => {
    fc.assert(
      fc.property(answerArb, (valid) => {
        const share = localRespendShare(valid);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never falls when more of the purchases are local', () => {
    fc.assert(
      fc.property(answerArb, percentArb, (valid, other) => {
        const [low, high] = [valid.localPurchasesSharePercent, other].sort((a, b) => a - b) as [
          number,
          number,
        ];
        expect(localRespendShare({ ...valid, localPurchasesSharePercent: high })).toBeGreaterThanOrEqual(
          localRespendShare({ ...valid, localPurchasesSharePercent: low }),
        );
      }),
    );
  });

  it('never falls when more of the employees live locally', () => {
    fc.assert(
      fc.property(answerArb, fc.double({ min: 0, max: 1, noNaN: true }), (valid, fraction) => {
        const other = Math.floor(fraction * valid.employees);
        const [low, high] = [valid.localEmployees, other].sort((a, b) => a - b) as [number, number];
        expect(localRespendShare({ ...valid, localEmployees: high })).toBeGreaterThanOrEqual(
          localRespendShare({ ...valid, localEmployees: low }),
        );
      }),
    );
  });
});
