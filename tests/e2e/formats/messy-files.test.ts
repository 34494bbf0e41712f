import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../../../shared/cli/analyze.ts';
import {
  type Expected,
  FRENCH_MESSY_LINES,
  frenchMessyFile,
  type MessyLine,
  UK_MESSY_LINES,
  ukMessyFile,
} from '../../fixtures/built/messy-files.ts';
import { SIRET } from '../../fixtures/built/synthetic-ids.ts';
import { repoRoot } from '../../support/run-cli.ts';
import {
  analyzeFiles,
  dotCents,
  flaggedLines,
  frenchCents,
  isRealDmyDate,
  parseDelimited,
  prototypeIsClean,
  readRejects,
  readSuppliers,
  sum,
  toCents,
  workDir,
  writeInput,
} from './support.ts';

/** What each line of a messy file should add up to, from the expectations written next to it. */
function tally(lines: readonly MessyLine[]) {
  const numbered = lines.map((line, index) => ({ ...line, number: index + 1 }));
  const of = <K extends string>(key: K) =>
    numbered.filter((line): line is typeof line & { expected: Extract<Expected, Record<K, unknown>> } =>
      Object.hasOwn(line.expected, key),
    );
  const counted = of('counted');
  return {
    counted,
    setAside: of('setAside'),
    rejected: of('rejected'),
    cents: sum(counted.map((line) => line.expected.counted)),
    preamble: of('preamble').length,
    blank: of('blank').length,
    headerLine: of('header')[0]?.number,
  };
}

describe('a messy French mandats extract (built, SYNTHETIC)', () => {
  const fileName = 'mandats-messy.csv';
  const want = tally(FRENCH_MESSY_LINES);
  let result: AnalyzeResult;

  beforeAll(async () => {
    result = await analyzeFiles([writeInput(workDir(), fileName, frenchMessyFile())]);
  });

  it('totals exactly the lines that should count, every way of writing an amount included', () => {
    expect(want.cents).toBe(
      3 * 123456 + 1234567 + 1200 - 3 * 1250 + 10000 + 4 * 10000 + 1000 + 2000 + 3000 + 4000 + 100000,
    );
    expect(toCents(result.report.totals.gross)).toBe(want.cents);
    expect(result.report.totals.lines).toBe(want.counted.length);
    expect(result.report.totals.rejectedLines).toBe(want.rejected.length);
  });

  it('counts the title, query and blank lines above the header as preamble, and a blank line as blank', () => {
    const [dataset] = result.datasets;
    expect(dataset?.headerLine).toBe(want.headerLine);
    expect(dataset?.preambleLines).toBe(want.preamble);
    expect(dataset?.blankLines).toBe(want.blank);
  });

  it('rejects each junk line and sets the total row aside, with its physical line number and a reason', () => {
    const rejects = readRejects(result.outDir, fileName);
    expect(rejects.filter((row) => row.status === 'rejected').map((row) => row.line)).toEqual(
      want.rejected.map((line) => line.number),
    );
    for (const line of want.rejected) {
      const row = rejects.find((reject) => reject.line === line.number);
      expect(row?.reason, `line ${line.number}`).toMatch(line.expected.rejected);
      expect(row?.content, `line ${line.number}`).toBe(line.text);
    }
    for (const line of want.setAside) {
      const row = rejects.find((reject) => reject.line === line.number);
      expect(row?.status, `line ${line.number}`).toBe('set aside');
      expect(row?.reason, `line ${line.number}`).toMatch(line.expected.setAside);
      expect(toCents(Number(row?.amount)), `line ${line.number}`).toBe(line.expected.cents);
    }
  });

  it('counts each line whose amount reads, whatever else is wrong with it, flagged with its amount', () => {
    const flagged = want.counted.filter((line) => line.expected.flag !== undefined);
    const reconciliation = result.datasets[0]?.reconciliation;
    for (const flag of new Set(flagged.map((line) => line.expected.flag ?? ''))) {
      const lines = flagged.filter((line) => line.expected.flag === flag);
      expect(
        reconciliation?.flags.find((entry) => entry.flag === flag),
        flag,
      ).toEqual({
        flag,
        lines: lines.length,
        cents: sum(lines.map((line) => line.expected.counted)),
      });
    }
    expect(reconciliation?.totalRows).toEqual({ lines: 1, cents: 246912 });
    expect(reconciliation?.statedTotal).toEqual({
      lineNumber: want.setAside[0]?.number,
      cents: 246912,
      agrees: false,
    });
    expect(reconciliation?.controlCents).toBe(want.cents);
  });

  it('reads credits (-12,50 / (12,50) / 12,50-) as reductions, each on its own supplier', () => {
    const suppliers = readSuppliers(result.outDir);
    for (const name of ['Zeta Avoir', 'Eta Avoir', 'Omicron Avoir']) {
      expect(suppliers.find((s) => s.name === name)?.cents, name).toBe(-1250);
    }
  });

  it('reads a SIRET written with spaces, and 00000000000000 as "no identifier" (line kept)', () => {
    const suppliers = readSuppliers(result.outDir);
    expect(suppliers.find((s) => s.key === `siret:${SIRET.b}`)?.cents).toBe(123456);
    expect(suppliers.find((s) => s.name === 'Theta')?.cents).toBe(10000);
    expect(flaggedLines(result.datasets[0], 'identifier-placeholder')).toBe(1);
  });

  it('reads 05-JAN-18 as 2018-01-05', () => {
    expect(result.report.period.from).toBe('2018-01-05');
    expect(result.report.period.to).toBe('2024-01-20');
  });

  it('counts suppliers named __proto__, constructor and hasOwnProperty, and leaves Object.prototype clean', () => {
    const suppliers = readSuppliers(result.outDir);
    for (const line of want.counted.filter((l) => l.expected.supplier !== undefined)) {
      const name = line.expected.supplier ?? '';
      expect(suppliers.find((s) => s.name === name)?.cents, name).toBe(line.expected.counted);
    }
    expect(prototypeIsClean()).toBe(true);
  });
});

describe('a messy UK spend file (built, SYNTHETIC)', () => {
  const want = tally(UK_MESSY_LINES);
  let result: AnalyzeResult;

  beforeAll(async () => {
    result = await analyzeFiles([writeInput(workDir(), 'spend-messy.csv', ukMessyFile())], {
      territoryId: 'oxford',
    });
  });

  it('totals quoted thousands, £ signs and credits in pounds', () => {
    expect(want.cents).toBe(123456 + 1200 + 50000 + 75025 + 10000 - 4510 - 1000 + 200000);
    expect(result.report.currency).toBe('GBP');
    expect(toCents(result.report.totals.gross)).toBe(want.cents);
    expect(result.report.totals.lines).toBe(want.counted.length);
    expect(result.report.totals.rejectedLines).toBe(0);
    expect(result.datasets[0]?.headerLine).toBe(want.headerLine);
    expect(result.datasets[0]?.preambleLines).toBe(want.preamble);
  });

  it('keeps redacted and empty suppliers in the total, under the undisclosed supplier', () => {
    const undisclosed = want.counted.filter((line) => line.expected.supplier === '');
    expect(undisclosed).toHaveLength(3);
    const suppliers = readSuppliers(result.outDir);
    expect(suppliers.find((s) => s.key === 'undisclosed')?.cents).toBe(
      sum(undisclosed.map((line) => line.expected.counted)),
    );
    expect(flaggedLines(result.datasets[0], 'supplier-undisclosed')).toBe(3);
    expect(result.report.topSuppliers.some((s) => s.key === 'undisclosed')).toBe(false);
  });
});

describe('real sample files', () => {
  it('SYNTHETIC régie mandats 2025 (BOM, title and blank line, "5 932,93"): independent total', async () => {
    const path = join(repoRoot, 'data/samples/SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv');
    const rows = parseDelimited(readFileSync(path, 'utf8'), ';');
    const headerAt = rows.findIndex((row) => row.includes('Montant TTC'));
    expect(headerAt).toBe(2);
    const header = rows[headerAt] ?? [];
    const [amountAt, dateAt] = [header.indexOf('Montant TTC'), header.indexOf('Date mandat')];
    const data = rows.slice(headerAt + 1).map((cells, index) => ({ cells, line: headerAt + 2 + index }));
    // Every line with an amount counts; one without a real date counts undated.
    const good = data.filter(({ cells }) => (cells[amountAt] ?? '') !== '');
    const bad = data.filter((row) => !good.includes(row)).map((row) => row.line);
    const undated = good.filter(({ cells }) => !isRealDmyDate(cells[dateAt] ?? ''));
    const expected = sum(good.map(({ cells }) => frenchCents(cells[amountAt] ?? '')));

    const result = await analyzeFiles([path]);
    expect(toCents(result.report.totals.gross)).toBe(expected);
    expect(result.report.totals.lines).toBe(good.length);
    expect(result.datasets[0]?.encoding).toBe('utf-8-bom');
    expect(result.datasets[0]?.preambleLines).toBe(2);
    expect(
      readRejects(result.outDir, 'SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv').map((r) => r.line),
    ).toEqual(bad);
    expect(bad).toEqual([1504]);
    expect(undated.map((row) => row.line)).toEqual([704]);
    expect(toCents(result.report.dataQuality.undatedAmount)).toBe(
      sum(undated.map(({ cells }) => frenchCents(cells[amountAt] ?? ''))),
    );
  });

  it('Oxford spend over £500, 2018 Q1 ("Expenditure Catergory" header): independent total', async () => {
    const path = join(repoRoot, 'data/samples/uk-oxford-spend-over-500-2018q1.csv');
    const [header = [], ...rows] = parseDelimited(readFileSync(path, 'utf8'), ',');
    const amountAt = header.indexOf('Amount');
    const expected = sum(rows.map((row) => dotCents(row[amountAt] ?? '')));
    const result = await analyzeFiles([path], { territoryId: 'oxford' });
    expect(result.report.currency).toBe('GBP');
    expect(toCents(result.report.totals.gross)).toBe(expected);
    expect(result.report.totals.lines + result.report.totals.rejectedLines).toBe(rows.length);
  });
});
