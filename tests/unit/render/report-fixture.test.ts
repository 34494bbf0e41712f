import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../../shared/domain/report/report-schema.ts';
import { reportFixture } from './report-fixture.ts';

describe('report fixture', () => {
  it.each(['fr', 'en'] as const)('is a valid report (%s)', (lang) => {
    const report = reportFixture(lang);
    expect(ReportSchema.parse(report)).toEqual(report);
  });

  it('adds up', () => {
    const report = reportFixture();
    const sum = (xs: readonly { amount: number }[]) => xs.reduce((total, x) => total + x.amount, 0);
    expect(sum(report.byRing)).toBe(report.totals.influenceable);
    expect(sum(report.bySupplierType)).toBe(report.totals.influenceable);
    expect(sum(report.exclusionRules)).toBe(report.totals.excluded);
    expect(sum(report.datasets)).toBe(report.totals.gross);
    expect(report.totals.gross - report.totals.excluded - report.totals.grants).toBe(
      report.totals.influenceable,
    );
  });
});
