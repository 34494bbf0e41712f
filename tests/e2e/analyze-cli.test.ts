import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../shared/domain/report/report-schema.ts';
import { decpContractTotalCents, ukSpendTotalCents } from '../support/independent-sums.ts';
import { repoRoot, runCli } from '../support/run-cli.ts';

const decp = join(repoRoot, 'data/samples/decp-isere-2019-flattened.csv');
const oxford = join(repoRoot, 'data/samples/uk-oxford-spend-over-500-2018q1.csv');
const synthetic = join(repoRoot, 'data/samples/SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv');
const outDir = () => mkdtempSync(join(tmpdir(), 'ancrage-e2e-'));
const readReport = (dir: string) =>
  ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));

describe('ancrage analyze on the real fixtures', () => {
  it('counts each DECP contract once, splitting multi-titulaire contracts, and writes every output', async () => {
    const out = outDir();
    const run = await runCli(['analyze', decp, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = readReport(out);
    const expected = decpContractTotalCents(decp);
    expect(expected.contracts).toBe(183);
    expect(Math.round(report.totals.gross * 100)).toBe(expected.cents);
    expect(report.kind).toBe('contracts');
    expect(report.totals.lines).toBe(191);
    for (const file of ['report.html', 'suppliers.csv', 'by-ring.csv', 'datasets.csv']) {
      expect(readFileSync(join(out, file), 'utf8').length).toBeGreaterThan(100);
    }
    // Money as the CLI's language (English) writes it; no-break spaces read as plain ones.
    const printed = run.stdout.replace(/[\u202F\u00A0]/g, ' ');
    expect(printed).toContain('191 lines counted, €35,251,559.88');
    expect(printed).toContain('control total (every amount read on a line of spend): €35,251,559.88');
    expect(run.stdout).toContain(join(out, 'report.html'));
  });

  it('refuses the UK spend file in the default (euro) territory, saying both currencies and what to do', async () => {
    const run = await runCli(['analyze', oxford, '--kind', 'payments', '--out', outDir()]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      "the file's amounts are in GBP but Grenoble-Alpes Métropole counts in EUR: a report adds one currency only; upload files in EUR, or analyse this file with a GBP territory",
    );
  });

  it('reads the UK spend file in pounds, redacted suppliers kept as spend', async () => {
    const out = outDir();
    const run = await runCli([
      'analyze',
      oxford,
      '--territory',
      'oxford',
      '--kind',
      'payments',
      '--lang',
      'en',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    const report = readReport(out);
    const expected = ukSpendTotalCents(oxford);
    expect(Math.round(report.totals.gross * 100)).toBe(expected.cents);
    expect(report.totals.lines + report.totals.rejectedLines).toBe(expected.lines);
    expect(report.currency).toBe('GBP');
    expect(report.language).toBe('en');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="en"');
    // The file names its buyer ("Body Name"), not its id: named all the same.
    expect(html).toContain('<dd>consortium of 1 anchor institution (OCC)</dd>');
    expect(run.stdout).toContain('\nanchor institution: OCC\n');
  });

  it.each([
    [
      'says that the buyer of a file naming none is not known',
      [],
      'anchor institution not known (the file does not name its buyer): pass --anchor <id>, such as its SIRET, to name it',
      'institution d’ancrage non connue\u00A0: le fichier ne nomme pas son acheteur',
    ],
    [
      'names the anchor --anchor gives',
      ['--anchor', '21380185500015'],
      'anchor institution: Ville de Grenoble',
      'consortium de 1 institution d’ancrage (Ville de Grenoble)',
    ],
  ])('%s, in the summary and the report', async (_label, options, printed, scope) => {
    const out = outDir();
    const run = await runCli(['analyze', synthetic, ...options, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`\n${printed}\n`);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(`<dd>${scope}</dd>`);
  });
});

describe('ancrage analyze refuses clearly', () => {
  it('a missing file: exit 2 and one line', async () => {
    const run = await runCli(['analyze', 'no-such-file.csv', '--out', outDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['ancrage: file not found: no-such-file.csv']);
  });

  it('payments and contracts in one call: exit 2, naming both', async () => {
    // Two € files: only their kinds differ (a £ file would be refused for its currency first).
    const run = await runCli(['analyze', decp, synthetic, '--out', outDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /mix payments and contracts: .*decp-isere-2019-flattened\.csv \(contracts\).*SYNTHETIC-regie.*\(payments\)/,
    );
  });

  it('a file of the other kind than --kind: exit 1 with the reason', async () => {
    const run = await runCli(['analyze', decp, '--kind', 'payments', '--out', outDir()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('uploaded as payments but it is a contracts file');
  });

  it('a file that is no known format: exit 1 with the reason', async () => {
    const dir = outDir();
    const file = join(dir, 'notes.csv');
    writeFileSync(file, 'bonjour;le;monde\nceci;n est;pas un export\n');
    const run = await runCli(['analyze', file, '--out', join(dir, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no header row found');
  });

  it('a wrong option value: exit 2', async () => {
    const run = await runCli(['analyze', decp, '--kind', 'invoices', '--out', outDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--kind must be payments or contracts');
  });

  it('documents every command and option', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const word of [
      'analyze',
      'demo',
      '--out',
      '--territory',
      '--kind',
      '--anchor',
      '--lang',
      'Exit status',
    ]) {
      expect(run.stdout).toContain(word);
    }
  });
});
