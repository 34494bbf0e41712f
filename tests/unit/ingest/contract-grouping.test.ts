import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import { ContractGrouping, type GroupOutcome } from '../../../shared/domain/ingest/contract-grouping.ts';
import { IngestCore, type RawRow } from '../../../shared/domain/ingest/index.ts';
import type { SetAside } from '../../../shared/domain/ingest/rejection.ts';
import type { DraftLine } from '../../../shared/domain/spend-line.ts';

function spendLine(
  lineNumber: number,
  contractUid: string | undefined,
  supplierKey: string,
  amountCents: number,
): DraftLine {
  return {
    lineNumber,
    anchorId: '25260019200022',
    date: '2019-01-10',
    amountCents,
    currency: 'EUR',
    supplier: { key: supplierKey, name: supplierKey.toUpperCase() },
    ...(contractUid === undefined ? {} : { contractUid }),
    flags: [],
  };
}

const linesOf = (outcomes: readonly GroupOutcome[]): DraftLine[] =>
  outcomes.flatMap((outcome) => ('line' in outcome ? [outcome.line] : []));
const duplicatesOf = (outcomes: readonly GroupOutcome[]): SetAside[] =>
  outcomes.flatMap((outcome) => ('duplicate' in outcome ? [outcome.duplicate] : []));

/** Pushes every line, then flushes: all outcomes in the order they were emitted. */
function group(lines: readonly DraftLine[]): GroupOutcome[] {
  const grouping = new ContractGrouping();
  const outcomes = lines.flatMap((line) => grouping.push(line, `raw of line ${line.lineNumber}`));
  return [...outcomes, ...grouping.flush()];
}

describe('ContractGrouping: rows of one contract that state different amounts', () => {
  it('splits the first row’s amount and flags every titulaire’s line, so that the file is checked', () => {
    const outcomes = group([spendLine(2, 'U1', 'eden', 100000), spendLine(3, 'U1', 'sign', 500000)]);
    expect(linesOf(outcomes).map((line) => [line.supplier.key, line.amountCents, line.flags])).toEqual([
      ['eden', 50000, ['contract-amounts-differ']],
      ['sign', 50000, ['contract-amounts-differ']],
    ]);
  });

  it('flags nothing where the rows agree', () => {
    const outcomes = group([spendLine(2, 'U1', 'eden', 100000), spendLine(3, 'U1', 'sign', 100000)]);
    expect(linesOf(outcomes).flatMap((line) => line.flags)).toEqual([]);
  });
});

describe('ContractGrouping: splitting a contract between its titulaires', () => {
  it.each<[string, number, string[], number[]]>([
    ['3 titulaires of 100,00 €', 10_000, ['siret:a', 'siret:b', 'siret:c'], [3334, 3333, 3333]],
    ['2 titulaires of 100,01 €', 10_001, ['siret:a', 'siret:b'], [5001, 5000]],
    ['4 titulaires of 0,02 €', 2, ['a', 'b', 'c', 'd'], [1, 1, 0, 0]],
    ['3 titulaires of -100,00 € (a credit)', -10_000, ['a', 'b', 'c'], [-3334, -3333, -3333]],
    [
      '5 titulaires of 1 000 000,03 €',
      100_000_003,
      ['a', 'b', 'c', 'd', 'e'],
      [20000001, 20000001, 20000001, 2e7, 2e7],
    ],
  ])('%s', (_name, cents, keys, expectedShares) => {
    const outcomes = group(keys.map((key, i) => spendLine(10 + i, 'C1', key, cents)));
    const lines = linesOf(outcomes);
    expect(duplicatesOf(outcomes)).toEqual([]);
    expect(lines.map((line) => line.amountCents)).toEqual(expectedShares);
    expect(lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(cents);
    expect(lines.map((line) => line.shareOf)).toEqual(keys.map(() => keys.length));
    expect(lines.map((line) => line.supplier.key)).toEqual(keys);
    expect(lines.map((line) => line.lineNumber)).toEqual(keys.map((_, i) => 10 + i));
  });

  it('keeps a single titulaire whole, without shareOf', () => {
    const [outcome] = group([spendLine(2, 'C1', 'siret:a', 4298010)]);
    expect(outcome).toEqual({ line: spendLine(2, 'C1', 'siret:a', 4298010) });
    expect(outcome && 'line' in outcome && 'shareOf' in outcome.line).toBe(false);
  });

  it('emits a contract only once the next one starts (or on flush)', () => {
    const grouping = new ContractGrouping();
    expect(grouping.push(spendLine(2, 'C1', 'a', 300), 'r2')).toEqual([]);
    expect(grouping.push(spendLine(3, 'C1', 'b', 300), 'r3')).toEqual([]);
    const emitted = grouping.push(spendLine(4, 'C2', 'a', 50), 'r4');
    expect(linesOf(emitted).map((line) => [line.lineNumber, line.amountCents, line.shareOf])).toEqual([
      [2, 150, 2],
      [3, 150, 2],
    ]);
    expect(linesOf(grouping.flush()).map((line) => [line.lineNumber, line.amountCents])).toEqual([[4, 50]]);
    expect(grouping.flush()).toEqual([]);
  });

  it('treats lines without a contract uid as contracts of their own', () => {
    const outcomes = group([spendLine(2, undefined, 'a', 100), spendLine(3, undefined, 'a', 200)]);
    expect(duplicatesOf(outcomes)).toEqual([]);
    expect(linesOf(outcomes).map((line) => line.amountCents)).toEqual([100, 200]);
  });
});

describe('ContractGrouping: duplicates', () => {
  it('counts the same titulaire once per contract and rejects the repeat, pointing at the first line', () => {
    const outcomes = group([
      spendLine(2, 'C1', 'siret:a', 10_000),
      spendLine(3, 'C1', 'siret:b', 10_000),
      spendLine(4, 'C1', 'siret:a', 10_000),
    ]);
    expect(linesOf(outcomes).map((line) => [line.lineNumber, line.amountCents, line.shareOf])).toEqual([
      [2, 5000, 2],
      [3, 5000, 2],
    ]);
    expect(duplicatesOf(outcomes)).toEqual([
      {
        lineNumber: 4,
        reason: 'titulaire siret:a of contract C1 was already counted at line 2: duplicate row',
        raw: 'raw of line 4',
        amountCents: 10_000,
        setAside: 'duplicate',
      },
    ]);
    expect(outcomes.map((o) => ('line' in o ? o.line.lineNumber : o.duplicate.lineNumber))).toEqual([
      2, 3, 4,
    ]);
  });

  it('sets aside a contract that appears again after another one', () => {
    const outcomes = group([
      spendLine(2, 'C1', 'a', 900),
      spendLine(3, 'C1', 'b', 900),
      spendLine(4, 'C2', 'a', 100),
      spendLine(5, 'C1', 'a', 900),
      spendLine(6, 'C1', 'c', 900),
      spendLine(7, 'C3', 'a', 1),
    ]);
    expect(linesOf(outcomes).map((line) => [line.lineNumber, line.amountCents])).toEqual([
      [2, 450],
      [3, 450],
      [4, 100],
      [7, 1],
    ]);
    expect(duplicatesOf(outcomes)).toEqual([
      {
        lineNumber: 5,
        reason: 'contract C1 was already counted at line 2: duplicate row',
        raw: 'raw of line 5',
        amountCents: 900,
        setAside: 'duplicate',
      },
      {
        lineNumber: 6,
        reason: 'contract C1 was already counted at line 2: duplicate row',
        raw: 'raw of line 6',
        amountCents: 900,
        setAside: 'duplicate',
      },
    ]);
  });

  it('the emitted amounts sum to the contracts’ amounts, duplicates or not (property)', () => {
    const contract = fc.record({
      cents: fc.integer({ min: -1_000_000_000, max: 1_000_000_000_000 }),
      titulaires: fc.array(
        fc.constantFrom('siret:a', 'siret:b', 'siren:c', 'name:d', 'undisclosed', 'vat:e'),
        {
          minLength: 1,
          maxLength: 5,
        },
      ),
    });
    fc.assert(
      fc.property(fc.array(contract, { maxLength: 30 }), (contracts) => {
        let lineNumber = 1;
        const lines = contracts.flatMap((c, index) =>
          c.titulaires.map((key) => spendLine(++lineNumber, `uid-${index}`, key, c.cents)),
        );
        const outcomes = group(lines);
        const emitted = linesOf(outcomes);
        const distinct = contracts.map((c) => new Set(c.titulaires).size);
        expect(emitted.reduce((sum, line) => sum + line.amountCents, 0)).toBe(
          contracts.reduce((sum, c) => sum + c.cents, 0),
        );
        expect(emitted).toHaveLength(distinct.reduce((a, b) => a + b, 0));
        expect(duplicatesOf(outcomes)).toHaveLength(lines.length - emitted.length);
        // Every input line comes out exactly once, as a line or a rejection.
        expect(outcomes.map((o) => ('line' in o ? o.line.lineNumber : o.duplicate.lineNumber))).toEqual(
          lines.map((line) => line.lineNumber),
        );
        distinct.forEach((parts, index) => {
          const shares = emitted.filter((line) => line.contractUid === `uid-${index}`);
          expect(shares).toHaveLength(parts);
          const amounts = shares.map((line) => line.amountCents);
          expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
          for (const line of shares) expect(line.shareOf).toBe(parts > 1 ? parts : undefined);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('IngestCore with a DECP flattened file', () => {
  const header = [
    'uid',
    'acheteur_id',
    'acheteur_nom',
    'montant',
    'dateNotification',
    'titulaire_id',
    'titulaire_typeIdentifiant',
    'titulaire_denominationSociale',
  ];
  const row = (uid: string, montant: string, siret: string, name: string) => [
    uid,
    '25260019200022',
    'SM du Vercors',
    montant,
    '2019-01-10',
    siret,
    'SIRET',
    name,
  ];

  function ingest(cells: string[][]) {
    const core = new IngestCore({
      formats: KNOWN_FORMATS,
      defaultAnchorId: 'unused',
      delimiter: ',',
      maxRejectedRatio: 0.5,
    });
    const rows: RawRow[] = cells.map((c, i) => ({ lineNumber: i + 1, cells: c }));
    for (const r of rows) core.push(r);
    const summary = core.finish();
    return { core, summary, lines: core.drainLines(), rejections: core.drainRejections() };
  }

  it('splits a 3-titulaire contract, counts it once and sets its later repetition aside', () => {
    const { core, summary, lines, rejections } = ingest([
      header,
      row('C1', '100', '30923145400062', 'EDEN'),
      row('C1', '100', '78929051700018', 'SIGNATURE COMMUNICATION'),
      row('C1', '100', '54208445400611', 'primagaz'),
      row('C2', '42980.1', '30923145400062', 'EDEN'),
      row('C2', '42980.1', '30923145400062', 'EDEN (bis)'),
      row('C1', '100', '30923145400062', 'EDEN'),
    ]);
    expect(lines.map((line) => [line.lineNumber, line.amountCents, line.shareOf])).toEqual([
      [2, 3334, 3],
      [3, 3333, 3],
      [4, 3333, 3],
      [5, 4298010, undefined],
    ]);
    expect(rejections).toEqual([
      {
        lineNumber: 6,
        reason: 'titulaire siret:30923145400062 of contract C2 was already counted at line 5: duplicate row',
        raw: 'C2,25260019200022,SM du Vercors,42980.1,2019-01-10,30923145400062,SIRET,EDEN (bis)',
        amountCents: 4298010,
        setAside: 'duplicate',
      },
      {
        lineNumber: 7,
        reason: 'contract C1 was already counted at line 2: duplicate row',
        raw: 'C1,25260019200022,SM du Vercors,100,2019-01-10,30923145400062,SIRET,EDEN',
        amountCents: 10_000,
        setAside: 'duplicate',
      },
    ]);
    expect(summary.ok && summary.value).toMatchObject({
      format: 'decp-flat-csv',
      lines: 4,
      rejectedLines: 0,
      setAsideLines: 2,
      amountCents: 10_000 + 4298010,
      anchors: [{ id: '25260019200022', name: 'SM du Vercors' }],
    });
    const eden = [...core.rollups.records()].find((r) => r.supplier.key === 'siret:30923145400062');
    expect(eden).toMatchObject({ amountCents: 3334 + 4298010, lines: 2 });
  });
});
