import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localMultiplier, type MultiplierInput } from '../../../shared/domain/multiplier/local-multiplier.ts';
import {
  DEFAULT_ROWS,
  type DefaultRow,
  METHOD_DEFAULTS,
  type RespendDefault,
} from '../../../shared/domain/multiplier/respend-defaults.ts';
import type { AcceptedAnswer, SurveyAnswer } from '../../../shared/domain/multiplier/survey-answer.ts';
import { SUPPLIER_TYPE_IDS } from '../../../shared/domain/supplier-type.ts';
import { accepted, multiplierInput, staffStated } from './multiplier-fixtures.ts';

const answerArb: fc.Arbitrary<Omit<SurveyAnswer, 'respondentRole'>> = fc
  .record({
    purchases: fc.integer({ min: 0, max: 100 }),
    local: fc.integer({ min: 0, max: 100 }),
    wagesRoom: fc.integer({ min: 0, max: 100 }),
    employees: fc.integer({ min: 0, max: 500 }),
    localEmployees: fc.integer({ min: 0, max: 500 }),
  })
  .map((a) => ({
    purchasesSharePercent: a.purchases,
    localPurchasesSharePercent: a.local,
    wageBillSharePercent: Math.min(a.wagesRoom, 100 - a.purchases),
    employees: a.employees,
    localEmployees: Math.min(a.localEmployees, a.employees),
  }));

/** Up to a billion euros a supplier: the products must stay exact whatever the amounts. */
const supplierArb = fc.record({
  type: fc.constantFrom(...SUPPLIER_TYPE_IDS),
  cents: fc.integer({ min: 0, max: 100_000_000_000 }),
  locality: fc.constantFrom('local' as const, 'outside' as const, 'unknown' as const),
  answer: fc.option(answerArb, { nil: undefined }),
});

const defaultArb: fc.Arbitrary<RespendDefault> = fc
  .tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map((values) => {
    const [low, central, high] = [...values].sort((a, b) => a - b) as [number, number, number];
    return { low, central, high, centralBasis: 'territory', rangeBasis: 'territory', source: 'test' };
  });

const inputArb: fc.Arbitrary<MultiplierInput> = fc
  .record({
    suppliers: fc.array(supplierArb, { maxLength: 12 }),
    staff: fc.option(
      fc.record({
        euros: fc.integer({ min: 0, max: 1_000_000_000 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { nil: undefined },
    ),
    defaults: fc.array(fc.tuple(fc.constantFrom(...DEFAULT_ROWS), defaultArb), { maxLength: 7 }),
    measurable: fc.boolean(),
  })
  .map(({ suppliers, staff, defaults, measurable }) => {
    const keyed = suppliers.map((s, i) => ({ ...s, key: `siret:${i}` }));
    const answers = new Map<string, AcceptedAnswer>();
    for (const s of keyed) if (s.answer) answers.set(s.key, accepted(s.key, s.answer));
    return multiplierInput({
      suppliers: keyed.map((s) => ({
        key: s.key,
        type: s.type,
        influenceableCents: s.cents,
        locality: s.locality,
      })),
      answers,
      stated: staff ? [staffStated(staff.euros, staff.share)] : [],
      defaults: new Map<DefaultRow, RespendDefault>([...METHOD_DEFAULTS, ...defaults]),
      localityMeasurable: measurable,
    });
  });

/** The same input with one answer's local share raised. */
function withAnswer(
  input: MultiplierInput,
  key: string,
  raise: (a: SurveyAnswer) => SurveyAnswer,
): MultiplierInput {
  const answers = new Map(input.answers);
  const found = answers.get(key);
  if (found) answers.set(key, { ...found, answer: raise(found.answer) });
  return { ...input, answers };
}

describe('the local multiplier, whatever the spend and the answers', () => {
  it('is at least 1, low ≤ central ≤ high, and never a number when not measurable', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { lm3, reason } = localMultiplier(input);
        if (reason !== null || !lm3) {
          expect(lm3).toBeNull();
          expect(reason).not.toBeNull();
          return;
        }
        expect(lm3.low).toBeGreaterThanOrEqual(1);
        expect(lm3.low).toBeLessThanOrEqual(lm3.central);
        expect(lm3.central).toBeLessThanOrEqual(lm3.high);
      }),
    );
  });

  it('has a coverage within 0–1, or none without local supplier spend', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { coverage, r2 } = localMultiplier(input);
        if (coverage === null) {
          // Coverage is measured on suppliers paid more than they refunded: here there are none.
          expect(r2.suppliersCents).toBe(0);
          return;
        }
        expect(coverage).toBeGreaterThanOrEqual(0);
        expect(coverage).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('reaches no more in round 2 than round 1 when no staff is stated, and round 3 no more than round 2', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { r1, r2, r3Range } = localMultiplier({ ...input, stated: [] });
        expect(r2.totalCents).toBeLessThanOrEqual(r1.totalCents);
        expect(r3Range.high).toBeLessThanOrEqual(r2.totalCents);
      }),
    );
  });

  it('uses no group’s answers until there are enough of them: fewer are as none, and said to wait', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 6 }), (input, minAnswers) => {
        const result = localMultiplier({ ...input, minAnswers });
        const none = localMultiplier({ ...input, minAnswers, answers: new Map() });
        const answeredIn = (locality: string) =>
          input.suppliers.filter((s) => s.locality === locality && input.answers.has(s.key)).length;
        for (const [group, locality] of [
          ['local', 'local'],
          ['nonLocal', 'outside'],
        ] as const) {
          const count = answeredIn(locality);
          const used = count >= minAnswers ? count : 0;
          expect(result.answers[group]).toBe(used);
          expect(result.answersWithheld[group]).toBe(count - used);
        }
        if (answeredIn('local') < minAnswers) {
          expect(result.r3).toEqual(none.r3);
          expect(result.coverage).toBe(none.coverage);
          expect(result.lm3).toEqual(none.lm3);
        }
      }),
    );
  });

  it('adds its rounds’ parts to the cent', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { r1, r2, r3 } = localMultiplier(input);
        expect(r1.spendCents + r1.staffCents).toBe(r1.totalCents);
        expect(r2.suppliersCents + r2.staffCents).toBe(r2.totalCents);
        expect(r3.answeredCents + r3.defaultCents + r3.staffCents).toBe(r3.totalCents);
      }),
    );
  });

  it('never falls when an answer’s local purchases or local employees rise', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.integer({ min: 1, max: 100 }), (input, pick, by) => {
        const keys = [...input.answers.keys()];
        fc.pre(keys.length > 0);
        const key = keys[pick % keys.length] ?? '';
        const before = localMultiplier(input);
        const purchases = localMultiplier(
          withAnswer(input, key, (a) => ({
            ...a,
            localPurchasesSharePercent: Math.min(100, a.localPurchasesSharePercent + by),
          })),
        );
        const employees = localMultiplier(
          withAnswer(input, key, (a) => ({
            ...a,
            localEmployees: Math.min(a.employees, a.localEmployees + by),
          })),
        );
        for (const after of [purchases, employees]) {
          expect(after.r3.totalCents).toBeGreaterThanOrEqual(before.r3.totalCents);
          if (before.lm3 && after.lm3) expect(after.lm3.central).toBeGreaterThanOrEqual(before.lm3.central);
        }
      }),
    );
  });

  it('never falls when a default rises', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.constantFrom(...DEFAULT_ROWS),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (input, row, by) => {
          const value = input.defaults.get(row) ?? METHOD_DEFAULTS.get(row);
          if (!value) throw new Error(`no default for ${row}`);
          const raised = {
            ...value,
            low: Math.min(1, value.low + by),
            central: Math.min(1, value.central + by),
            high: Math.min(1, value.high + by),
          };
          const before = localMultiplier(input);
          const after = localMultiplier({ ...input, defaults: new Map([...input.defaults, [row, raised]]) });
          expect(after.r3Range.low).toBeGreaterThanOrEqual(before.r3Range.low);
          expect(after.r3Range.central).toBeGreaterThanOrEqual(before.r3Range.central);
          expect(after.r3Range.high).toBeGreaterThanOrEqual(before.r3Range.high);
          if (before.lm3 && after.lm3) {
            expect(after.lm3.low).toBeGreaterThanOrEqual(before.lm3.low);
            expect(after.lm3.central).toBeGreaterThanOrEqual(before.lm3.central);
            expect(after.lm3.high).toBeGreaterThanOrEqual(before.lm3.high);
          }
        },
      ),
    );
  });

  it('adds by a shift no less than nothing, and no more than the shifted spend at 1 + 1 per unit', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { scenario } = localMultiplier(input);
        if (!scenario) return;
        expect(scenario.addedCents).toBeGreaterThanOrEqual(0);
        expect(scenario.addedCents).toBeLessThanOrEqual(2 * scenario.shiftedCents);
        expect(scenario.perLocal).toBeGreaterThanOrEqual(1);
        expect(scenario.perOutside).toBeLessThanOrEqual(1);
      }),
    );
  });
});
