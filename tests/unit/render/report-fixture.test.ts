import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../../shared/domain/report/report-schema.ts';
import { reportFixture } from './report-fixture.ts';

const sum = <T>(xs: readonly T[], amount: (x: T) => number): number =>
  Math.round(xs.reduce((total, x) => total + amount(x), 0) * 100) / 100;

describe('report fixture', () => {
  it.each(['fr', 'en'] as const)('is a valid report (%s)', (lang) => {
    const report = reportFixture(lang);
    expect(ReportSchema.parse(report)).toEqual(report);
  });

  it('adds up', () => {
    const report = reportFixture();
    const byAmount = (x: { amount: number }) => x.amount;
    expect(sum(report.byRing, byAmount)).toBe(report.totals.influenceable);
    expect(sum(report.byRingHeadOffice, byAmount)).toBe(report.totals.influenceable);
    expect(sum(report.bySupplierType, byAmount)).toBe(report.totals.influenceable);
    expect(sum(report.exclusionRules, byAmount)).toBe(report.totals.excluded);
    expect(sum(report.datasets, byAmount)).toBe(report.totals.gross);
    expect(report.totals.gross - report.totals.excluded - report.totals.grants).toBe(
      report.totals.influenceable,
    );
    const cooperative = report.bySupplierType.find((type) => type.type === 'cooperative');
    expect(sum(report.cooperatives, byAmount)).toBe(cooperative?.amount);
  });

  it('adds up in the new breakdowns', () => {
    const report = reportFixture();
    const { headline, totals } = report;
    expect(sum(report.bySector, (s) => s.amount)).toBe(totals.influenceable);
    expect(sum(report.bySector, (s) => s.localAmount)).toBe(headline.localAmount);
    expect(sum(report.trend.points, (p) => p.influenceable)).toBe(totals.influenceable);
    expect(sum(report.trend.points, (p) => p.localAmount)).toBe(headline.localAmount);
    expect(sum(report.anchorComparison, (a) => a.influenceable)).toBe(totals.influenceable);
    expect(sum(report.anchorComparison, (a) => a.localAmount)).toBe(headline.localAmount);
    const leaking = report.byRing.filter((ring) => !['metropole', 'unknown'].includes(ring.ring));
    expect(sum(leaking, (r) => r.amount)).toBe(report.leakage.nonLocalAmount);
    expect(sum(report.leakage.topSectors, (s) => s.nonLocalAmount)).toBe(report.leakage.nonLocalAmount);
    expect(sum(report.leakage.topSectors, (s) => s.shareOfLeakage)).toBeCloseTo(1, 3);
    for (const supplier of report.leakage.topSuppliers) {
      expect(supplier.ring).not.toBe('metropole');
      expect(report.bySector.some((sector) => sector.sector === supplier.sector)).toBe(true);
    }
    const local = report.targets.find((target) => target.metric === 'local-share');
    expect(local?.current).toBe(headline.localShare);
    expect(local && local.target - (local.current ?? Number.NaN)).toBeCloseTo(local?.gap ?? Number.NaN, 6);
    const typed = (types: readonly string[]) =>
      report.bySupplierType.filter((entry) => types.includes(entry.type));
    expect(sum(typed(report.socialEconomy.types), (t) => t.amount)).toBe(report.socialEconomy.amount);
    expect(sum(typed(report.socialEconomy.types), (t) => t.suppliers)).toBe(report.socialEconomy.suppliers);
    expect(sum(typed(report.smallBusinesses.types), (t) => t.amount)).toBe(report.smallBusinesses.amount);
    expect(report.dataQuality.unknownLocalityAmount).toBe(headline.unknownAmount);
    expect(report.dataQuality.rejectedLines).toBe(totals.rejectedLines);
  });

  it('ties out every reconciliation to the cent, and the files add up to the whole', () => {
    const report = reportFixture();
    const cents = (amount: number): number => Math.round(amount * 100);
    const whole = report.dataQuality.reconciliation;
    const files = report.datasets.map((dataset) => {
      if (!dataset.reconciliation) throw new Error(`${dataset.id} has no reconciliation`);
      return dataset.reconciliation;
    });
    for (const r of [whole, ...files]) {
      const setAside = r.setAside.reduce((total, entry) => total + cents(entry.amount), 0);
      expect(cents(r.counted) + cents(r.concessions) + setAside + cents(r.rejected.amount)).toBe(
        cents(r.control),
      );
    }
    report.datasets.forEach((dataset, i) => {
      expect(files[i]?.counted).toBe(dataset.amount);
      expect(files[i]?.rejected.lines).toBe(dataset.rejectedLines);
    });
    expect(sum(files, (r) => r.control)).toBe(whole.control);
    expect(sum(files, (r) => r.rejected.amount)).toBe(whole.rejected.amount);
    const undated = (r: typeof whole) => r.flags.find((entry) => entry.flag === 'undated')?.amount ?? 0;
    expect(sum(files, undated)).toBe(undated(whole));
    expect(undated(whole)).toBe(report.dataQuality.undatedAmount);
    const setAsideLines = whole.setAside.reduce((lines, entry) => lines + entry.lines, whole.totalRows.lines);
    expect(setAsideLines).toBe(report.dataQuality.setAsideLines);
  });

  it('has a stated total that disagrees, a file not counted and an undated trend point, last', () => {
    const report = reportFixture();
    const stated = report.datasets[0]?.reconciliation?.statedTotal;
    expect(stated?.agrees).toBe(false);
    expect(stated?.amount).not.toBe(report.datasets[0]?.amount);
    expect(report.dataQuality.datasetsNotCounted.map((d) => d.reason)).toEqual(['duplicate', 'superseded']);
    for (const notCounted of report.dataQuality.datasetsNotCounted) {
      expect(report.datasets.map((d) => d.file)).toContain(notCounted.countedIn);
    }
    expect(report.trend.points.at(-1)?.period).toBe('undated');
    expect(report.trend.points.filter((point) => point.period === 'undated')).toHaveLength(1);
  });
});
