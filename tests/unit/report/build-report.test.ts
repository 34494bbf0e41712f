import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import type { DatasetRecord } from '../../../shared/domain/dataset.ts';

const frenchGeography = loadFrenchGeography();

import { DEFAULT_EXCLUSION_RULES } from '../../../shared/domain/influenceable.ts';
import type { SupplierRollup } from '../../../shared/domain/ingest/supplier-rollup-record.ts';
import { buildReport } from '../../../shared/domain/report/build-report.ts';
import { ReportSchema } from '../../../shared/domain/report/report-schema.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { countedDataset } from './counted-dataset.ts';

const territory = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!territory) throw new Error('the Grenoble territory is bundled');

function rollup(
  anchorId: string,
  key: string,
  postcode: string | undefined,
  byCategory: [string, number][],
): SupplierRollup {
  const amountCents = byCategory.reduce((total, [, cents]) => total + cents, 0);
  return {
    anchorId,
    supplier: {
      key,
      name: key === 'undisclosed' ? '' : key.toUpperCase(),
      ...(postcode ? { postcode } : {}),
    },
    amountCents,
    lines: byCategory.length,
    firstDate: '2025-01-10',
    lastDate: '2025-03-20',
    byMonthCategory: byCategory.map(([category, cents]) => ['2025-01', category, cents]),
    largestLineCents: Math.max(...byCategory.map(([, cents]) => cents)),
    categoryLabels: [],
  };
}

const dataset = (id: string, amountCents: number): DatasetRecord =>
  countedDataset(id, {
    lines: 5,
    rejectedLines: 1,
    amountCents,
    suppliers: 3,
    periodFrom: id === 'a'.repeat(24) ? '2025-01-10' : '2025-02-01',
    periodTo: '2025-03-20',
  });

// Hand-computed: a (Grenoble) 1 200,00 €; b (Échirolles) 500,00 € of which 100,00 € staff costs (64)
// and 200,00 € grants (65); c (Paris) 300,00 €; an undisclosed payee 100,00 €.
const rollups = [
  rollup('anchor-x', 'name:a@38000', '38000', [['611', 100_000]]),
  rollup('anchor-x', 'name:b@38130', '38130', [
    ['6411', 10_000],
    ['6574', 20_000],
    ['611', 20_000],
  ]),
  rollup('anchor-x', 'name:c@75015', '75015', [['2183', 30_000]]),
  rollup('anchor-x', 'undisclosed', undefined, [['', 10_000]]),
  rollup('anchor-y', 'name:a@38000', '38000', [['611', 20_000]]),
];

const build = (scope: { type: 'consortium' } | { type: 'anchor'; anchorId: string }) =>
  buildReport({
    territory,
    kind: 'payments',
    language: 'fr',
    scope,
    datasets: [dataset('a'.repeat(24), 190_000), dataset('b'.repeat(24), 20_000)],
    rollupsByDataset: new Map([['a'.repeat(24), rollups]]),
    profiles: new Map(),
    geography: frenchGeography,
    exclusionRules: DEFAULT_EXCLUSION_RULES,
    generatedAt: new Date('2026-11-28T12:00:00Z'),
  });

describe('buildReport on hand-computed rollups', () => {
  const { report, suppliers } = build({ type: 'consortium' });

  it('is a valid report', () => {
    expect(() => ReportSchema.parse(report)).not.toThrow();
  });

  it('separates gross, excluded, grants and influenceable spend', () => {
    expect(report.totals).toEqual({
      gross: 2_100,
      excluded: 100,
      grants: 200,
      influenceable: 1_800,
      lines: 7,
      rejectedLines: 2,
      suppliers: 3,
    });
    expect(report.exclusionRules.find((rule) => rule.id === 'staff')?.amount).toBe(100);
  });

  it('puts each supplier in one exclusive band, in ring order, with cumulative shares', () => {
    const bands = report.byRing.map((band) => [
      band.ring,
      band.amount,
      band.share,
      band.cumulativeShare,
      band.suppliers,
    ]);
    expect(bands).toEqual([
      ['commune', 1_200, 0.666667, 0.666667, 1],
      ['metropole', 200, 0.111111, 0.777778, 1],
      ['departement', 0, 0, 0.777778, 0],
      ['region', 0, 0, 0.777778, 0],
      ['france', 300, 0.166667, 0.944444, 1],
      ['abroad', 0, 0, 0.944444, 0],
      ['unknown', 100, 0.055556, 1, 0],
    ]);
    expect(report.byRing.at(-1)?.label).toBe('Localisation inconnue');
  });

  it('gives the headline for the local ring and everything inside it', () => {
    expect(report.headline).toEqual({
      localRing: 'metropole',
      localAmount: 1_400,
      localShare: 0.777778,
      knownLocalityShare: 0.944444,
      measurable: true,
      minimumKnownShare: 0.5,
      ambiguousAmount: 0,
      unknownAmount: 100,
      // Postcodes place establishments only: nothing here says where the head offices are.
      headOffice: {
        localAmount: 0,
        localShare: 0,
        knownLocalityShare: 0,
        measurable: false,
        unknownAmount: 1_800,
      },
    });
  });

  it('merges a supplier paid by two anchors', () => {
    const a = suppliers.find((supplier) => supplier.key === 'name:a@38000');
    expect(a?.amountCents).toBe(120_000);
    expect(a?.anchorIds).toEqual(['anchor-x', 'anchor-y']);
    expect(report.topSuppliers[0]?.name).toBe('NAME:A@38000');
  });

  it('takes the period from the datasets', () => {
    expect(report.period).toEqual({ from: '2025-01-10', to: '2025-03-20' });
  });

  it('reports one anchor alone when asked', () => {
    const anchorReport = build({ type: 'anchor', anchorId: 'anchor-y' }).report;
    expect(anchorReport.totals.gross).toBe(200);
    expect(anchorReport.anchors.map((anchor) => anchor.id)).toEqual(['anchor-y']);
    expect(anchorReport.headline.localShare).toBe(1);
  });

  it('says unknown for supplier type rather than guessing', () => {
    expect(report.bySupplierType).toEqual([
      { type: 'unknown', label: 'Non déterminé', amount: 1_800, share: 1, suppliers: 3 },
    ]);
    expect(report.coverage.supplierType.knownShare).toBe(0);
  });
});

describe('buildReport: sectors, leakage, opportunities, concentration, trend, targets, anchors', () => {
  const { report } = build({ type: 'consortium' });

  it('groups influenceable spend by M57 account, with the local part of each', () => {
    expect(report.sectorScheme).toBe('nature-chapter');
    expect(
      report.bySector.map((s) => [s.sector, s.amount, s.share, s.localAmount, s.localShare, s.suppliers]),
    ).toEqual([
      ['611', 1_400, 0.777778, 1_400, 1, 2],
      ['218', 300, 0.166667, 0, 0, 1],
      ['uncategorised', 100, 0.055556, 0, 0, 0],
    ]);
    expect(report.bySector[0]?.label).toBe('611 — Contrats de prestations de services');
  });

  it('counts as leakage what is known to be outside the local rings, not what is unknown', () => {
    expect(report.leakage.nonLocalAmount).toBe(300);
    expect(report.leakage.topSuppliers).toEqual([
      {
        key: 'name:c@75015',
        name: 'NAME:C@75015',
        amount: 300,
        share: 0.166667,
        ring: 'france',
        sector: '218',
      },
    ]);
    expect(report.leakage.topSectors.map((s) => [s.sector, s.nonLocalAmount, s.shareOfLeakage])).toEqual([
      ['218', 300, 1],
    ]);
    // No local supplier is paid in 218: no opportunity to show.
    expect(report.opportunities).toEqual([]);
  });

  it('measures concentration: top-10 share and HHI (12/17, 2/17, 3/17 → 5 432.5)', () => {
    expect(report.concentration).toEqual({ top10Share: 1, hhi: 5_432.5 });
  });

  it('traces the local share month by month within one year', () => {
    expect(report.trend).toEqual({
      granularity: 'month',
      // One month says nothing of a direction.
      method: 'too-short',
      comparison: null,
      points: [{ period: '2025-01', influenceable: 1_800, localAmount: 1_400, localShare: 0.777778 }],
    });
  });

  it('compares anchors', () => {
    expect(
      report.anchorComparison.map((a) => [a.id, a.influenceable, a.localAmount, a.localShare, a.suppliers]),
    ).toEqual([
      ['anchor-x', 1_600, 1_200, 0.75, 3],
      ['anchor-y', 200, 200, 1, 1],
    ]);
  });

  it('states targets with baseline, current value and gap', () => {
    const withTargets = buildReport({
      territory: {
        ...territory,
        targets: [
          {
            id: 'local-2026',
            label: { fr: '40 % local en 2026', en: '40 % local by 2026' },
            metric: 'local-share',
            view: 'establishment',
            value: 0.4,
            year: 2026,
            baseline: { value: 0.3, year: 2024 },
            status: 'adopted',
          },
          {
            id: 'coops',
            label: { fr: '10 % coopératives', en: '10 % cooperatives' },
            metric: 'supplier-type-share',
            view: 'establishment',
            supplierTypes: ['cooperative'],
            value: 0.1,
            year: 2027,
            status: 'illustrative',
          },
        ],
      },
      kind: 'payments',
      language: 'en',
      scope: { type: 'consortium' },
      datasets: [dataset('a'.repeat(24), 190_000)],
      rollupsByDataset: new Map([['a'.repeat(24), rollups]]),
      profiles: new Map(),
      geography: frenchGeography,
      exclusionRules: DEFAULT_EXCLUSION_RULES,
      generatedAt: new Date('2026-11-28T12:00:00Z'),
    }).report;
    expect(withTargets.targets).toEqual([
      {
        id: 'local-2026',
        label: '40 % local by 2026',
        metric: 'local-share',
        status: 'adopted',
        target: 0.4,
        year: 2026,
        baseline: { value: 0.3, year: 2024 },
        current: 0.777778,
        gap: -0.377778,
      },
      {
        id: 'coops',
        label: '10 % cooperatives',
        metric: 'supplier-type-share',
        status: 'illustrative',
        target: 0.1,
        year: 2027,
        baseline: null,
        // No supplier's type is known: a share of cooperatives cannot be measured, so no gap.
        current: null,
        gap: null,
      },
    ]);
  });

  it('finds an opportunity where money leaks in a sector local suppliers already serve', () => {
    const withLocalPeer = buildReport({
      territory,
      kind: 'payments',
      language: 'fr',
      scope: { type: 'consortium' },
      datasets: [dataset('a'.repeat(24), 190_000)],
      rollupsByDataset: new Map([
        ['a'.repeat(24), [...rollups, rollup('anchor-x', 'name:d@38100', '38100', [['2183', 5_000]])]],
      ]),
      profiles: new Map(),
      geography: frenchGeography,
      exclusionRules: DEFAULT_EXCLUSION_RULES,
      generatedAt: new Date('2026-11-28T12:00:00Z'),
    }).report;
    expect(withLocalPeer.opportunities).toEqual([
      {
        sector: '218',
        label: withLocalPeer.bySector.find((s) => s.sector === '218')?.label,
        nonLocalAmount: 300,
        localSuppliersPaid: 1,
        localEstablishments: null,
        examples: ['NAME:D@38100'],
      },
    ]);
  });

  it('counts local establishments of the same activity as the distant suppliers, from the registry', () => {
    const withRegistry = buildReport({
      territory,
      kind: 'payments',
      language: 'fr',
      scope: { type: 'consortium' },
      datasets: [dataset('a'.repeat(24), 190_000)],
      rollupsByDataset: new Map([['a'.repeat(24), rollups]]),
      profiles: new Map([
        [
          'name:c@75015',
          {
            key: 'name:c@75015',
            activity: { value: '46.51Z', source: 'registry' as const, asOf: '2026-01-01' },
          },
        ],
      ]),
      localEstablishments: new Map([
        ['46', 7],
        ['62', 40],
      ]),
      geography: frenchGeography,
      exclusionRules: DEFAULT_EXCLUSION_RULES,
      generatedAt: new Date('2026-11-28T12:00:00Z'),
    }).report;
    // Nobody local is paid in 218, but the registry lists 7 local wholesalers of IT equipment (NAF 46).
    expect(withRegistry.opportunities).toEqual([
      expect.objectContaining({
        sector: '218',
        nonLocalAmount: 300,
        localSuppliersPaid: 0,
        localEstablishments: 7,
        examples: [],
      }),
    ]);
  });
});

describe('an anchor’s report, by who uploaded each file', () => {
  // anchor-x's lines in two files: the consortium administrator's (counted), and anchor-y's, stored
  // before the tenant rule kept such lines out at ingest (never counted for anchor-x).
  const byAnchorY: DatasetRecord = {
    ...dataset('c'.repeat(24), 99_000),
    source: { bucket: 'b', key: `uploads/anchor-y/${'c'.repeat(24)}.csv` },
    anchorId: 'anchor-y',
  };
  const { report } = buildReport({
    territory,
    kind: 'payments',
    language: 'en',
    scope: { type: 'anchor', anchorId: 'anchor-x' },
    datasets: [dataset('a'.repeat(24), 190_000), dataset('b'.repeat(24), 20_000), byAnchorY],
    rollupsByDataset: new Map([
      ['a'.repeat(24), rollups],
      [byAnchorY.id, [rollup('anchor-x', 'name:z@38000', '38000', [['611', 99_000]])]],
    ]),
    profiles: new Map(),
    geography: frenchGeography,
    exclusionRules: DEFAULT_EXCLUSION_RULES,
    generatedAt: new Date('2026-12-03T12:00:00Z'),
  });

  it('counts the lines naming it from the consortium’s file, not those another institution uploaded', () => {
    // Hand-computed: anchor-x's four rollups, 1 000 + 500 + 300 + 100 €.
    expect(report.totals.gross).toBe(1_900);
    expect(report.anchors.map((anchor) => anchor.id)).toEqual(['anchor-x']);
  });

  it('lists the files its figures come from, each with who uploaded it, and no other', () => {
    expect(report.datasets.map((entry) => [entry.id, entry.uploadedBy])).toEqual([
      ['a'.repeat(24), { id: 'consortium', name: 'Consortium administrator' }],
    ]);
  });
});
