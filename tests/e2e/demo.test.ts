import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../shared/domain/report/report-schema.ts';
import { runCli } from '../support/run-cli.ts';

describe('npm start (ancrage demo) on the bundled sample data', () => {
  it('writes the payments report and the contracts report, and says where', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ancrage-demo-'));
    const run = await runCli(['demo', '--out', out]);
    expect(run.code).toBe(0);
    const payments = ReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    const contracts = ReportSchema.parse(
      JSON.parse(readFileSync(join(out, 'contracts/report.json'), 'utf8')),
    );
    expect(payments.kind).toBe('payments');
    expect(contracts.kind).toBe('contracts');
    // The Isère DECP names few places: its local share is said to be not measurable, never 0 %.
    expect(contracts.headline.measurable).toBe(false);
    // The synthetic extract has 2 400 good lines, one dated 31/02 (counted, undated) and one without
    // an amount (rejected).
    expect(payments.totals.lines).toBe(2_401);
    expect(payments.totals.rejectedLines).toBe(1);
    expect(payments.dataQuality.undatedAmount).toBe(120);
    expect(payments.headline.localShare).toBeGreaterThan(0);
    expect(payments.headline.measurable).toBe(true);
    // The SYNTHETIC SIRENE extract of the sample's suppliers is loaded whole: the report knows most
    // suppliers' head office, and sorts them into several types.
    expect(run.stdout).toMatch(/SYNTHETIC-sirene-StockUniteLegale\S* \(SIRENE stock file\): .*, 0 rejected/);
    expect(run.stdout).toMatch(
      /SYNTHETIC-sirene-StockEtablissement\S* \(SIRENE stock file\): .*, 0 rejected/,
    );
    expect(payments.coverage.locality.headOffice.knownShare).toBeGreaterThan(0.5);
    const types = payments.bySupplierType.filter((entry) => entry.type !== 'unknown' && entry.amount > 0);
    expect(types.length).toBeGreaterThanOrEqual(5);
    // Each supplier has its own trade: money leaves through several sectors, some of which local
    // suppliers already serve.
    expect(new Set(payments.leakage.topSuppliers.map((entry) => entry.sector)).size).toBeGreaterThanOrEqual(
      3,
    );
    expect(payments.opportunities.length).toBeGreaterThanOrEqual(2);
    expect(
      existsSync(join(out, 'rejects/SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv.rejects.csv')),
    ).toBe(true);
    expect(run.stdout).toMatch(/local share \(Grenoble-Alpes Métropole\): \d+\.\d %/);
    expect(run.stdout).toContain(join(out, 'report.html'));
  });
});
