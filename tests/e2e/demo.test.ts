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
    // The local multiplier, with its assumptions: the régie's illustrative staff inputs, said to be
    // illustrative, and the published defaults beside the method's own.
    const multiplier = payments.localMultiplier;
    expect(multiplier.reason).toBeNull();
    expect(multiplier.lm3?.central).toBeGreaterThan(1);
    expect(multiplier.lm3?.low).toBeLessThan(multiplier.lm3?.high ?? 0);
    expect(multiplier.stated.map((input) => input.source)).toEqual([
      expect.stringMatching(/^ILLUSTRATIF \/ ILLUSTRATIVE/),
    ]);
    expect(multiplier.rounds.r1.staff).toBeGreaterThan(0);
    expect(multiplier.perLocal?.central).toBe(1.76);
    expect(multiplier.perOutside?.central).toBe(0.36);
    expect(multiplier.scenario?.addedAmount).toBeGreaterThan(0);
    const lm3 = multiplier.lm3;
    expect(run.stdout).toContain(
      `local multiplier (LM3): ${lm3?.central.toFixed(2)} (${lm3?.low.toFixed(2)}–${lm3?.high.toFixed(2)} with the defaults' ranges); survey answers cover 0.0 % of local supplier spend`,
    );
    expect(contracts.localMultiplier.reason).toBe('contracts');
    expect(contracts.localMultiplier.lm3).toBeNull();
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Effet multiplicateur local (LM3)');
    expect(html).toContain('ILLUSTRATIF / ILLUSTRATIVE');
    expect(run.stdout).toContain(join(out, 'report.html'));
  });
});
