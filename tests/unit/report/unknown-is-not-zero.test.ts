import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import type { DatasetRecord } from '../../../shared/domain/dataset.ts';
import { DEFAULT_EXCLUSION_RULES } from '../../../shared/domain/influenceable.ts';
import type { SupplierRollup } from '../../../shared/domain/ingest/supplier-rollup-record.ts';
import { buildReport } from '../../../shared/domain/report/build-report.ts';
import { MIN_KNOWN_SHARE } from '../../../shared/domain/report/measurability.ts';
import { ReportSchema } from '../../../shared/domain/report/report-schema.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { type Target, type Territory, TerritorySchema } from '../../../shared/domain/territory/territory.ts';
import { countedDataset } from './counted-dataset.ts';

const geography = loadFrenchGeography();
const bundled = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!bundled) throw new Error('the Grenoble territory is bundled');
const grenoble: Territory = bundled;

const DATASET = 'd'.repeat(24);

/** One supplier's spend in January 2025 on account 611; a postcode locates it, none leaves it unknown. */
function rollup(key: string, postcode: string | undefined, cents: number): SupplierRollup {
  return {
    anchorId: 'anchor-x',
    supplier: { key, name: key.toUpperCase(), ...(postcode ? { postcode } : {}) },
    amountCents: cents,
    lines: 1,
    firstDate: '2025-01-10',
    lastDate: '2025-01-10',
    byMonthCategory: [['2025-01', '611', cents]],
    largestLineCents: cents,
    categoryLabels: [],
  };
}

const dataset = (amountCents: number): DatasetRecord =>
  countedDataset(DATASET, {
    fileName: 'mandats.csv',
    lines: 2,
    amountCents,
    suppliers: 2,
    periodFrom: '2025-01-01',
    periodTo: '2025-01-31',
  });

/** A territory target as an old file writes it: no status. */
const LOCAL_TARGET = {
  id: 'local-2026',
  label: { fr: '40 % local en 2026', en: '40 % local by 2026' },
  metric: 'local-share',
  value: 0.4,
  year: 2026,
};

function reportOf(rollups: SupplierRollup[], targets: Target[]) {
  const cents = rollups.reduce((sum, r) => sum + r.amountCents, 0);
  return ReportSchema.parse(
    buildReport({
      territory: { ...grenoble, targets },
      kind: 'payments',
      language: 'fr',
      scope: { type: 'consortium' },
      datasets: [dataset(cents)],
      rollupsByDataset: new Map([[DATASET, rollups]]),
      profiles: new Map(),
      geography,
      exclusionRules: DEFAULT_EXCLUSION_RULES,
      generatedAt: new Date('2026-11-28T12:00:00Z'),
    }).report,
  );
}

const targetOf = (raw: object): Target => {
  const parsed = TerritorySchema.parse({ ...grenoble, targets: [raw] }).targets[0];
  if (!parsed) throw new Error('one target');
  return parsed;
};

describe('a local share too little located is not measurable, not 0 %', () => {
  it('sets the threshold at half the influenceable spend located', () => {
    expect(MIN_KNOWN_SHARE).toBe(0.5);
  });

  // Grenoble (local) 100,00 € located; 900,00 € with no postcode: 10 % located.
  const below = reportOf(
    [rollup('name:a@38000', '38000', 10_000), rollup('name:b', undefined, 90_000)],
    [targetOf(LOCAL_TARGET)],
  );
  // Grenoble 100,00 € and Paris 100,00 € located, 100,00 € unknown: 66,7 % located.
  const above = reportOf(
    [
      rollup('name:a@38000', '38000', 10_000),
      rollup('name:c@75015', '75015', 10_000),
      rollup('name:b', undefined, 10_000),
    ],
    [targetOf({ ...LOCAL_TARGET, status: 'adopted' })],
  );

  it('says so in report.json below the threshold, with the coverage and the threshold', () => {
    expect(below.headline).toMatchObject({
      measurable: false,
      knownLocalityShare: 0.1,
      minimumKnownShare: 0.5,
      // The located local spend is kept, as a minimum.
      localAmount: 100,
    });
  });

  it('headlines the share above the threshold', () => {
    expect(above.headline).toMatchObject({
      measurable: true,
      knownLocalityShare: 0.666667,
      localShare: 0.333333,
    });
  });

  it('computes no gap and no "reached" from an unmeasurable share', () => {
    expect(below.targets[0]).toMatchObject({ current: null, gap: null });
    expect(above.targets[0]).toMatchObject({ current: 0.333333, gap: 0.066667 });
  });

  it('states no trend from an unmeasurable share', () => {
    expect(below.trend).toMatchObject({ method: 'not-measurable', comparison: null });
  });

  it('says the head-office view cannot be measured when no head office is known', () => {
    expect(below.headline.headOffice).toMatchObject({ measurable: false, knownLocalityShare: 0 });
  });

  it('says, for each supplier to identify first, whether its type and its location are known', () => {
    expect(
      below.unmatchedSuppliers.map((supplier) => [supplier.key, supplier.typeKnown, supplier.locationKnown]),
    ).toEqual([
      ['name:b', false, false],
      ['name:a@38000', false, true],
    ]);
  });
});

describe('illustrative targets', () => {
  it('are illustrative unless the territory file says adopted, and old files stay valid', () => {
    expect(targetOf(LOCAL_TARGET).status).toBe('illustrative');
    expect(targetOf({ ...LOCAL_TARGET, status: 'adopted' }).status).toBe('adopted');
    expect(() => targetOf({ ...LOCAL_TARGET, status: 'voted' })).toThrow();
  });

  it('carry their status into report.json', () => {
    const report = reportOf(
      [rollup('name:a@38000', '38000', 10_000)],
      [targetOf(LOCAL_TARGET), targetOf({ ...LOCAL_TARGET, id: 'adopted', status: 'adopted' })],
    );
    expect(report.targets.map((target) => [target.id, target.status])).toEqual([
      ['local-2026', 'illustrative'],
      ['adopted', 'adopted'],
    ]);
  });

  it('marks the bundled Grenoble targets illustrative, as their labels say', () => {
    for (const target of grenoble.targets) {
      expect(target.status).toBe('illustrative');
      expect(target.label.fr).toMatch(/^Objectif illustratif/);
    }
  });
});
