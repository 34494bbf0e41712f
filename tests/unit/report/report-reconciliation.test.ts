import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import type { DatasetRecord } from '../../../shared/domain/dataset.ts';
import { DEFAULT_EXCLUSION_RULES } from '../../../shared/domain/influenceable.ts';
import type { SupplierRollup } from '../../../shared/domain/ingest/supplier-rollup-record.ts';
import type { Reconciliation } from '../../../shared/domain/reconciliation.ts';
import { buildReport } from '../../../shared/domain/report/build-report.ts';
import { ReportSchema } from '../../../shared/domain/report/report-schema.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { countedDataset } from './counted-dataset.ts';

const territory = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!territory) throw new Error('the Grenoble territory is bundled');

const reconciliation = (countedCents: number, extra: Partial<Reconciliation>): Reconciliation => ({
  controlCents: countedCents,
  countedCents,
  concessionCents: 0,
  setAside: [],
  totalRows: { lines: 0, cents: 0 },
  rejected: { lines: 0, withAmount: 0, cents: 0 },
  flags: [],
  ...extra,
});

const dataset = (id: string, amountCents: number, extra: Partial<DatasetRecord> = {}): DatasetRecord =>
  countedDataset(id.repeat(24), { fileName: `${id}.csv`, lines: 3, amountCents, suppliers: 1, ...extra });

// a.csv: 1 000,00 € counted (250,00 € of it undated), one line rejected stating 40,00 €, a total row;
// b.csv: 300,00 € counted, a repeated contract set aside (300,00 €); c.csv: the same bytes as a.csv.
const counted = [
  dataset('a', 100_000, {
    reconciliation: reconciliation(100_000, {
      controlCents: 104_000,
      rejected: { lines: 2, withAmount: 1, cents: 4_000 },
      totalRows: { lines: 1, cents: 100_000 },
      statedTotal: { lineNumber: 9, cents: 100_000, agrees: true },
      flags: [
        { flag: 'undated', lines: 1, cents: 25_000 },
        { flag: 'invalid-identifier', lines: 1, cents: 5_000 },
      ],
    }),
  }),
  dataset('b', 30_000, {
    reconciliation: reconciliation(30_000, {
      controlCents: 60_000,
      setAside: [{ kind: 'duplicate', lines: 1, cents: 30_000 }],
      flags: [{ flag: 'undated', lines: 2, cents: 1_000 }],
    }),
  }),
];
const notCounted = [dataset('c', 100_000, { status: 'REJECTED', duplicateOf: 'a'.repeat(24) })];

const rollup = (anchorId: string, key: string, buckets: [string, number][]): SupplierRollup => ({
  anchorId,
  supplier: { key, name: key.toUpperCase(), postcode: '38000' },
  amountCents: buckets.reduce((total, [, cents]) => total + cents, 0),
  lines: buckets.length,
  byMonthCategory: buckets.map(([month, cents]) => [month, '611', cents]),
  largestLineCents: Math.max(...buckets.map(([, cents]) => cents)),
  categoryLabels: [],
});

const { report } = buildReport({
  territory,
  kind: 'payments',
  language: 'en',
  scope: { type: 'consortium' },
  datasets: counted,
  notCounted,
  rollupsByDataset: new Map([
    [
      counted[0]?.id ?? '',
      [
        rollup('x', 'name:a', [
          ['2025-01', 75_000],
          ['undated', 25_000],
        ]),
      ],
    ],
    [
      counted[1]?.id ?? '',
      [
        rollup('x', 'name:b', [
          ['2025-02', 29_000],
          ['undated', 1_000],
        ]),
      ],
    ],
  ]),
  profiles: new Map(),
  geography: loadFrenchGeography(),
  exclusionRules: DEFAULT_EXCLUSION_RULES,
  generatedAt: new Date('2026-12-03T10:00:00Z'),
});

describe('the report ties every file out', () => {
  it('is a valid report', () => {
    expect(() => ReportSchema.parse(report)).not.toThrow();
  });

  it('adds the files’ reconciliations up, to the cent, flags merged by kind', () => {
    expect(report.dataQuality.reconciliation).toEqual({
      control: 1_640,
      counted: 1_300,
      concessions: 0,
      setAside: [
        { kind: 'duplicate', label: 'contracts or rows repeated in the file', lines: 1, amount: 300 },
      ],
      totalRows: { lines: 1, amount: 1_000 },
      rejected: { lines: 2, linesWithAmount: 1, amount: 40 },
      flags: [
        { flag: 'undated', label: 'no readable date (counted in the file’s period)', lines: 3, amount: 260 },
        {
          flag: 'invalid-identifier',
          label: 'invalid identifier (kept as written, supplier known by name)',
          lines: 1,
          amount: 50,
        },
      ],
    });
    expect(report.dataQuality.reconciliation.counted).toBe(report.totals.gross);
  });

  it('gives each file its own reconciliation, with its stated total', () => {
    expect(
      report.datasets.map((d) => [d.file, d.reconciliation?.control, d.reconciliation?.statedTotal]),
    ).toEqual([
      ['a.csv', 1_040, { line: 9, amount: 1_000, agrees: true }],
      ['b.csv', 600, undefined],
    ]);
  });

  it('names the file read but not counted, and the file that counts it', () => {
    expect(report.dataQuality.datasetsNotCounted).toEqual([
      { id: 'c'.repeat(24), file: 'c.csv', reason: 'duplicate', countedIn: 'a.csv', amount: 1_000 },
    ]);
  });

  it('shows undated spend as its own point of the trend, last, and its amount apart', () => {
    expect(report.trend.points.map((point) => [point.period, point.influenceable])).toEqual([
      ['2025-01', 750],
      ['2025-02', 290],
      ['undated', 260],
    ]);
    expect(report.dataQuality.undatedAmount).toBe(260);
  });
});
