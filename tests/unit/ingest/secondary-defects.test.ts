import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import { isLuhnValid } from '../../../shared/domain/identifiers.ts';
import { IngestCore, type IngestCoreOptions, type RawRow } from '../../../shared/domain/ingest/index.ts';
import type { Rejection } from '../../../shared/domain/ingest/rejection.ts';
import { reconciles } from '../../../shared/domain/reconciliation.ts';
import type { SpendLine } from '../../../shared/domain/spend-line.ts';

/** Every euro of a file is accounted for: a defect other than the amount is a flag on a counted line. */

const FR_HEADER = ['N° mandat', 'Date mandat', 'Tiers', 'SIRET', 'Code postal', 'Montant TTC', 'Commentaire'];
const VALID_SIRET = '32537347000039';

function ingest(cells: readonly string[][], options: Partial<IngestCoreOptions> = {}) {
  const core = new IngestCore({
    formats: KNOWN_FORMATS,
    defaultAnchorId: 'anchor-under-test',
    delimiter: ';',
    maxRejectedRatio: 0.5,
    ...options,
  });
  const rows: RawRow[] = cells.map((row, index) => ({ lineNumber: index + 1, cells: row }));
  for (const row of rows) core.push(row);
  const summary = core.finish();
  if (!summary.ok) throw new Error(summary.reason);
  const lines: SpendLine[] = core.drainLines();
  const rejections: Rejection[] = core.drainRejections();
  return { summary: summary.value, lines, rejections, rollups: [...core.rollups.records()] };
}

describe('a defect outside the amount flags the line and keeps its spend', () => {
  it.each<[string, string[], { flag: string; date: string | undefined; supplierKey?: string }]>([
    [
      'an impossible date',
      ['R', '31/02/2025', 'A', '', '', '10,00', ''],
      { flag: 'undated', date: undefined },
    ],
    ['an empty date', ['R', '', 'A', '', '', '10,00', ''], { flag: 'undated', date: undefined }],
    [
      'a date written VARIOUS',
      ['R', 'VARIOUS', 'A', '', '', '10,00', ''],
      { flag: 'undated', date: undefined },
    ],
    [
      'a year out of range',
      ['R', '10/01/1850', 'A', '', '', '10,00', ''],
      { flag: 'undated', date: undefined },
    ],
    [
      'a SIRET failing its checksum',
      ['R', '10/01/2025', 'Garage Durand', '32537347000038', '38000', '10,00', ''],
      { flag: 'invalid-identifier', date: '2025-01-10', supplierKey: 'name:garage durand@38000' },
    ],
    [
      'an amount stated to the tenth of a cent',
      ['R', '10/01/2025', 'A', '', '', '9,9951', ''],
      { flag: 'amount-rounded', date: '2025-01-10' },
    ],
    [
      'characters no decoding could read',
      ['R', '10/01/2025', 'Soci\uFFFDt\uFFFD G\uFFFDn\uFFFDrale', '', '38000', '10,00', ''],
      { flag: 'undecodable', date: '2025-01-10' },
    ],
    [
      'a SIRET in scientific notation',
      ['R', '10/01/2025', 'Garage Durand', '3,25373E+13', '38000', '10,00', ''],
      { flag: 'invalid-identifier', date: '2025-01-10', supplierKey: 'name:garage durand@38000' },
    ],
    [
      'a SIRET that lost its leading zero',
      ['R', '10/01/2025', 'Garage Durand', '5420012300013', '38000', '10,00', ''],
      { flag: 'repaired-identifier', date: '2025-01-10', supplierKey: 'siret:05420012300013' },
    ],
    [
      'a supplier name of more than 4 000 characters',
      ['R', '10/01/2025', 'x'.repeat(5_000), '', '', '10,00', ''],
      { flag: 'value-truncated', date: '2025-01-10' },
    ],
  ])('%s', (_name, cells, expected) => {
    const run = ingest([FR_HEADER, ['G', '09/01/2025', 'B', '', '', '1,00', ''], cells]);
    expect(run.rejections).toEqual([]);
    const line = run.lines.find((one) => one.lineNumber === 3);
    expect(line?.amountCents).toBe(1000);
    expect(line?.flags).toContain(expected.flag);
    expect(line?.date).toBe(expected.date);
    if (expected.supplierKey) expect(line?.supplier.key).toBe(expected.supplierKey);
    expect(run.summary.amountCents).toBe(1100);
    expect(run.summary.reconciliation.flags).toContainEqual({ flag: expected.flag, lines: 1, cents: 1000 });
  });

  it('keeps an invalid identifier as written, for the officer, but never uses it', () => {
    const run = ingest([
      FR_HEADER,
      ['R', '10/01/2025', 'Garage Durand', '32537347000038', '38000', '10,00', ''],
    ]);
    expect(run.lines[0]?.supplier).toMatchObject({
      invalidIdentifier: '32537347000038',
      identifier: undefined,
    });
  });

  it('counts undated lines in the dataset, apart in the rollups, and outside its dated period', () => {
    const run = ingest([
      FR_HEADER,
      ['R1', '10/01/2025', 'A', VALID_SIRET, '', '1,00', ''],
      ['R2', '31/02/2025', 'A', VALID_SIRET, '', '2,00', ''],
      ['R3', '12/03/2025', 'A', VALID_SIRET, '', '4,00', ''],
    ]);
    expect(run.summary).toMatchObject({ periodFrom: '2025-01-10', periodTo: '2025-03-12', amountCents: 700 });
    expect(run.rollups).toHaveLength(1);
    expect(run.rollups[0]).toMatchObject({ amountCents: 700, lines: 3, firstDate: '2025-01-10' });
    expect(run.rollups[0]?.byMonthCategory).toEqual([
      ['2025-01', '', 100],
      ['undated', '', 200],
      ['2025-03', '', 400],
    ]);
  });

  it('flags the lines the decoder read as Windows-1252, on the fast lane or not', () => {
    for (const fastLane of [true, false]) {
      const rows = [
        FR_HEADER,
        ...Array.from({ length: 6 }, (_, i) => [`R${i}`, '10/01/2025', 'A', '', '', '1,00', '']),
      ];
      const run = ingest(rows, { redecodedLines: new Set([3, 6]), fastLane });
      expect(
        run.lines.filter((line) => line.flags.includes('re-decoded')).map((line) => line.lineNumber),
      ).toEqual([3, 6]);
      expect(run.summary.reconciliation.flags).toEqual([{ flag: 're-decoded', lines: 2, cents: 200 }]);
    }
  });
});

describe('total rows: no payee of their own, set aside, and the grand total compared', () => {
  const UK = ['Supplier Name', 'Amount', 'Paid Date', 'Expense Type'];

  it.each<[string, string[], boolean]>([
    ['a grand total that agrees', ['', '350.00', '', 'Grand Total'], true],
    ['a "Total" in the name column, undated', ['TOTAL', '350.00', '', ''], true],
    ['a grand total that does not agree', ['Total général', '999.00', '', ''], false],
  ])('%s', (_name, totalRow, agrees) => {
    const run = ingest(
      [
        UK,
        ['Acme Ltd', '100.00', '05/01/2024', 'Supplies'],
        ['Beta Ltd', '250.00', '06/01/2024', 'Works'],
        totalRow,
      ],
      {
        delimiter: ',',
      },
    );
    expect(run.summary.amountCents).toBe(35000);
    expect(run.summary.setAsideLines).toBe(1);
    const cents = Number(totalRow[1]?.replace('.', ''));
    expect(run.summary.reconciliation).toMatchObject({
      controlCents: 35000,
      totalRows: { lines: 1, cents },
      statedTotal: { lineNumber: 4, cents, agrees },
    });
    expect(run.rejections).toMatchObject([{ lineNumber: 4, setAside: 'summary-row', amountCents: cents }]);
  });

  it('sets sub-totals aside without taking them for the file’s total', () => {
    const run = ingest(
      [UK, ['Acme Ltd', '100.00', '05/01/2024', 'Supplies'], ['', '100.00', '', 'Sous-total fournitures']],
      { delimiter: ',' },
    );
    expect(run.summary.reconciliation.statedTotal).toBeUndefined();
    expect(run.summary.reconciliation.totalRows).toEqual({ lines: 1, cents: 10000 });
  });

  it.each([
    ['TOTAL ENERGIES', '05/01/2024', 'Fuel'],
    ['TOTAL', '05/01/2024', 'Fuel'],
    ['Total Gas & Power Ltd', '', 'Fuel'],
    // A redacted payee, dated, whose expense type starts like a total's label.
    ['', '05/01/2024', 'Total Facilities Management'],
  ])('counts a payment to a supplier named %j (dated %j, %j)', (name, date, expense) => {
    const rows = [UK, ['Acme Ltd', '100.00', '05/01/2024', 'Supplies'], [name, '80.00', date, expense]];
    const run = ingest(rows, { delimiter: ',' });
    expect(run.summary.amountCents).toBe(18000);
    expect(run.summary.reconciliation.totalRows.lines).toBe(0);
  });
});

describe('every readable amount is accounted for (property)', () => {
  /** A SIRET made valid by its last digit, and the same with one digit mistyped. */
  const siretPair = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...'123456789'), minLength: 13, maxLength: 13 }),
      fc.nat({ max: 12 }),
    )
    .map(([digits, at]) => {
      const valid = [...'0123456789'].map((last) => digits + last).find(isLuhnValid) ?? `${digits}0`;
      const typo = `${valid.slice(0, at)}${(Number(valid[at]) + 1) % 10}${valid.slice(at + 1)}`;
      return { valid, typo };
    });
  const DEFECTS = [
    'none',
    'impossible-date',
    'various',
    'bad-siret',
    'long-value',
    'bad-amount',
    'broken',
  ] as const;
  const line = fc.record({
    defect: fc.constantFrom(...DEFECTS),
    cents: fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
    day: fc.integer({ min: 1, max: 28 }),
  });
  const amountText = (cents: number) => {
    const magnitude = Math.abs(cents);
    return `${cents < 0 ? '-' : ''}${Math.floor(magnitude / 100)},${String(magnitude % 100).padStart(2, '0')}`;
  };

  it('counted = every readable amount but the rejected ones; each flag with its amount; a typo never on the valid SIRET', () => {
    fc.assert(
      fc.property(
        siretPair,
        fc.array(line, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        ({ valid, typo }, specs, fastLane) => {
          // A file with no line counted at all is rejected whole: another test's subject.
          fc.pre(specs.some((spec) => spec.defect !== 'bad-amount' && spec.defect !== 'broken'));
          const rows = specs.map(({ defect, cents, day }, index) => {
            const date =
              defect === 'impossible-date'
                ? '30/02/2024'
                : defect === 'various'
                  ? 'VARIOUS'
                  : `${String(day).padStart(2, '0')}/02/2024`;
            const siret = defect === 'bad-siret' ? typo : valid;
            const amount = defect === 'bad-amount' ? `${amountText(cents)}x` : amountText(cents);
            const name = defect === 'long-value' ? 'c'.repeat(4_100) : 'Garage Durand';
            const cells = [`M${index}`, date, name, siret, '38000', amount, ''];
            return defect === 'broken' ? [...cells, 'débordement'] : cells;
          });
          const run = ingest([FR_HEADER, ...rows], { maxRejectedRatio: 1, fastLane });
          const sumOf = (wanted: readonly string[]) =>
            specs.filter((spec) => wanted.includes(spec.defect)).reduce((sum, spec) => sum + spec.cents, 0);
          const countedDefects = ['none', 'impossible-date', 'various', 'bad-siret', 'long-value'];
          expect(run.summary.amountCents).toBe(sumOf(countedDefects));
          const { reconciliation } = run.summary;
          expect(reconciles(reconciliation)).toBe(true);
          // The broken lines' amounts are read from the amount column; the unreadable ones are not.
          expect(reconciliation.controlCents).toBe(sumOf([...countedDefects, 'broken']));
          expect(reconciliation.rejected).toEqual({
            lines: specs.filter((spec) => spec.defect === 'bad-amount' || spec.defect === 'broken').length,
            withAmount: specs.filter((spec) => spec.defect === 'broken').length,
            cents: sumOf(['broken']),
          });
          const flagged = new Map(reconciliation.flags.map((entry) => [entry.flag, entry]));
          const expectFlag = (flag: string, defects: readonly string[]) => {
            const lines = specs.filter((spec) => defects.includes(spec.defect)).length;
            expect(flagged.get(flag)).toEqual(
              lines === 0 ? undefined : { flag, lines, cents: sumOf(defects) },
            );
          };
          expectFlag('undated', ['impossible-date', 'various']);
          expectFlag('invalid-identifier', ['bad-siret']);
          expectFlag('value-truncated', ['long-value']);
          for (const counted of run.lines) {
            const spec = specs[counted.lineNumber - 2];
            expect(counted.supplier.key).toBe(
              spec?.defect === 'bad-siret' ? 'name:garage durand@38000' : `siret:${valid}`,
            );
          }
          const validRollup = run.rollups.find((rollup) => rollup.supplier.key === `siret:${valid}`);
          expect(validRollup?.amountCents ?? 0).toBe(
            sumOf(['none', 'impossible-date', 'various', 'long-value']),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a UK file that publishes no payment date', () => {
  it('is read all the same: its lines counted undated, in the dataset’s period', () => {
    const run = ingest(
      [
        ['Strategic Group', 'Period', 'Supplier Text', 'Amount'],
        ['Central Services', '201009', 'FORCE TWO LTD', '384'],
        ['Central Services', '201009', 'ACME LTD', '16.50'],
      ],
      { delimiter: ',' },
    );
    expect(run.summary).toMatchObject({ format: 'uk-spend-csv', amountCents: 40_050, periodFrom: undefined });
    expect(run.summary.reconciliation.flags).toEqual([{ flag: 'undated', lines: 2, cents: 40_050 }]);
  });
});
