import { describe, expect, it } from 'vitest';
import { localMultiplier } from '../../../shared/domain/multiplier/local-multiplier.ts';
import {
  METHOD_DEFAULTS,
  NORTHUMBERLAND_LOCAL_RESPEND,
  NORTHUMBERLAND_NON_LOCAL_RESPEND,
  respendDefaults,
  respendGroupOf,
} from '../../../shared/domain/multiplier/respend-defaults.ts';
import { localRespendShare } from '../../../shared/domain/multiplier/survey-answer.ts';
import { SUPPLIER_TYPE_IDS } from '../../../shared/domain/supplier-type.ts';
import { accepted, multiplierInput, staffStated, supplier } from './multiplier-fixtures.ts';

/*
 * The worked example, by hand (euros; the code works in cents):
 *
 *   A  local, SME,          100 000 €, answered: purchases 40 % of turnover, 50 % of them local
 *                                      (0.20); wage bill 30 %, 8 of 10 employees local (0.24) → 0.44
 *   B  local, cooperative,   50 000 €, no answer → social economy default 76 % (56–96 %)
 *   C  outside, large,      200 000 €, no answer → non-local default 36 % (16–56 %)
 *   D  outside, SME,        100 000 €, answered: purchases 50 %, 20 % local (0.10); wages 20 %,
 *                                      1 of 5 employees local (0.04) → 0.14
 *   E  location unknown,     50 000 €
 *   Staff stated: 120 000 € of staff costs, 75 % of staff living locally; staff default 50 % (20–80 %).
 *
 *   R1 = 500 000 + 120 000                            = 620 000
 *   R2 = (100 000 + 50 000) + 120 000 × 0.75          = 150 000 + 90 000 = 240 000
 *   R3 = 100 000 × 0.44 + 50 000 × 0.76 + 90 000 × 0.5 = 44 000 + 38 000 + 45 000 = 127 000
 *        low  = 44 000 + 50 000 × 0.56 + 90 000 × 0.2 = 44 000 + 28 000 + 18 000 =  90 000
 *        high = 44 000 + 50 000 × 0.96 + 90 000 × 0.8 = 44 000 + 48 000 + 72 000 = 164 000
 *   LM3 = (620 000 + 240 000 + 127 000) / 620 000 = 987 000 / 620 000   = 1.5919
 *         low 950 000 / 620 000 = 1.5323, high 1 024 000 / 620 000        = 1.6516
 *   coverage = 100 000 / 150 000                                          = 0.666667
 *   per 1 local   = 1 + (44 000 + 38 000) / 150 000 = 1.5467 (low 1.48, high 1.6133)
 *   per 1 outside = (200 000 × 0.36 + 100 000 × 0.14) / 300 000 = 86 000 / 300 000 = 0.2867
 *                   (low 46 000 / 300 000 = 0.1533, high 126 000 / 300 000 = 0.42)
 *   scenario: 10 % × 300 000 = 30 000; × (1.5467 − 0.2867 = 1.26) = 37 800
 */
const workedExample = () =>
  localMultiplier(
    multiplierInput({
      suppliers: [
        supplier('siret:a', 'sme', 100_000, 'local'),
        supplier('siret:b', 'cooperative', 50_000, 'local'),
        supplier('siret:c', 'large', 200_000, 'outside'),
        supplier('siret:d', 'sme', 100_000, 'outside'),
        supplier('name:e', 'unknown', 50_000, 'unknown'),
      ],
      answers: new Map([
        [
          'siret:a',
          accepted('siret:a', {
            purchasesSharePercent: 40,
            localPurchasesSharePercent: 50,
            wageBillSharePercent: 30,
            employees: 10,
            localEmployees: 8,
          }),
        ],
        [
          'siret:d',
          accepted('siret:d', {
            purchasesSharePercent: 50,
            localPurchasesSharePercent: 20,
            wageBillSharePercent: 20,
            employees: 5,
            localEmployees: 1,
          }),
        ],
      ]),
      stated: [staffStated(120_000, 0.75)],
    }),
  );

describe('the local multiplier (LM3), worked by hand', () => {
  it('gives the three rounds to the cent', () => {
    const result = workedExample();
    expect(result.r1).toEqual({ totalCents: 62_000_000, spendCents: 50_000_000, staffCents: 12_000_000 });
    expect(result.r2).toEqual({ totalCents: 24_000_000, suppliersCents: 15_000_000, staffCents: 9_000_000 });
    expect(result.r3).toEqual({
      totalCents: 12_700_000,
      answeredCents: 4_400_000,
      defaultCents: 3_800_000,
      staffCents: 4_500_000,
    });
    expect(result.r3Range).toEqual({ central: 12_700_000, low: 9_000_000, high: 16_400_000 });
  });

  it('gives LM3 with its range, the coverage and the value of 1 spent locally or outside', () => {
    const result = workedExample();
    expect(result.reason).toBeNull();
    expect(result.lm3).toEqual({ central: 1.5919, low: 1.5323, high: 1.6516 });
    expect(result.coverage).toBe(0.666667);
    expect(result.answers).toEqual({ local: 1, nonLocal: 1 });
    expect(result.perLocal).toEqual({ central: 1.5467, low: 1.48, high: 1.6133 });
    expect(result.perOutside).toEqual({ central: 0.2867, low: 0.1533, high: 0.42 });
    expect(result.unknownLocalityCents).toBe(5_000_000);
    expect(result.nonLocalCents).toBe(30_000_000);
  });

  it('shows the scenario with its arithmetic', () => {
    expect(workedExample().scenario).toEqual({
      shift: 0.1,
      nonLocalCents: 30_000_000,
      shiftedCents: 3_000_000,
      perLocal: 1.5467,
      perOutside: 0.2867,
      difference: 1.26,
      addedCents: 3_780_000,
    });
  });

  it('says which defaults stood for how much spend', () => {
    const uses = workedExample().defaultsUsed.map((use) => [use.row, use.cents, use.suppliers]);
    expect(uses).toEqual([
      ['social-economy', 5_000_000, 1],
      ['staff', 9_000_000, 0],
      ['non-local', 20_000_000, 1],
    ]);
  });
});

describe('the Northumberland ratios, from their inputs', () => {
  // NEF for Northumberland County Council (2005): local suppliers re-spent 76 % of their income from
  // the council locally, suppliers from outside 36 %: £1 with a local supplier is worth £1.76 to the
  // local economy, £0.36 spent outside.
  it('are the method’s defaults: 1.76 per unit spent locally, 0.36 outside', () => {
    expect(NORTHUMBERLAND_LOCAL_RESPEND).toBe(0.76);
    expect(NORTHUMBERLAND_NON_LOCAL_RESPEND).toBe(0.36);
    const result = localMultiplier(
      multiplierInput({
        suppliers: [supplier('a', 'sme', 1_000, 'local'), supplier('b', 'large', 1_000, 'outside')],
      }),
    );
    expect(result.perLocal?.central).toBe(1.76);
    expect(result.perOutside?.central).toBe(0.36);
    // Moving £100 (10 % of £1 000) from outside to local adds £100 × (1.76 − 0.36) = £140.
    expect(result.scenario?.addedCents).toBe(14_000);
  });

  it('come out of survey answers that say the same', () => {
    // Purchases 50 % of turnover, 60 % local (0.30); wages 50 %, 23 of 25 employees local (0.46).
    const local = accepted('a', {
      purchasesSharePercent: 50,
      localPurchasesSharePercent: 60,
      wageBillSharePercent: 50,
      employees: 25,
      localEmployees: 23,
    });
    // Purchases 40 %, 40 % local (0.16); wages 40 %, 5 of 10 employees local (0.20).
    const outside = accepted('b', {
      purchasesSharePercent: 40,
      localPurchasesSharePercent: 40,
      wageBillSharePercent: 40,
      employees: 10,
      localEmployees: 5,
    });
    expect(localRespendShare(local.answer)).toBeCloseTo(0.76, 12);
    expect(localRespendShare(outside.answer)).toBeCloseTo(0.36, 12);
    const result = localMultiplier(
      multiplierInput({
        suppliers: [supplier('a', 'sme', 1_000, 'local'), supplier('b', 'large', 1_000, 'outside')],
        answers: new Map([
          ['a', local],
          ['b', outside],
        ]),
      }),
    );
    expect(result.perLocal).toEqual({ central: 1.76, low: 1.76, high: 1.76 });
    expect(result.perOutside).toEqual({ central: 0.36, low: 0.36, high: 0.36 });
    // Every local supplier answered: the whole of round 2's supplier part is covered, no range.
    expect(result.coverage).toBe(1);
    // R1 2 000, R2 1 000, R3 760: LM3 = 3 760 / 2 000.
    expect(result.lm3).toEqual({ central: 1.88, low: 1.88, high: 1.88 });
  });
});

describe('what is not measured is not a number', () => {
  it('gives no LM3 without spend', () => {
    const result = localMultiplier(multiplierInput({ suppliers: [] }));
    expect(result.reason).toBe('no-spend');
    expect(result.lm3).toBeNull();
    expect(result.coverage).toBeNull();
    expect(result.perLocal).toBeNull();
    expect(result.perOutside).toBeNull();
    expect(result.scenario).toBeNull();
  });

  it('gives no LM3 and no scenario when too little spend is located', () => {
    const result = localMultiplier(
      multiplierInput({
        suppliers: [supplier('a', 'sme', 100, 'local'), supplier('b', 'sme', 900, 'unknown')],
        localityMeasurable: false,
      }),
    );
    expect(result.reason).toBe('locality-not-measurable');
    expect(result.lm3).toBeNull();
    expect(result.scenario).toBeNull();
    expect(result.unknownLocalityCents).toBe(90_000);
  });

  it('counts spend of unknown locality neither as local nor as outside', () => {
    const result = localMultiplier(
      multiplierInput({
        suppliers: [supplier('a', 'sme', 100, 'local'), supplier('b', 'sme', 100, 'unknown')],
      }),
    );
    expect(result.r2.suppliersCents).toBe(10_000);
    expect(result.nonLocalCents).toBe(0);
    expect(result.perOutside).toBeNull();
    expect(result.scenario).toBeNull();
  });
});

describe('round 1', () => {
  it('is the stated total expenditure when asked and every anchor states it', () => {
    const result = localMultiplier(
      multiplierInput({
        suppliers: [supplier('a', 'sme', 1_000, 'local')],
        base: 'total-expenditure',
        stated: [{ ...staffStated(400, 0.5), totalExpenditureCents: 200_000 }],
      }),
    );
    expect(result.base).toBe('total-expenditure');
    expect(result.r1).toEqual({ totalCents: 200_000, spendCents: 160_000, staffCents: 40_000 });
    // R2 = 1 000 + 400 × 0.5 = 1 200; R3 = 1 000 × 0.76 + 200 × 0.5 = 860; (2 000 + 1 200 + 860) / 2 000.
    expect(result.lm3?.central).toBe(2.03);
  });

  it('falls back to the influenceable spend, and says so, when an anchor does not state its total', () => {
    const result = localMultiplier(
      multiplierInput({
        suppliers: [supplier('a', 'sme', 1_000, 'local')],
        base: 'total-expenditure',
        anchorIds: ['anchor-x', 'anchor-y'],
        stated: [{ ...staffStated(400, 0.5), totalExpenditureCents: 200_000 }],
      }),
    );
    expect(result.base).toBe('influenceable');
    expect(result.baseFallback).toBe(true);
    expect(result.r1.totalCents).toBe(140_000);
  });
});

describe('the defaults table', () => {
  it('groups every supplier type', () => {
    expect(SUPPLIER_TYPE_IDS.map((type) => [type, respendGroupOf(type)])).toEqual([
      ['public', 'public'],
      ['cooperative', 'social-economy'],
      ['association', 'social-economy'],
      ['mutual', 'social-economy'],
      ['foundation', 'social-economy'],
      ['other-ess', 'social-economy'],
      ['sole-trader', 'small-business'],
      ['sme', 'small-business'],
      ['mid-size', 'large-business'],
      ['large', 'large-business'],
      ['public-owned', 'public'],
      ['company', 'size-unknown'],
      ['unknown', 'size-unknown'],
    ]);
  });

  it('labels the published figures and the method’s assumptions', () => {
    const rows = [...METHOD_DEFAULTS].map(([row, value]) => [
      row,
      value.central,
      value.low,
      value.high,
      value.centralBasis,
      value.rangeBasis,
      value.source,
    ]);
    const local = [0.76, 0.56, 0.96, 'published', 'assumption', 'nef-northumberland-2005'];
    expect(rows).toEqual([
      ['social-economy', ...local],
      ['small-business', ...local],
      ['large-business', ...local],
      ['public', ...local],
      ['size-unknown', ...local],
      ['non-local', 0.36, 0.16, 0.56, 'published', 'assumption', 'nef-northumberland-2005'],
      ['staff', 0.5, 0.2, 0.8, 'assumption', 'assumption', 'method-assumption'],
    ]);
  });

  it('takes a territory’s own rows with its source, and keeps the method’s others', () => {
    const table = respendDefaults({
      source: 'Enquête LM3 Grenoble 2026',
      rows: new Map([['staff', { central: 0.62, low: 0.55, high: 0.7 }]]),
    });
    expect(table.get('staff')).toEqual({
      central: 0.62,
      low: 0.55,
      high: 0.7,
      centralBasis: 'territory',
      rangeBasis: 'territory',
      source: 'Enquête LM3 Grenoble 2026',
    });
    expect(table.get('small-business')).toEqual(METHOD_DEFAULTS.get('small-business'));
  });
});
