import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../shared/cli/cli-error.ts';
import { loadMappingProfile } from '../../../shared/cli/load-mapping-profile.ts';
import {
  CP1252_ACCENTED_FROM,
  CP1252_ROW_COUNT,
  cp1252File,
  cp1252Row,
  DEEP_HEADER_LINE,
  deepHeaderFile,
  INVALID_PROFILES,
  PROFILES,
  profileText,
  UNKNOWN_ROWS,
  unknownLayoutFile,
} from '../../fixtures/built/mapping-files.ts';
import { FRENCH_ROWS, frenchTable } from '../../fixtures/built/payments-table.ts';
import { runCli } from '../../support/run-cli.ts';
import {
  analyzeFailure,
  analyzeFiles,
  frenchCents,
  readSuppliers,
  sum,
  toCents,
  workDir,
  writeInput,
} from './support.ts';

const dir = workDir();
const profilePath = (name: keyof typeof PROFILES) =>
  writeInput(dir, `profile-${name}.json`, profileText(PROFILES[name]));
const UNKNOWN_CENTS = sum(UNKNOWN_ROWS.map(([, amount]) => frenchCents(amount)));

describe('a layout no known format describes: Nom fournisseur|Mt payé|Date paiement|CP', () => {
  const file = writeInput(dir, 'regie-pipe.csv', unknownLayoutFile());

  it('without a profile its columns are recognised from their names and contents, to the same totals', async () => {
    const result = await analyzeFiles([file]);
    expect(toCents(result.report.totals.gross)).toBe(UNKNOWN_CENTS);
    expect(result.report.totals.lines).toBe(UNKNOWN_ROWS.length);
    expect(result.datasets[0]?.format).toBe('inferred');
    expect(result.datasets[0]?.columnReading?.map(({ role, header }) => [role, header])).toEqual([
      ['supplierName', 'Nom fournisseur'],
      ['amount', 'Mt payé'],
      ['date', 'Date paiement'],
      ['supplierPostcode', 'CP'],
    ]);
  });

  it('with a mapping profile its totals are right', async () => {
    expect(UNKNOWN_CENTS).toBe(125000 + 31045 - 2000 + 499999);
    const result = await analyzeFiles([file], { mapping: loadMappingProfile(profilePath('pipe')) });
    expect(toCents(result.report.totals.gross)).toBe(UNKNOWN_CENTS);
    expect(result.report.totals.lines).toBe(UNKNOWN_ROWS.length);
    expect(result.report.totals.rejectedLines).toBe(0);
    expect(result.datasets[0]?.format).toBe('mapping:regie-pipe');
    expect(result.datasets[0]?.delimiter).toBe('|');
    expect(result.report.kind).toBe('payments');
  });
});

describe('headerLine places the header below 30 lines of banner', () => {
  const file = writeInput(dir, 'regie-pipe-deep.csv', deepHeaderFile());

  it('without headerLine, no header is found in the first 30 lines', async () => {
    const { error } = await analyzeFailure([file], { mapping: loadMappingProfile(profilePath('pipe')) });
    expect(error.message).toMatch(/no header row found in the first 30 lines/);
  });

  it('with headerLine 31, the header is found there and the totals are right', async () => {
    const result = await analyzeFiles([file], { mapping: loadMappingProfile(profilePath('deepHeader')) });
    expect(toCents(result.report.totals.gross)).toBe(UNKNOWN_CENTS);
    expect(result.datasets[0]?.headerLine).toBe(DEEP_HEADER_LINE);
    expect(result.datasets[0]?.preambleLines).toBe(DEEP_HEADER_LINE - 1);
    expect(result.report.totals.rejectedLines).toBe(0);
  });
});

describe('encoding: "windows-1252" forces the decoding', () => {
  const file = writeInput(dir, 'regie-cp1252.csv', cp1252File());
  const rows = Array.from({ length: CP1252_ROW_COUNT }, (_, i) => cp1252Row(i + 1));
  const accented = rows.filter((_, i) => i + 1 >= CP1252_ACCENTED_FROM);

  it('sniffed, the ASCII start reads as UTF-8 and the accented lines are read one by one as Windows-1252, flagged', async () => {
    const result = await analyzeFiles([file], { mapping: loadMappingProfile(profilePath('asciiHeader')) });
    expect(result.report.datasets[0]?.encoding).toBe('utf-8');
    expect(result.report.totals.rejectedLines).toBe(0);
    expect(toCents(result.report.totals.gross)).toBe(sum(rows.map(([, amount]) => frenchCents(amount))));
    expect(result.datasets[0]?.reconciliation?.flags).toContainEqual({
      flag: 're-decoded',
      lines: accented.length,
      cents: sum(accented.map(([, amount]) => frenchCents(amount))),
    });
    const names = new Set(readSuppliers(result.outDir).map((s) => s.name));
    for (const [name] of accented) expect(names.has(name), name).toBe(true);
  });

  it('forced, every line is read, accents intact, and the total is right', async () => {
    const result = await analyzeFiles([file], { mapping: loadMappingProfile(profilePath('cp1252')) });
    expect(result.report.datasets[0]?.encoding).toBe('windows-1252');
    expect(toCents(result.report.totals.gross)).toBe(sum(rows.map(([, amount]) => frenchCents(amount))));
    expect(result.report.totals.lines).toBe(CP1252_ROW_COUNT);
    expect(result.report.totals.rejectedLines).toBe(0);
    const names = new Set(readSuppliers(result.outDir).map((s) => s.name));
    for (const [name] of accented) expect(names.has(name), name).toBe(true);
  });
});

describe('invalid mapping profiles are refused with a UsageError naming the problem', () => {
  it.each(INVALID_PROFILES)('$name', ({ name, profile, message }) => {
    const path = writeInput(dir, `invalid-${name}.json`, profileText(profile));
    let thrown: unknown;
    try {
      loadMappingProfile(path);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toContain(`--mapping: ${path} is not a valid mapping profile: `);
    expect((thrown as Error).message).toMatch(message);
  });

  it('a file that is not JSON is refused too', () => {
    const path = writeInput(dir, 'invalid-not-json.json', '{"version": 1,');
    expect(() => loadMappingProfile(path)).toThrow(UsageError);
    expect(() => loadMappingProfile(path)).toThrow(/cannot be read as JSON/);
  });

  it('a misspelt key ("headerline") is refused, not silently ignored', () => {
    const path = writeInput(dir, 'invalid-misspelt.json', profileText({ ...PROFILES.pipe, headerline: 31 }));
    expect(() => loadMappingProfile(path)).toThrow(/headerline/);
  });

  it('the CLI exits 2 on an invalid profile, with one line naming the problem', async () => {
    const bad = INVALID_PROFILES.find((p) => p.name === 'missing-amount');
    const path = writeInput(dir, 'invalid-cli.json', profileText(bad?.profile));
    const run = await runCli([
      'analyze',
      join(dir, 'regie-pipe.csv'),
      '--mapping',
      path,
      '--out',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `ancrage: --mapping: ${path} is not a valid mapping profile: columns: map a column to amount and one to date`,
    );
  });
});

describe('ancrage inspect', () => {
  it('prints the encoding, delimiter, header line, format and column mapping', async () => {
    // A Windows-1252, tab-separated French table under a title line.
    const bytes = Buffer.concat([
      Buffer.from('Extraction SYNTHETIC des mandats\r\n'),
      frenchTable({ encoding: 'windows-1252', delimiter: '\t', newline: 'crlf' }),
    ]);
    const file = writeInput(dir, 'mandats-cp1252-tab.csv', bytes);
    const run = await runCli(['inspect', file]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('encoding: windows-1252');
    expect(out).toContain('delimiter "\\t"');
    expect(out).toContain('header: line 2');
    expect(out).toContain('format: fr-payments-csv');
    expect(out).toMatch(/supplierName\s+← "Fournisseur" \(column 1\)/);
    expect(out).toMatch(/amount\s+← "Montant" \(column 2\)/);
    expect(out).toMatch(/date\s+← "Date" \(column 3\)/);
    expect(out).toMatch(/supplierPostcode\s+← "Code postal" \(column 4\)/);
    expect(out).toContain(`${FRENCH_ROWS.length} lines accepted, 0 rejected`);
    expect(out).toContain('line 3: 2024-01-05  1234.56 EUR  Café du Marché n°3');
  });

  it('with --mapping, shows the mapped columns and the first lines as they would be counted', async () => {
    const file = join(dir, 'regie-pipe-deep.csv');
    expect(readFileSync(file, 'utf8')).toContain('Nom fournisseur|Mt payé');
    const run = await runCli(['inspect', file, '--mapping', profilePath('deepHeader')]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('delimiter "|"');
    expect(out).toContain(`header: line ${DEEP_HEADER_LINE}`);
    expect(out).toContain('format: mapping:regie-pipe-deep');
    expect(out).toMatch(/supplierName\s+← "Nom fournisseur" \(column 1\)/);
    expect(out).toMatch(/amount\s+← "Mt payé" \(column 2\)/);
    expect(out).toMatch(/date\s+← "Date paiement" \(column 3\)/);
    expect(out).toMatch(/supplierPostcode\s+← "CP" \(column 4\)/);
    expect(out).toContain(`line ${DEEP_HEADER_LINE + 1}: 2024-02-03  1250.00 EUR  Menuiserie Durand`);
    expect(out).toContain(`line ${DEEP_HEADER_LINE + 3}: 2024-02-11  -20.00 EUR  Traiteur Bastille`);
  });

  it('without a mapping, shows the columns recognised from their names and contents, with their scores', async () => {
    const run = await runCli(['inspect', join(dir, 'regie-pipe.csv')]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('format: inferred');
    expect(out).toContain('columns (recognised from their names and contents):');
    expect(out).toMatch(/supplierName\s+← "Nom fournisseur" \(column 1\) \d+ %/);
    expect(out).toMatch(/amount\s+← "Mt payé" \(column 2\) \d+ %/);
    expect(out).toMatch(/date\s+← "Date paiement" \(column 3\) \d+ %/);
  });

  it('shows its best reading of a file it cannot read with confidence', async () => {
    const file = writeInput(dir, 'colonnes-muettes.csv', `A;B;C\n${'Alpha;12,00;05/01/2024\n'.repeat(3)}`);
    const run = await runCli(['inspect', file]);
    expect(run.stdout).toContain('no known format: ');
    expect(run.stdout).toContain("best reading from the columns' names and contents");
  });
});
