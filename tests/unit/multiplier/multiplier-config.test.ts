import { describe, expect, it } from 'vitest';
import {
  defaultsOverrideOf,
  MultiplierConfigSchema,
} from '../../../shared/domain/multiplier/multiplier-config.ts';
import { statedInputsFor, wholeYearOf } from '../../../shared/domain/multiplier/stated-inputs.ts';
import {
  BUNDLED_TERRITORIES,
  DEFAULT_TERRITORY_ID,
} from '../../../shared/domain/territory/bundled-territories.ts';
import { TerritorySchema } from '../../../shared/domain/territory/territory.ts';

const input = (fields: object) => ({
  anchorId: '21380185500015',
  year: 2025,
  source: 'Compte administratif 2025',
  asOf: '2026-04-30',
  ...fields,
});

describe('a territory’s multiplier settings', () => {
  it('defaults to the influenceable base, a 10 % shift, no stated input and the method’s table', () => {
    expect(MultiplierConfigSchema.parse({})).toEqual({
      base: 'influenceable',
      anchors: [],
      scenarioShift: 0.1,
    });
    expect(defaultsOverrideOf(undefined)).toBeUndefined();
  });

  it('reads stated amounts with the money parser, into cents, never through a float', () => {
    const config = MultiplierConfigSchema.parse({
      anchors: [
        input({ staffCosts: '48 250 000,10', localStaffShare: 0.7, totalExpenditure: '1234567.89' }),
        input({ anchorId: '20004071500019', staffCosts: '1\u202F000\u202F000,00', localStaffShare: 0.5 }),
      ],
    });
    const stated = statedInputsFor(config, ['21380185500015', '20004071500019'], {
      from: '2025-01-02',
      to: '2025-12-30',
    });
    expect(stated.used.map((s) => [s.staffCostsCents, s.totalExpenditureCents])).toEqual([
      [4_825_000_010, 123_456_789],
      [100_000_000, undefined],
    ]);
  });

  it.each([
    ['an ambiguous amount', { staffCosts: '1,234', localStaffShare: 0.5 }],
    ['a negative amount', { staffCosts: '-100', localStaffShare: 0.5 }],
    ['words', { staffCosts: 'about a million', localStaffShare: 0.5 }],
    ['staff costs without the local staff share', { staffCosts: '1000' }],
    ['a local staff share above 1', { staffCosts: '1000', localStaffShare: 1.2 }],
    ['no source', { staffCosts: '1000', localStaffShare: 0.5, source: ' ' }],
    ['no date', { staffCosts: '1000', localStaffShare: 0.5, asOf: '30/04/2026' }],
  ])('refuses %s', (_, fields) => {
    expect(MultiplierConfigSchema.safeParse({ anchors: [input(fields)] }).success).toBe(false);
  });

  it('refuses an anchor stating the same year twice, a range out of order, a shift of nothing', () => {
    expect(MultiplierConfigSchema.safeParse({ anchors: [input({}), input({})] }).success).toBe(false);
    expect(
      MultiplierConfigSchema.safeParse({
        defaults: { source: 'x', rows: { staff: { central: 0.5, low: 0.6, high: 0.8 } } },
      }).success,
    ).toBe(false);
    expect(MultiplierConfigSchema.safeParse({ scenarioShift: 0 }).success).toBe(false);
    expect(
      MultiplierConfigSchema.safeParse({
        defaults: { source: 'x', rows: { sme: { central: 0.5, low: 0.4, high: 0.8 } } },
      }).success,
    ).toBe(false);
  });

  it('keeps a territory’s defaults with their source', () => {
    const config = MultiplierConfigSchema.parse({
      defaults: { source: 'Enquête 2026', rows: { 'non-local': { central: 0.3, low: 0.2, high: 0.4 } } },
    });
    const override = defaultsOverrideOf(config);
    expect(override?.source).toBe('Enquête 2026');
    expect([...(override?.rows ?? [])]).toEqual([['non-local', { central: 0.3, low: 0.2, high: 0.4 }]]);
  });

  it('reads back the same from a territory file written out again', () => {
    const territory = BUNDLED_TERRITORIES.get(DEFAULT_TERRITORY_ID);
    expect(territory?.multiplier?.anchors[0]?.source).toMatch(/^ILLUSTRATIF \/ ILLUSTRATIVE/);
    expect(TerritorySchema.parse(JSON.parse(JSON.stringify(territory)))).toEqual(territory);
  });
});

describe('which stated inputs a report uses', () => {
  it.each([
    [{ from: '2025-01-03', to: '2025-12-29' }, 2025],
    [{ from: '2025-02-01', to: '2025-12-31' }, null],
    [{ from: '2025-01-01', to: '2025-03-31' }, null],
    [{ from: '2024-01-01', to: '2025-12-31' }, null],
    [{ from: null, to: '2025-12-31' }, null],
  ])('a period %o covers the whole year %s', (period, year) => {
    expect(wholeYearOf(period)).toBe(year);
  });

  it('uses the year the period covers, for the report’s anchors only, and says what it left out', () => {
    const config = MultiplierConfigSchema.parse({
      anchors: [
        input({ staffCosts: '1000', localStaffShare: 0.5 }),
        input({ year: 2024, staffCosts: '900', localStaffShare: 0.5 }),
        input({ anchorId: 'other', staffCosts: '5000', localStaffShare: 0.5 }),
      ],
    });
    const year = statedInputsFor(config, ['21380185500015'], { from: '2025-01-01', to: '2025-12-31' });
    expect(year.used.map((s) => [s.anchorId, s.year])).toEqual([['21380185500015', 2025]]);
    expect(year.notUsed).toEqual([{ anchorId: '21380185500015', year: 2024, reason: 'other-year' }]);
    const quarter = statedInputsFor(config, ['21380185500015'], { from: '2025-01-01', to: '2025-03-31' });
    expect(quarter.used).toEqual([]);
    expect(quarter.notUsed.map((s) => s.reason)).toEqual([
      'period-not-one-whole-year',
      'period-not-one-whole-year',
    ]);
  });
});
