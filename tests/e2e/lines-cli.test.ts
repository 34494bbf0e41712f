import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.ts';

/** `ancrage lines` on a state folder `analyze --state` filled with the synthetic sample. */

const SAMPLE = 'SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv';
const synthetic = join(repoRoot, 'data/samples', SAMPLE);
const BOULANGERIE = 'name:boulangerie du cours berriat@38000';
const dir = mkdtempSync(join(tmpdir(), 'ancrage-lines-'));
const state = join(dir, 'state');

/** The sample's lines paying Boulangerie du Cours Berriat, read by string handling: line number → cents. */
function sampleLines(): Map<number, number> {
  const rows = readFileSync(synthetic, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  const found = new Map<number, number>();
  rows.forEach((row, index) => {
    const cells = row.split(';');
    const amount = (cells[9] ?? '').replace(/\s/g, '');
    if (index < 3 || cells[2] !== 'Boulangerie du Cours Berriat' || amount === '') return;
    const [units = '', fraction = ''] = amount.replace(/^-/, '').split(',');
    const sign = amount.startsWith('-') ? -1 : 1;
    found.set(index + 1, sign * (Number(units) * 100 + Number(fraction.padEnd(2, '0'))));
  });
  return found;
}

/** A spend row of the output: file:line, date, amount as printed (`-€1,234.50`), supplier. */
const PRINTED_ROW = new RegExp(
  `^${SAMPLE.replaceAll('.', '\\.')}:(\\d+)\\s+\\S+\\s+(-?)€([\\d,]+)\\.(\\d\\d)\\s`,
);

/** The spend rows of the output: line number → cents. */
function printedLines(stdout: string): Map<number, number> {
  const printed = new Map<number, number>();
  for (const row of stdout.split('\n')) {
    const [, line, sign, units = '', fraction] = PRINTED_ROW.exec(row) ?? [];
    if (line)
      printed.set(
        Number(line),
        (sign ? -1 : 1) * (Number(units.replaceAll(',', '')) * 100 + Number(fraction)),
      );
  }
  return printed;
}

beforeAll(async () => {
  const run = await runCli(['analyze', synthetic, '--state', state, '--out', join(dir, 'out')]);
  expect(run.code).toBe(0);
}, 120_000);

describe('ancrage lines', () => {
  it('prints every line of the supplier once, with its file, line number, date and amount, as the file states it', async () => {
    const run = await runCli(['lines', BOULANGERIE, '--state', state, '--limit', '200']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`169 line(s) of ${BOULANGERIE} in 1 counted dataset(s)`);
    expect([...printedLines(run.stdout)]).toEqual([...sampleLines()]);
    const undated = run.stdout.split('\n').find((row) => row.startsWith(`${SAMPLE}:704 `));
    expect(undated).toMatch(/ undated +€120\.00 +Boulangerie du Cours Berriat +\[no readable date/);
    expect(run.stdout).not.toContain('more:');
  });

  it('pages with --limit and --offset, and says how many lines follow and from which offset', async () => {
    const all = [...sampleLines().keys()];
    const first = await runCli(['lines', 'boulangerie', '--state', state, '--limit', '50']);
    expect(first.code).toBe(0);
    expect([...printedLines(first.stdout).keys()]).toEqual(all.slice(0, 50));
    expect(first.stdout).toContain('119 more: --offset 50\n');
    const last = await runCli(['lines', 'boulangerie', '--state', state, '--limit', '50', '--offset', '150']);
    expect([...printedLines(last.stdout).keys()]).toEqual(all.slice(150));
    expect(last.stdout).not.toContain('more:');
  });

  it('asks for one key when a search names several suppliers, and fails on a supplier none pays', async () => {
    const several = await runCli(['lines', 'SAS', '--state', state]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('"SAS" names 3 suppliers; give one key:');
    expect(several.stderr).toContain('siret:80000119000019  (Carburants de France SAS)');
    const none = await runCli(['lines', 'siret:00000000000000', '--state', state]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no counted dataset in the state folder pays a supplier');
  });

  it.each([
    ['no state folder', ['lines', BOULANGERIE], 'needs --state'],
    ['no supplier', ['lines', '--state', state], 'lines needs a supplier'],
    ['a limit of 0', ['lines', BOULANGERIE, '--state', state, '--limit', '0'], '--limit is a whole number'],
    [
      'a dataset that is not an id',
      ['lines', BOULANGERIE, '--state', state, '--dataset', 'x'],
      '--dataset is',
    ],
  ])('refuses %s with exit status 2', async (_label, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
