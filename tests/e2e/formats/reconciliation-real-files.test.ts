/**
 * "Every euro in a file is accounted for", on real public files (tests/fixtures/real/README.md) and on
 * copies derived from them with one kind of defect each: `ancrage analyze` runs once per file, and its
 * report.json is checked against sums computed without Ancrage's code (tests/support/independent-sums.ts).
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../../shared/domain/report/report-schema.ts';
import { decpV1WithSecondaryDefects } from '../../fixtures/built/decp-real-derived.ts';
import {
  type RedecodedEdit,
  ukFirstLines,
  ukWithWindows1252Lines,
} from '../../fixtures/built/uk-real-derived.ts';
import {
  type DecpJsonTotals,
  decimalToCents,
  decpJsonTotals,
  type UkSpendColumns,
  ukSpendTotals,
} from '../../support/independent-sums.ts';
import { type CliRun, repoRoot, runCli } from '../../support/run-cli.ts';
import { analyzeFiles, sum, toCents, workDir, writeInput } from './support.ts';

const real = (name: string) => join(repoRoot, 'tests/fixtures/real', name);

const DECP_FILES = [
  { file: 'decp-v1-isere-2019.json', format: 'decp-json-v1' },
  { file: 'decp-v1-pes-dgfip-2019-04.json', format: 'decp-json-v1' },
  { file: 'decp-v1-e-marchespublics-2019-04.json', format: 'decp-json-v1' },
  { file: 'decp-v2-megalis-59920013600241.json', format: 'decp-json-v2' },
] as const;

/** Each council names its amount and payee columns its own way (read from their headers). */
const LEEDS = { file: 'uk-leeds-2012-01.csv', columns: { amount: 'Net amount', supplier: 'Supplier name' } };
const UK_FILES: readonly { readonly file: string; readonly columns: UkSpendColumns }[] = [
  LEEDS,
  { file: 'uk-wakefield-2021-Q4.csv', columns: { amount: 'Net Amount', supplier: 'Supplier Name' } },
  { file: 'uk-tfl-2022-P04.csv', columns: { amount: 'Amount', supplier: 'Vendor Name' } },
  { file: 'uk-gateshead-2010-12.csv', columns: { amount: 'Amount', supplier: 'Supplier Text' } },
];

const DECP_DERIVED_FROM = 'decp-v1-e-marchespublics-2019-04.json';
const DECP_DERIVED = 'decp-v1-e-marchespublics-2019-04-edited.json';
const LEEDS_LINES = 3000;
const LEEDS_FIRST = 'uk-leeds-2012-01-first-3000.csv';
const LEEDS_COPY = 'uk-leeds-2012-01-first-3000 (copy).csv';
const LEEDS_REDECODED = 'uk-leeds-2012-01-first-3000-two-lines-windows-1252.csv';
const REDECODED_EDITS = [
  { from: "Douglas Scarfe Artists' Management", to: 'Douglas Scarfe Artists’ Management' },
  { from: 'Chapeltown Young Peoples 10 - 2 Club', to: 'Chapeltown Young Peoples 10 – 2 Club' },
] as const;

interface Analysed {
  readonly report: Report;
  readonly outDir: string;
}
type Outcome = Analysed | { readonly error: Error };

const readReport = (outDir: string): Report =>
  ReportSchema.parse(JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')));

/** One `analyze` per file; a file the app refuses is kept as its error, for its own tests to show. */
async function analyseOne(path: string): Promise<Outcome> {
  try {
    // A £ file counts only in a £ territory.
    const territoryId = basename(path).startsWith('uk-') ? 'oxford' : undefined;
    const result = await analyzeFiles([path], { territoryId });
    return { report: readReport(result.outDir), outDir: result.outDir };
  } catch (error) {
    if (error instanceof Error) return { error };
    throw error;
  }
}

type Reconciliation = Report['dataQuality']['reconciliation'];

/** control = counted + concessions + Σ set aside + rejected, to the cent; and counted is the total. */
function expectTiesOut(report: Report, reconciliation: Reconciliation = report.dataQuality.reconciliation) {
  const setAside = sum(reconciliation.setAside.map((entry) => toCents(entry.amount)));
  expect(toCents(reconciliation.control)).toBe(
    toCents(reconciliation.counted) +
      toCents(reconciliation.concessions) +
      setAside +
      toCents(reconciliation.rejected.amount),
  );
  expect(toCents(reconciliation.counted)).toBe(toCents(report.totals.gross));
  expect(toCents(reconciliation.concessions)).toBe(toCents(report.concessions.amount));
}

const flagOf = (reconciliation: Reconciliation, flag: string) => {
  const entry = reconciliation.flags.find((candidate) => candidate.flag === flag);
  return { lines: entry?.lines ?? 0, cents: toCents(entry?.amount ?? 0) };
};

/** A contract's share for one of its titulaires: split equally, the remainder cents to the first ones. */
function equalShare(cents: number, holder: number, holders: number): number {
  const base = Math.floor(cents / holders);
  return base + (holder <= cents - base * holders ? 1 : 0);
}

describe('every euro of a real file accounted for (one analyze per file)', () => {
  const outcomes = new Map<string, Outcome>();
  const dir = workDir();
  const decpDerived = decpV1WithSecondaryDefects(real(DECP_DERIVED_FROM));
  const decpDerivedPath = writeInput(dir, DECP_DERIVED, decpDerived.text);
  const leedsRedecoded = ukWithWindows1252Lines(
    real(LEEDS.file),
    LEEDS_LINES,
    LEEDS.columns,
    REDECODED_EDITS,
  );
  const leedsRedecodedPath = writeInput(dir, LEEDS_REDECODED, leedsRedecoded.bytes);
  const leedsFirst = writeInput(dir, LEEDS_FIRST, ukFirstLines(real(LEEDS.file), LEEDS_LINES));
  const leedsCopy = join(dir, LEEDS_COPY);
  copyFileSync(leedsFirst, leedsCopy);
  const givenTwiceOut = join(dir, 'given-twice');
  let givenTwice: CliRun;

  const analysed = (name: string): Analysed => {
    const outcome = outcomes.get(name);
    if (!outcome) throw new Error(`${name} was not analysed`);
    if ('error' in outcome) throw outcome.error;
    return outcome;
  };

  beforeAll(async () => {
    for (const { file } of [...DECP_FILES, ...UK_FILES]) outcomes.set(file, await analyseOne(real(file)));
    outcomes.set(DECP_DERIVED, await analyseOne(decpDerivedPath));
    outcomes.set(LEEDS_REDECODED, await analyseOne(leedsRedecodedPath));
    givenTwice = await runCli([
      'analyze',
      leedsFirst,
      leedsCopy,
      '--territory',
      'oxford',
      '--out',
      givenTwiceOut,
    ]);
  }, 300_000);

  describe('DECP JSON, real files', () => {
    const totals = new Map<string, DecpJsonTotals>(
      DECP_FILES.map(({ file }) => [file, decpJsonTotals(real(file))]),
    );
    const want = (file: string): DecpJsonTotals => {
      const found = totals.get(file);
      if (!found) throw new Error(`no independent totals for ${file}`);
      return found;
    };

    it.each(DECP_FILES)(
      '$file: each contract counted once at its current amount, concessions apart',
      ({ file, format }) => {
        const { report } = analysed(file);
        expect(report.datasets.map((dataset) => [dataset.file, dataset.format])).toEqual([[file, format]]);
        expect(toCents(report.totals.gross)).toBe(want(file).countedCents);
        expect(toCents(report.concessions.amount)).toBe(want(file).concessions.cents);
        expect(report.concessions.lines).toBe(want(file).concessions.contracts);
        expect(report.totals.lines).toBe(want(file).lines);
      },
    );

    it.each(DECP_FILES)(
      '$file: no contract rejected, for an identifier, a date or anything else',
      ({ file }) => {
        const { report } = analysed(file);
        expect(want(file).rejected).toBe(0);
        expect(report.totals.rejectedLines).toBe(0);
        expect(report.dataQuality.reconciliation.rejected).toEqual({
          lines: 0,
          linesWithAmount: 0,
          amount: 0,
        });
      },
    );

    it.each(DECP_FILES)(
      '$file: the reconciliation ties out, repeated keys set aside at their amount',
      ({ file }) => {
        const { report } = analysed(file);
        const reconciliation = report.dataQuality.reconciliation;
        expectTiesOut(report);
        expect(toCents(reconciliation.control)).toBe(want(file).controlCents);
        const duplicates = reconciliation.setAside.find((entry) => entry.kind === 'duplicate');
        expect(duplicates?.lines ?? 0).toBe(want(file).duplicates.contracts);
        expect(toCents(duplicates?.amount ?? 0)).toBe(want(file).duplicates.cents);
        expect(report.dataQuality.setAsideLines).toBe(want(file).duplicates.contracts);
        expect(report.datasets[0]?.reconciliation).toEqual(reconciliation);
      },
    );

    it('the two national files do repeat contracts: 8 and 29 keys seen twice', () => {
      expect(want('decp-v1-pes-dgfip-2019-04.json').duplicates.contracts).toBe(8);
      expect(want('decp-v1-e-marchespublics-2019-04.json').duplicates.contracts).toBe(29);
    });
  });

  describe('UK spend files, real, each naming its columns its own way', () => {
    it.each(UK_FILES)(
      '$file: every line with a readable amount counted ($columns.amount)',
      ({ file, columns }) => {
        const want = ukSpendTotals(real(file), columns);
        const { report } = analysed(file);
        expect(report.currency).toBe('GBP');
        expect(toCents(report.totals.gross)).toBe(want.countedCents);
        expect(report.totals.lines).toBe(want.lines);
        expect(report.totals.rejectedLines).toBe(want.rejected);
      },
    );

    it.each(UK_FILES)('$file: the reconciliation ties out; total rows apart', ({ file, columns }) => {
      const want = ukSpendTotals(real(file), columns);
      const { report } = analysed(file);
      const reconciliation = report.dataQuality.reconciliation;
      expectTiesOut(report);
      expect(toCents(reconciliation.control)).toBe(
        want.countedCents + toCents(reconciliation.rejected.amount),
      );
      expect(reconciliation.totalRows.lines).toBe(want.totalRows.lines);
      expect(toCents(reconciliation.totalRows.amount)).toBe(want.totalRows.cents);
      expect(report.datasets[0]?.reconciliation).toEqual(reconciliation);
    });
  });

  describe(`derived from ${DECP_DERIVED_FROM}: dates, titulaires and SIRETs lost or mangled`, () => {
    const want = decpJsonTotals(decpDerivedPath);
    const centsOf = (flag: string) =>
      sum(
        decpDerived.edits
          .filter((edit) => edit.flag === flag)
          .map((edit) => equalShare(want.centsByKey.get(edit.key) ?? Number.NaN, edit.holder, edit.holders)),
      );
    const linesOf = (flag: string) => decpDerived.edits.filter((edit) => edit.flag === flag).length;

    it('edits no amount: the total is the real file’s, every contract still counted', () => {
      const { report } = analysed(DECP_DERIVED);
      expect(want.countedCents).toBe(decpJsonTotals(real(DECP_DERIVED_FROM)).countedCents);
      expect(toCents(report.totals.gross)).toBe(want.countedCents);
      expect(report.totals.lines).toBe(want.lines);
      expect(report.totals.rejectedLines).toBe(0);
      expectTiesOut(report);
      expect(toCents(report.dataQuality.reconciliation.control)).toBe(want.controlCents);
    });

    it.each([
      'date-from-publication',
      'undated',
      'no-titulaire',
      'invalid-identifier',
      'repaired-identifier',
    ])('flags %s on exactly the contracts edited so, with their spend', (flag) => {
      const before = flagOf(analysed(DECP_DERIVED_FROM).report.dataQuality.reconciliation, flag);
      const after = flagOf(analysed(DECP_DERIVED).report.dataQuality.reconciliation, flag);
      expect(linesOf(flag)).toBeGreaterThan(0);
      expect(after.lines - before.lines).toBe(linesOf(flag));
      expect(after.cents - before.cents).toBe(centsOf(flag));
    });

    it('reports the undated spend apart, in the dataset’s period', () => {
      const before = toCents(analysed(DECP_DERIVED_FROM).report.dataQuality.undatedAmount);
      const after = toCents(analysed(DECP_DERIVED).report.dataQuality.undatedAmount);
      expect(after - before).toBe(centsOf('undated'));
    });
  });

  describe(`derived from ${LEEDS.file}: ${LEEDS_LINES} lines in UTF-8, two of them re-encoded as Windows-1252`, () => {
    const want = ukSpendTotals(leedsRedecodedPath, LEEDS.columns);
    const centsOf = (edits: readonly RedecodedEdit[]) =>
      sum(edits.map((edit) => decimalToCents(edit.amount)));

    it('counts both lines: the total is every line’s, none rejected', () => {
      const { report } = analysed(LEEDS_REDECODED);
      expect(want.lines).toBe(LEEDS_LINES);
      expect(report.datasets[0]?.encoding).toBe('utf-8');
      expect(toCents(report.totals.gross)).toBe(want.countedCents);
      expect(report.totals.lines).toBe(LEEDS_LINES);
      expect(report.totals.rejectedLines).toBe(0);
      expectTiesOut(report);
    });

    it('flags the two lines re-decoded, with their amounts', () => {
      const { report } = analysed(LEEDS_REDECODED);
      expect(leedsRedecoded.edited).toHaveLength(2);
      expect(flagOf(report.dataQuality.reconciliation, 're-decoded')).toEqual({
        lines: 2,
        cents: centsOf(leedsRedecoded.edited),
      });
    });

    it('reads the names with their ’ and –, and no U+FFFD anywhere', () => {
      const { outDir } = analysed(LEEDS_REDECODED);
      const suppliers = readFileSync(join(outDir, 'suppliers.csv'), 'utf8');
      for (const { to } of REDECODED_EDITS) expect(suppliers).toContain(to);
      expect(suppliers).not.toContain('\uFFFD');
      expect(readFileSync(join(outDir, 'report.json'), 'utf8')).not.toContain('\uFFFD');
    });
  });

  describe(`the same bytes given twice in one analyze (first ${LEEDS_LINES} lines of ${LEEDS.file})`, () => {
    it('exits 0, counts one file, and names the other as read, not counted', () => {
      expect(givenTwice.code).toBe(0);
      const want = ukSpendTotals(leedsFirst, LEEDS.columns);
      const report = readReport(givenTwiceOut);
      expect(toCents(report.totals.gross)).toBe(want.countedCents);
      expect(report.totals.lines).toBe(want.lines);
      expect(report.datasets.map((dataset) => dataset.file)).toEqual([LEEDS_FIRST]);
      expect(report.dataQuality.datasetsNotCounted).toEqual([
        {
          id: expect.any(String),
          file: LEEDS_COPY,
          reason: 'duplicate',
          countedIn: LEEDS_FIRST,
          amount: report.totals.gross,
        },
      ]);
      expectTiesOut(report);
    });
  });
});
