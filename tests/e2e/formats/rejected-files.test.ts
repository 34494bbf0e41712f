import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunError } from '../../../shared/cli/cli-error.ts';
import { LINE_BY_LINE, lineByLineFile, WHOLE_FILE_REFUSALS } from '../../fixtures/built/rejected-files.ts';
import { runCli } from '../../support/run-cli.ts';
import {
  analyzeFailure,
  analyzeFiles,
  frenchCents,
  readRejects,
  sum,
  toCents,
  workDir,
  writeInput,
} from './support.ts';

describe('files rejected whole, each with a specific, readable message', () => {
  it.each(WHOLE_FILE_REFUSALS)('$name', async ({ name, content, message }) => {
    const { error } = await analyzeFailure([writeInput(workDir(), name, content)]);
    expect(error).toBeInstanceOf(RunError);
    expect(error.message.startsWith(`${name} was rejected: `)).toBe(true);
    expect(error.message).toMatch(message);
  });

  it('the CLI exits 1 and prints the reason on one line of stderr', async () => {
    const refusal = WHOLE_FILE_REFUSALS.find((r) => r.name === 'mostly-rejected.csv');
    if (!refusal) throw new Error('fixture missing');
    const dir = workDir();
    const run = await runCli([
      'analyze',
      writeInput(dir, refusal.name, refusal.content),
      '--out',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ancrage: mostly-rejected\.csv was rejected: 6 of 10 lines \(60 %\)/);
    expect(lines[0]).toMatch(refusal.message);
  });

  it('an unclosed quote a few lines before the end of the file is refused too', async () => {
    const content = [
      'Fournisseur;Montant;Date',
      'Alpha;10,00;05/01/2024',
      'Beta;"20,00;06/01/2024',
      'Gamma;30,00;07/01/2024',
      'Delta;40,00;08/01/2024',
      'Epsilon;50,00;09/01/2024',
      'Zeta;60,00;10/01/2024',
      'Eta;22,50;11/01/2024',
    ].join('\n');
    const { error } = await analyzeFailure([writeInput(workDir(), 'short-unclosed-quote.csv', content)]);
    expect(error.message).toMatch(/line 3 opens a quote \("\) that is never closed/);
  });
});

describe('bad lines rejected one by one, without failing the file', () => {
  it('ragged rows, a 70 000-character line and a 5 000-character supplier name', async () => {
    const fileName = 'mandats-ragged.csv';
    const numbered = LINE_BY_LINE.map((line, index) => ({ ...line, number: index + 1 }));
    const counted = numbered.filter((line) => line.cents !== undefined);
    const rejected = numbered.filter((line) => line.reason !== undefined);
    // Independent check of the expectations: amounts re-read from the text of each counted line.
    expect(counted.map((line) => frenchCents(line.text.split(';')[1] ?? ''))).toEqual(
      counted.map((line) => line.cents),
    );
    expect(LINE_BY_LINE.some((line) => line.text.length > 70_000)).toBe(true);

    const result = await analyzeFiles([writeInput(workDir(), fileName, lineByLineFile())]);
    expect(toCents(result.report.totals.gross)).toBe(sum(counted.map((line) => line.cents ?? 0)));
    expect(result.report.totals.lines).toBe(counted.length);
    expect(result.report.totals.rejectedLines).toBe(rejected.length);
    const rejects = readRejects(result.outDir, fileName);
    expect(rejects.map((row) => row.line)).toEqual(rejected.map((line) => line.number));
    for (const line of rejected) {
      expect(rejects.find((row) => row.line === line.number)?.reason, `line ${line.number}`).toMatch(
        line.reason ?? /never/,
      );
    }
  });
});
