import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../../../shared/cli/analyze.ts';
import { RunError } from '../../../shared/cli/cli-error.ts';
import {
  decpJsonWithProtoKeys,
  decpV1WithConcession,
  decpV2Json,
  truncatedDecpJson,
} from '../../fixtures/built/decp-json.ts';
import { BUYER, SIRET } from '../../fixtures/built/synthetic-ids.ts';
import { repoRoot } from '../../support/run-cli.ts';
import {
  analyzeFailure,
  analyzeFiles,
  dotCents,
  flaggedLines,
  prototypeIsClean,
  readRejects,
  readSupplierAmounts,
  sum,
  toCents,
  workDir,
  writeInput,
} from './support.ts';

const REAL_V1 = join(repoRoot, 'tests/fixtures/real/decp-v1-isere-2019.json');

/** What a test needs of a published contract, read with JSON.parse (never with Ancrage's reader). */
interface Modification {
  readonly montant?: number | string;
  readonly valeurGlobale?: number | string;
  readonly dateNotificationModification?: string;
  readonly dateSignatureModification?: string;
}
interface Contract {
  readonly _type?: string;
  readonly id: string;
  readonly acheteur?: { readonly id: string };
  readonly autoriteConcedante?: { readonly id: string };
  readonly montant?: number | string;
  readonly valeurGlobale?: number | string;
  readonly titulaires?: readonly unknown[];
  readonly concessionnaires?: readonly unknown[];
  readonly modifications?: readonly (Modification | { readonly modification: Modification })[];
}

/** JSON numbers back to their decimal text, then to cents by string handling (no float arithmetic). */
function amountCents(value: number | string): number {
  const text = String(value);
  if (!/^\d+(\.\d{1,2})?$/.test(text)) throw new Error(`unexpected amount ${text}`);
  return dotCents(text);
}

/** The rule, applied by hand: a modification's amount is the new total; the latest by date wins. */
function currentAmount(contract: Contract, field: 'montant' | 'valeurGlobale'): number | string | undefined {
  const modifications = (contract.modifications ?? []).map((m) => ('modification' in m ? m.modification : m));
  const dated = modifications
    .filter((m) => m[field] !== undefined)
    .map((m) => ({
      date: m.dateNotificationModification ?? m.dateSignatureModification ?? '',
      value: m[field],
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return dated.at(-1)?.value ?? contract[field];
}

describe('DECP JSON v1, real file (Isère 2019, 183 contracts)', () => {
  let result: AnalyzeResult;
  const contracts = (JSON.parse(readFileSync(REAL_V1, 'utf8')) as { marches: Contract[] }).marches;

  beforeAll(async () => {
    result = await analyzeFiles([REAL_V1]);
  });

  it('counts every contract once, at its current amount, split between its titulaires', () => {
    expect(contracts).toHaveLength(183);
    const keys = new Set(contracts.map((c) => `${c.acheteur?.id}/${c.id}`));
    expect(keys.size).toBe(183);
    const expectedCents = sum(contracts.map((c) => amountCents(currentAmount(c, 'montant') ?? 'missing')));
    const expectedLines = sum(contracts.map((c) => c.titulaires?.length ?? 0));
    expect(expectedLines).toBe(191);

    expect(toCents(result.report.totals.gross)).toBe(expectedCents);
    expect(result.report.totals.lines).toBe(191);
    expect(result.report.totals.rejectedLines).toBe(0);
    expect(result.report.kind).toBe('contracts');
    const [dataset] = result.datasets;
    expect(dataset?.format).toBe('decp-json-v1');
    expect(dataset?.amountCents).toBe(expectedCents);
    expect(result.report.datasets[0]?.encoding).toBe('utf-8');
    expect(result.report.concessions).toEqual({ amount: 0, lines: 0, concessionaires: 0 });
  });
});

describe('DECP JSON v2, built file (SYNTHETIC)', () => {
  let result: AnalyzeResult;
  const text = decpV2Json();
  const parsed = JSON.parse(text) as { marches: { marche: Contract[]; 'contrat-concession': Contract[] } };

  /** Applies the rules by hand: buyer id + contract id counted once (repeats set aside), "NC" rejected. */
  function expected() {
    const seen = new Set<string>();
    let cents = 0;
    let lines = 0;
    const rejectedAt: number[] = [];
    const setAsideAt: number[] = [];
    parsed.marches.marche.forEach((contract, index) => {
      const key = `${contract.acheteur?.id}/${contract.id}`;
      const amount = currentAmount(contract, 'montant');
      if (amount === 'NC' || amount === undefined) {
        rejectedAt.push(index + 1);
        return;
      }
      if (seen.has(key)) {
        setAsideAt.push(index + 1);
        return;
      }
      seen.add(key);
      cents += amountCents(amount);
      lines += contract.titulaires?.length ?? 0;
    });
    const concessions = parsed.marches['contrat-concession'];
    const concessionCents = sum(concessions.map((c) => amountCents(currentAmount(c, 'valeurGlobale') ?? '')));
    return { cents, lines, rejectedAt, setAsideAt, concessionCents, concessionLines: concessions.length };
  }

  beforeAll(async () => {
    result = await analyzeFiles([writeInput(workDir(), 'decp-v2-synthetic.json', text)]);
  });

  it('totals the marchés once each, without the concession', () => {
    const want = expected();
    expect(want.cents).toBe(100001 + 800000 + 123456 + 30030 + 1000);
    expect(toCents(result.report.totals.gross)).toBe(want.cents);
    expect(result.report.totals.lines).toBe(want.lines);
    expect(result.report.totals.rejectedLines).toBe(want.rejectedAt.length);
    expect(result.report.dataQuality.setAsideLines).toBe(want.setAsideAt.length);
    expect(result.datasets[0]?.format).toBe('decp-json-v2');
  });

  it('reports the concession apart: its valeur globale in report.concessions, never in the total', () => {
    const want = expected();
    expect(toCents(result.report.concessions.amount)).toBe(want.concessionCents);
    expect(want.concessionCents).toBe(25_000_000);
    expect(result.report.concessions.lines).toBe(want.concessionLines);
    expect(result.report.concessions.concessionaires).toBe(1);
    const suppliers = readSupplierAmounts(result.outDir);
    expect(suppliers.has(`siret:${SIRET.g}`)).toBe(false);
  });

  it('splits a contract between its 2 titulaires (remainder cent to the first)', () => {
    const suppliers = readSupplierAmounts(result.outDir);
    // 1 000,01 € = 100 001 cents → 50 001 + 50 000.
    expect(suppliers.get(`siret:${SIRET.a}`)).toBe(50001);
    expect(suppliers.get(`siret:${SIRET.b}`)).toBe(50000);
  });

  it('takes the new total of the latest modification by date, even when it is listed first', () => {
    const suppliers = readSupplierAmounts(result.outDir);
    expect(suppliers.get(`siret:${SIRET.c}`)).toBe(800000);
    expect(flaggedLines(result.datasets[0], 'modified')).toBe(1);
  });

  it('counts a repeated contract (same buyer + id) once and says why the repeat is set aside', () => {
    const rejects = readRejects(result.outDir, 'decp-v2-synthetic.json');
    const duplicate = rejects.find((row) => row.line === 7);
    expect(duplicate?.reason).toBe(
      `contract ${BUYER}/V2-DUP was already counted as contract #3 of this file: duplicate`,
    );
    // The same id under another buyer is another contract: 1 234,56 € + 10 € for that titulaire.
    expect(readSupplierAmounts(result.outDir).get(`siret:${SIRET.d}`)).toBe(123456 + 1000);
  });

  it('rejects an "NC" amount with its reason', () => {
    const rejects = readRejects(result.outDir, 'decp-v2-synthetic.json');
    expect(rejects.filter((row) => row.status === 'rejected').map((row) => row.line)).toEqual(
      expected().rejectedAt,
    );
    expect(rejects.find((row) => row.line === 4)?.reason).toBe('amount is "NC" (not communicated)');
  });

  it('accepts a mojibake name as published, and flags it', () => {
    expect(flaggedLines(result.datasets[0], 'mojibake')).toBe(1);
    expect(readSupplierAmounts(result.outDir).get(`siret:${SIRET.f}`)).toBe(30030);
    const suppliersCsv = readFileSync(join(result.outDir, 'suppliers.csv'), 'utf8');
    expect(suppliersCsv).toContain('SociÃ©tÃ© GÃ©nÃ©rale');
  });

  it('report.datasets amounts add up to the total: a concession is not added to the file amount', () => {
    const datasetCents = sum(result.report.datasets.map((dataset) => toCents(dataset.amount)));
    expect(datasetCents).toBe(toCents(result.report.totals.gross));
  });
});

describe('DECP JSON v1, built file with a "Contrat de concession" object (SYNTHETIC)', () => {
  it('reads the concession out of the marchés array and keeps it out of the total', async () => {
    const text = decpV1WithConcession();
    const contracts = (JSON.parse(text) as { marches: Contract[] }).marches;
    const marches = contracts.filter((c) => c._type !== 'Contrat de concession');
    const concessions = contracts.filter((c) => c._type === 'Contrat de concession');
    const expectedGross = sum(marches.map((c) => amountCents(currentAmount(c, 'montant') ?? '')));
    const expectedConcessions = sum(
      concessions.map((c) => amountCents(currentAmount(c, 'valeurGlobale') ?? '')),
    );
    expect(expectedGross).toBe(4298010 + 1250050);
    expect(concessions).toHaveLength(1);

    const result = await analyzeFiles([writeInput(workDir(), 'decp-v1-concession.json', text)]);
    expect(toCents(result.report.totals.gross)).toBe(expectedGross);
    expect(toCents(result.report.concessions.amount)).toBe(expectedConcessions);
    expect(result.report.concessions.lines).toBe(1);
    expect(result.report.totals.lines).toBe(2);
    expect(result.report.totals.rejectedLines).toBe(0);
    // "2019-04-27+02:00" (a date with its UTC offset, allowed by the v1 schema) is read.
    expect(result.report.period).toEqual({ from: '2019-01-10', to: '2019-04-27' });
  });
});

describe('DECP JSON that cannot be trusted', () => {
  it('a truncated file is rejected whole: RunError saying the JSON is malformed', async () => {
    const file = writeInput(workDir(), 'decp-truncated.json', truncatedDecpJson());
    const { error } = await analyzeFailure([file]);
    expect(error).toBeInstanceOf(RunError);
    expect(error.message).toMatch(
      /^decp-truncated\.json was rejected: the JSON is malformed after contract #\d+/,
    );
  });

  it('"__proto__" keys stay data: Object.prototype is clean and no amount is read through them', async () => {
    const text = decpJsonWithProtoKeys();
    const contracts = (JSON.parse(text) as { marches: Contract[] }).marches;
    // JSON.parse keeps "__proto__" as an own key: only P-1 and P-3 have an amount of their own.
    const own = contracts.filter((c) => Object.hasOwn(c, 'montant'));
    expect(own.map((c) => c.id)).toEqual(['P-1', 'P-3']);
    const expectedCents = sum(own.map((c) => amountCents(c.montant ?? '')));

    const result = await analyzeFiles([writeInput(workDir(), 'decp-proto.json', text)]);
    expect(prototypeIsClean()).toBe(true);
    expect(toCents(result.report.totals.gross)).toBe(expectedCents);
    expect(result.report.totals.rejectedLines).toBe(1);
    const [reject] = readRejects(result.outDir, 'decp-proto.json');
    expect(reject?.line).toBe(2);
    expect(reject?.reason).toMatch(/montant/);
  });
});
