import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../../../shared/cli/analyze.ts';
import { decpOdsExport, ODS_ROWS } from '../../fixtures/built/decp-ods-csv.ts';
import { BUYER, BUYER_2, SIRET } from '../../fixtures/built/synthetic-ids.ts';
import { repoRoot } from '../../support/run-cli.ts';
import {
  analyzeFiles,
  dotCents,
  parseDelimited,
  readRejects,
  readSupplierAmounts,
  sum,
  toCents,
  workDir,
  writeInput,
} from './support.ts';

const DECP_INFO_EXAMPLE = join(repoRoot, 'tests/fixtures/real/decp-table-schema-example.csv');
const ISERE_FLATTENED = join(repoRoot, 'data/samples/decp-isere-2019-flattened.csv');

/** A CSV as objects keyed by header name, read with the tests' own reader. */
function readObjects(path: string, delimiter: string): Record<string, string>[] {
  const [header = [], ...rows] = parseDelimited(readFileSync(path, 'utf8'), delimiter).filter(
    (row) => row.join('').trim() !== '',
  );
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

/** Flattened DECP by hand: one amount per `uid`, one line per row. */
function flattenedTotals(rows: readonly Record<string, string>[]) {
  const amountOfUid = new Map<string, number>();
  for (const row of rows)
    if (!amountOfUid.has(row.uid ?? '')) amountOfUid.set(row.uid ?? '', dotCents(row.montant ?? ''));
  return { cents: sum([...amountOfUid.values()]), contracts: amountOfUid.size, lines: rows.length };
}

describe('decp.info tabular export with donneesActuelles (real example of the table schema)', () => {
  let result: AnalyzeResult;
  beforeAll(async () => {
    result = await analyzeFiles([DECP_INFO_EXAMPLE]);
  });

  it('sets the older versions aside and counts the current contract once: 21 800,10 €', () => {
    const rows = readObjects(DECP_INFO_EXAMPLE, ',');
    const older = rows.filter((row) => row.donneesActuelles === 'non');
    const current = rows.filter((row) => row.donneesActuelles !== 'non');
    expect(older).toHaveLength(2);
    const want = flattenedTotals(current);
    expect(want).toEqual({ cents: 2180010, contracts: 1, lines: 2 });

    expect(toCents(result.report.totals.gross)).toBe(want.cents);
    expect(result.report.totals.lines).toBe(want.lines);
    expect(result.report.totals.rejectedLines).toBe(0);
    const [dataset] = result.datasets;
    expect(dataset?.setAsideLines).toBe(older.length);
    expect(dataset?.format).toBe('decp-flat-csv');
  });

  it('lists the set-aside versions in the rejects file with their line numbers and why', () => {
    const rejects = readRejects(result.outDir, 'decp-table-schema-example.csv');
    expect(rejects.map((row) => row.line)).toEqual([2, 3]);
    for (const row of rejects)
      expect(row.reason).toMatch(/older version of this contract \(donneesActuelles = non\)/);
  });

  it('splits the current contract between its 2 titulaires', () => {
    const suppliers = readSupplierAmounts(result.outDir);
    expect(suppliers.get('siret:81223113200034')).toBe(1090005);
    expect(suppliers.get('siret:82379887100013')).toBe(1090005);
  });
});

describe('DECP flattened sample (real, Isère 2019)', () => {
  it('counts each of the 183 contracts once over 191 rows', async () => {
    const want = flattenedTotals(readObjects(ISERE_FLATTENED, ','));
    expect(want.contracts).toBe(183);
    expect(want.lines).toBe(191);
    const result = await analyzeFiles([ISERE_FLATTENED]);
    expect(toCents(result.report.totals.gross)).toBe(want.cents);
    expect(result.report.totals.lines).toBe(191);
    expect(result.report.totals.rejectedLines).toBe(0);
  });
});

describe('data.economie.gouv.fr DECP export (built, SYNTHETIC): titulaire_id_1..3, CDL / INX', () => {
  let result: AnalyzeResult;
  const text = decpOdsExport();
  const fileName = 'decp-2022-marches-valides-synthetic.csv';

  /** By hand: buyer + id once; titulaires are the numbered ids that are not empty, CDL or INX. */
  function expected() {
    const seen = new Set<string>();
    let cents = 0;
    let lines = 0;
    const duplicateLines: number[] = [];
    ODS_ROWS.forEach((row, index) => {
      const key = `${row.acheteur_id}/${row.id}`;
      if (seen.has(key)) {
        duplicateLines.push(index + 2);
        return;
      }
      seen.add(key);
      cents += dotCents(row.montant);
      const holders = [row.titulaire_id_1, row.titulaire_id_2, row.titulaire_id_3].filter(
        (id) => id !== '' && id !== 'CDL' && id !== 'INX',
      );
      lines += Math.max(1, holders.length);
    });
    return { cents, lines, duplicateLines };
  }

  beforeAll(async () => {
    result = await analyzeFiles([writeInput(workDir(), fileName, text)]);
  });

  it('is recognised from its lower-case ";" header and totals each contract once', () => {
    const want = expected();
    expect(want.cents).toBe(150050 + 100001 + 10000 + 25075 + 4200);
    expect(result.datasets[0]?.format).toBe('decp-ods-csv');
    expect(result.datasets[0]?.delimiter).toBe(';');
    expect(toCents(result.report.totals.gross)).toBe(want.cents);
    expect(result.report.totals.lines).toBe(want.lines);
  });

  it('splits 1, 2 and 3 titulaires; CDL / INX are no titulaire; a contract without one is kept', () => {
    const suppliers = readSupplierAmounts(result.outDir);
    expect(suppliers.get(`siret:${SIRET.a}`)).toBe(150050);
    expect(suppliers.get(`siret:${SIRET.b}`)).toBe(50001);
    expect(suppliers.get(`siret:${SIRET.c}`)).toBe(50000);
    expect(suppliers.get(`siret:${SIRET.d}`)).toBe(3334);
    expect(suppliers.get(`siret:${SIRET.e}`)).toBe(3333);
    expect(suppliers.get(`siret:${SIRET.f}`)).toBe(3333);
    expect(suppliers.get(`siret:${SIRET.g}`)).toBe(4200);
    expect(suppliers.get('undisclosed')).toBe(25075);
    expect(result.report.anchors.map((anchor) => anchor.id).sort()).toEqual([BUYER, BUYER_2].sort());
  });

  it('rejects the repeated contract row, pointing at its first line', () => {
    const rejects = readRejects(result.outDir, fileName);
    expect(new Set(rejects.map((row) => row.line))).toEqual(new Set(expected().duplicateLines));
    for (const row of rejects) {
      expect(row.reason).toBe(`contract ${BUYER}/ODS-2 was already counted at line 3: duplicate row`);
    }
  });

  it('a repeated row is ONE line set aside, listed once, with the amount it repeats', () => {
    expect(result.report.totals.rejectedLines).toBe(0);
    expect(result.report.dataQuality.setAsideLines).toBe(expected().duplicateLines.length);
    const rows = readRejects(result.outDir, fileName);
    expect(rows).toHaveLength(expected().duplicateLines.length);
    expect(rows.every((row) => row.status === 'set aside' && row.amount !== '')).toBe(true);
  });
});
