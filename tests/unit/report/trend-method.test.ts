import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import { DEFAULT_EXCLUSION_RULES } from '../../../shared/domain/influenceable.ts';
import type { SupplierRollup } from '../../../shared/domain/ingest/supplier-rollup-record.ts';
import { buildReport } from '../../../shared/domain/report/build-report.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import type { Territory } from '../../../shared/domain/territory/territory.ts';
import { countedDataset } from './counted-dataset.ts';

const geography = loadFrenchGeography();
const bundled = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!bundled) throw new Error('the Grenoble territory is bundled');
const territory: Territory = bundled;

const DATASET = 't'.repeat(24);
/** Each month's influenceable spend: 1 000,00 €, split between a Grenoble and a Paris supplier. */
const MONTH_CENTS = 100_000;

function monthsFrom(year: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const month = i % 12;
    return `${year + Math.floor(i / 12)}-${String(month + 1).padStart(2, '0')}`;
  });
}

function rollup(key: string, postcode: string, byMonth: [string, number][]): SupplierRollup {
  const cents = byMonth.reduce((sum, [, amount]) => sum + amount, 0);
  return {
    anchorId: 'anchor-x',
    supplier: { key, name: key.toUpperCase(), postcode },
    amountCents: cents,
    lines: byMonth.length,
    firstDate: `${byMonth[0]?.[0]}-01`,
    lastDate: `${byMonth.at(-1)?.[0]}-28`,
    byMonthCategory: byMonth.map(([month, amount]) => [month, '611', amount]),
    largestLineCents: Math.max(...byMonth.map(([, amount]) => amount)),
    categoryLabels: [],
  };
}

/** A series where the local supplier gets `localEuros[i]` of each month's 1 000,00 €. */
function trendOf(months: readonly string[], localEuros: readonly number[]) {
  const local = months.map((month, i): [string, number] => [month, (localEuros[i] ?? 0) * 100]);
  const rest = months.map((month, i): [string, number] => [month, MONTH_CENTS - (localEuros[i] ?? 0) * 100]);
  const rollups = [rollup('name:a@38000', '38000', local), rollup('name:c@75015', '75015', rest)];
  const dataset = countedDataset(DATASET, {
    fileName: 'mandats.csv',
    lines: months.length * 2,
    amountCents: months.length * MONTH_CENTS,
    suppliers: 2,
  });
  return buildReport({
    territory,
    kind: 'payments',
    language: 'fr',
    scope: { type: 'consortium' },
    datasets: [dataset],
    rollupsByDataset: new Map([[DATASET, rollups]]),
    profiles: new Map(),
    geography,
    exclusionRules: DEFAULT_EXCLUSION_RULES,
    generatedAt: new Date('2026-11-28T12:00:00Z'),
  }).report.trend;
}

describe('the trend of a noisy monthly series', () => {
  // The case: 60 % in the first month, 47,7 % in the last, between 41 % and 67 % in between.
  const NOISY = [600, 450, 670, 420, 500, 640, 430, 660, 480, 410, 520, 477];

  it('compares the first and last quarters, each pooled, never the first month with the last', () => {
    const trend = trendOf(monthsFrom(2025, 12), NOISY);
    expect(trend.method).toBe('first-last-quarter');
    expect(trend.comparison).toEqual({
      months: 12,
      // (600 + 450 + 670) / 3 000 and (410 + 520 + 477) / 3 000.
      from: { start: '2025-01', end: '2025-03', localShare: 0.573333 },
      to: { start: '2025-10', end: '2025-12', localShare: 0.469 },
      monthlyRange: { min: 0.41, max: 0.67 },
    });
    // The monthly points stay in the report, for the chart and the table.
    expect(trend.points).toHaveLength(12);
  });

  it('compares the first and last twelve months from 24 months on', () => {
    const localEuros = [...Array<number>(12).fill(400), ...Array<number>(12).fill(500)];
    localEuros[0] = 900;
    const trend = trendOf(monthsFrom(2023, 24), localEuros);
    expect(trend.method).toBe('first-last-twelve-months');
    expect(trend.comparison).toMatchObject({
      months: 24,
      // (900 + 11 × 400) / 12 000.
      from: { start: '2023-01', end: '2023-12', localShare: 0.441667 },
      to: { start: '2024-01', end: '2024-12', localShare: 0.5 },
      monthlyRange: { min: 0.4, max: 0.9 },
    });
  });

  it('states no trend from fewer than six months', () => {
    const trend = trendOf(monthsFrom(2025, 5), NOISY);
    expect(trend).toMatchObject({ method: 'too-short', comparison: null });
  });
});
