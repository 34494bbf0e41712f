import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import type { DatasetKind } from '../../../shared/domain/dataset-kind.ts';
import { DEFAULT_EXCLUSION_RULES } from '../../../shared/domain/influenceable.ts';
import type { SupplierRollup } from '../../../shared/domain/ingest/supplier-rollup-record.ts';
import type { AcceptedAnswer } from '../../../shared/domain/multiplier/survey-answer.ts';
import { buildReport } from '../../../shared/domain/report/build-report.ts';
import { ReportSchema } from '../../../shared/domain/report/report-schema.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { type Territory, TerritorySchema } from '../../../shared/domain/territory/territory.ts';
import { countedDataset } from './counted-dataset.ts';

const geography = loadFrenchGeography();
const bundled = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!bundled) throw new Error('the Grenoble territory is bundled');

const CITY = '21380185500015';
const DATASET = 'm'.repeat(24);

/** Grenoble with the city's stated staff for 2025 (SYNTHETIC figures). */
const territory: Territory = TerritorySchema.parse({
  ...bundled,
  multiplier: {
    anchors: [
      {
        anchorId: CITY,
        year: 2025,
        staffCosts: '1 000,00',
        localStaffShare: 0.5,
        source: 'SYNTHETIC: compte administratif 2025',
        asOf: '2026-04-30',
      },
      {
        anchorId: CITY,
        year: 2024,
        staffCosts: '900,00',
        localStaffShare: 0.5,
        source: 'SYNTHETIC: compte administratif 2024',
        asOf: '2025-04-30',
      },
    ],
  },
});

function rollup(key: string, postcode: string | undefined, cents: number): SupplierRollup {
  return {
    anchorId: CITY,
    supplier: { key, name: key.toUpperCase(), ...(postcode ? { postcode } : {}) },
    amountCents: cents,
    lines: 1,
    firstDate: '2025-06-10',
    lastDate: '2025-06-10',
    byMonthCategory: [['2025-06', '611', cents]],
    largestLineCents: cents,
    categoryLabels: [],
  };
}

// A in Grenoble, 1 000 € (answered); B in Grenoble, 500 €; C in Paris, 2 000 €; D not located, 500 €.
const ROLLUPS = [
  rollup('name:a@38000', '38000', 100_000),
  rollup('name:b@38000', '38000', 50_000),
  rollup('name:c@75015', '75015', 200_000),
  rollup('name:d', undefined, 50_000),
];

/** A's answer: purchases 40 %, half of them local (0.20); wages 30 %, 8 of 10 employees local (0.24). */
const ANSWER: AcceptedAnswer = {
  supplierKey: 'name:a@38000',
  anchorId: CITY,
  answeredOn: '2026-02-01',
  source: 'form',
  answer: {
    purchasesSharePercent: 40,
    localPurchasesSharePercent: 50,
    wageBillSharePercent: 30,
    employees: 10,
    localEmployees: 8,
    respondentRole: 'gérante',
  },
};

function reportOf(
  rollups: readonly SupplierRollup[],
  fields: { kind?: DatasetKind; answers?: ReadonlyMap<string, AcceptedAnswer>; periodTo?: string } = {},
) {
  const kind = fields.kind ?? 'payments';
  const cents = rollups.reduce((total, r) => total + r.amountCents, 0);
  return ReportSchema.parse(
    buildReport({
      territory,
      kind,
      language: 'fr',
      scope: { type: 'consortium' },
      datasets: [
        countedDataset(DATASET, {
          kind,
          lines: rollups.length,
          amountCents: cents,
          periodFrom: '2025-01-02',
          periodTo: fields.periodTo ?? '2025-12-30',
        }),
      ],
      rollupsByDataset: new Map([[DATASET, [...rollups]]]),
      profiles: new Map(),
      geography,
      exclusionRules: DEFAULT_EXCLUSION_RULES,
      generatedAt: new Date('2026-05-01T12:00:00Z'),
      surveyAnswers: fields.answers,
    }).report,
  );
}

describe('the report’s local multiplier', () => {
  it('carries every round, LM3 with its range, the coverage and the scenario, worked by hand', () => {
    // A third local supplier, E; A, B and E answered alike (0.44): three answers, so they are used.
    const answered = ['name:a@38000', 'name:b@38000', 'name:e@38000'];
    const { localMultiplier: m } = reportOf([...ROLLUPS, rollup('name:e@38000', '38000', 50_000)], {
      answers: new Map(answered.map((key) => [key, { ...ANSWER, supplierKey: key }])),
    });
    // R1 = 4 500 + 1 000 staff; R2 = 2 000 + 1 000 × 0.5; R3 = 2 000 × 0.44 + 500 × 0.5.
    expect(m.reason).toBeNull();
    expect(m.base).toBe('influenceable');
    expect(m.year).toBe(2025);
    expect(m.rounds).toEqual({
      r1: { total: 5_500, spend: 4_500, staff: 1_000 },
      r2: { total: 2_500, suppliers: 2_000, staff: 500 },
      // Answers are fixed: only staff's share moves the range (500 × 0.2, 500 × 0.8).
      r3: { total: 1_130, answered: 880, defaults: 0, staff: 250, low: 980, high: 1_280 },
    });
    // 9 130 / 5 500; low 8 980 / 5 500; high 9 280 / 5 500.
    expect(m.lm3).toEqual({ central: 1.66, low: 1.6327, high: 1.6873 });
    expect(m.coverage).toBe(1);
    expect(m.answersUsed).toEqual({ local: 3, nonLocal: 0 });
    expect(m.answersWithheld).toEqual({ local: 0, nonLocal: 0 });
    // 1 + 880 / 2 000; outside, the Northumberland default.
    expect(m.perLocal).toEqual({ central: 1.44, low: 1.44, high: 1.44 });
    expect(m.perOutside).toEqual({ central: 0.36, low: 0.16, high: 0.56 });
    expect(m.nonLocalAmount).toBe(2_000);
    expect(m.unknownLocalityAmount).toBe(500);
    // 10 % × 2 000 = 200; × (1.44 − 0.36 = 1.08) = 216.
    expect(m.scenario).toEqual({
      shift: 0.1,
      nonLocalAmount: 2_000,
      shiftedAmount: 200,
      perLocal: 1.44,
      perOutside: 0.36,
      difference: 1.08,
      addedAmount: 216,
    });
    expect(m.stated).toEqual([
      {
        anchorId: CITY,
        year: 2025,
        totalExpenditure: null,
        staffCosts: 1_000,
        localStaffShare: 0.5,
        source: 'SYNTHETIC: compte administratif 2025',
        asOf: '2026-04-30',
      },
    ]);
    expect(m.statedNotUsed).toEqual([{ anchorId: CITY, year: 2024, reason: 'other-year' }]);
  });

  it('keeps one supplier’s answer out of a public report until three answered: its own figure would show', () => {
    const { localMultiplier: m } = reportOf(ROLLUPS, { answers: new Map([[ANSWER.supplierKey, ANSWER]]) });
    expect(m.answersUsed).toEqual({ local: 0, nonLocal: 0 });
    expect(m.answersWithheld).toEqual({ local: 1, nonLocal: 0 });
    expect(m.minimumAnswers).toBe(3);
    expect(m.coverage).toBe(0);
    // A and B at the default: R3 = 1 500 × 0.76 + 500 × 0.5; (5 000 + 2 000 + 1 390) / 5 000.
    expect(m.rounds.r3).toEqual({
      total: 1_390,
      answered: 0,
      defaults: 1_140,
      staff: 250,
      low: 940,
      high: 1_840,
    });
    expect(m.lm3).toEqual({ central: 1.678, low: 1.588, high: 1.768 });
  });

  it('lists the whole defaults table, each row with the spend it stood for', () => {
    const { localMultiplier: m } = reportOf(ROLLUPS);
    expect(m.defaults.map((row) => [row.row, row.amount, row.suppliers, row.source])).toEqual([
      ['social-economy', 0, 0, 'nef-northumberland-2005'],
      ['small-business', 0, 0, 'nef-northumberland-2005'],
      ['large-business', 0, 0, 'nef-northumberland-2005'],
      ['public', 0, 0, 'nef-northumberland-2005'],
      ['size-unknown', 1_500, 2, 'nef-northumberland-2005'],
      ['non-local', 2_000, 1, 'nef-northumberland-2005'],
      ['staff', 500, 0, 'method-assumption'],
    ]);
  });

  it('takes every local supplier at its default without answers: coverage 0, never a guess', () => {
    const { localMultiplier: m } = reportOf(ROLLUPS);
    expect(m.coverage).toBe(0);
    expect(m.answersUsed).toEqual({ local: 0, nonLocal: 0 });
    expect(m.perLocal?.central).toBe(1.76);
  });

  it('is not a number when too little spend is located: null, never 0', () => {
    const { localMultiplier: m } = reportOf([
      rollup('name:a@38000', '38000', 10_000),
      rollup('name:d', undefined, 90_000),
    ]);
    expect(m.reason).toBe('locality-not-measurable');
    expect(m.lm3).toBeNull();
    expect(m.scenario).toBeNull();
    expect(m.unknownLocalityAmount).toBe(900);
  });

  it('adds no year’s staff to a period that is not one whole year', () => {
    const { localMultiplier: m } = reportOf(ROLLUPS, { periodTo: '2025-06-30' });
    expect(m.year).toBeNull();
    expect(m.stated).toEqual([]);
    expect(m.rounds.r1).toEqual({ total: 4_000, spend: 4_000, staff: 0 });
    expect(m.statedNotUsed.map((entry) => entry.reason)).toEqual([
      'period-not-one-whole-year',
      'period-not-one-whole-year',
    ]);
  });

  it('gives no multiplier for contracts notified, and no staff beside them', () => {
    const { localMultiplier: m } = reportOf(ROLLUPS, { kind: 'contracts' });
    expect(m.reason).toBe('contracts');
    expect(m.lm3).toBeNull();
    expect(m.scenario).toBeNull();
    expect(m.stated).toEqual([]);
  });
});
