import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADER_SEARCH_ROWS } from '../../../shared/domain/formats/header-match.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import { IngestCore, type IngestCoreOptions, type RawRow } from '../../../shared/domain/ingest/index.ts';
import type { Rejection } from '../../../shared/domain/ingest/rejection.ts';
import type { SpendLine } from '../../../shared/domain/spend-line.ts';

const OPTIONS: IngestCoreOptions = {
  formats: KNOWN_FORMATS,
  defaultAnchorId: 'anchor-under-test',
  delimiter: ';',
  maxRejectedRatio: 0.5,
};

/** 7 columns; the last mapped one (amount) is index 5, "Commentaire" (6) is not mapped. */
const FR_HEADER = ['N° mandat', 'Date mandat', 'Tiers', 'SIRET', 'Code postal', 'Montant TTC', 'Commentaire'];
const UK_HEADER = ['Supplier Name', 'Amount', 'Paid Date'];

/** Rows on consecutive physical lines starting at `firstLine`. */
const rowsFrom = (cells: readonly string[][], firstLine = 1): RawRow[] =>
  cells.map((row, index) => ({ lineNumber: firstLine + index, cells: row }));

interface Run {
  readonly core: IngestCore;
  readonly pushFailures: string[];
  readonly lines: SpendLine[];
  readonly rejections: Rejection[];
  readonly summary: ReturnType<IngestCore['finish']>;
}

/** Feeds rows in batches, draining between batches as the ingest use case does. */
function ingest(rows: readonly RawRow[], options: Partial<IngestCoreOptions> = {}, batchSize = 1_000): Run {
  const core = new IngestCore({ ...OPTIONS, ...options });
  const pushFailures: string[] = [];
  const lines: SpendLine[] = [];
  const rejections: Rejection[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    for (const row of rows.slice(start, start + batchSize)) {
      const pushed = core.push(row);
      if (!pushed.ok) pushFailures.push(pushed.reason);
    }
    lines.push(...core.drainLines());
    rejections.push(...core.drainRejections());
  }
  const summary = core.finish();
  lines.push(...core.drainLines());
  rejections.push(...core.drainRejections());
  return { core, pushFailures, lines, rejections, summary };
}

function summaryOf(run: Run) {
  if (!run.summary.ok) throw new Error(`expected the file to be accepted, got: ${run.summary.reason}`);
  return run.summary.value;
}

function failureOf(run: Run): string {
  if (run.summary.ok) throw new Error('expected the file to be rejected');
  return run.summary.reason;
}

function ukAmount(cents: number): string {
  const magnitude = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

describe('IngestCore: accepted lines', () => {
  it.each<[string, string[], { amountCents: number; date: string; supplierKey: string }]>([
    [
      'grouped thousands and a decimal comma',
      ['M1', '05/03/2025', 'Boulangerie Martin', '', '38000', '1 234,56', 'ok'],
      { amountCents: 123456, date: '2025-03-05', supplierKey: 'name:boulangerie martin@38000' },
    ],
    [
      'a negative amount with one decimal and a SIRET',
      ['M2', '31/12/2024', 'EDEN', '309 231 454 00062', '', '-12,5', ''],
      { amountCents: -1250, date: '2024-12-31', supplierKey: 'siret:30923145400062' },
    ],
    [
      'a leap day, missing trailing unmapped cell',
      ['M3', '29/02/2024', 'Café de la Gare', '', '', '0,07'],
      { amountCents: 7, date: '2024-02-29', supplierKey: 'name:cafe de la gare' },
    ],
    [
      'single-digit day and month, extra empty cells',
      ['M4', '1/2/2025', 'SARL Dupont & Fils', '', '', '12 345 678,90', '', '', ' '],
      { amountCents: 1234567890, date: '2025-02-01', supplierKey: 'name:dupont et fils' },
    ],
    [
      'a currency sign and surrounding spaces',
      ['M5', ' 2025-07-14 ', ' Transports Alpins ', '', '', ' 99,99 € ', ''],
      { amountCents: 9999, date: '2025-07-14', supplierKey: 'name:transports alpins' },
    ],
  ])('%s', (_name, cells, expected) => {
    const run = ingest([
      { lineNumber: 1, cells: FR_HEADER },
      { lineNumber: 2, cells },
    ]);
    expect(run.rejections).toEqual([]);
    expect(run.lines).toHaveLength(1);
    const [line] = run.lines;
    expect(Number.isSafeInteger(line?.amountCents)).toBe(true);
    expect(line).toMatchObject({
      lineNumber: 2,
      anchorId: 'anchor-under-test',
      currency: 'EUR',
      amountCents: expected.amountCents,
      date: expected.date,
      supplier: { key: expected.supplierKey },
    });
    expect(line?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(summaryOf(run)).toMatchObject({ format: 'fr-payments-csv', lines: 1, rejectedLines: 0 });
  });
});

describe('IngestCore: rejected lines carry their physical line number and a readable reason', () => {
  const good = (ref: string) => [ref, '10/01/2025', 'Fournisseur A', '', '', '100,00', ''];

  it.each<[string, string[], string]>([
    ['a bad amount', ['R', '10/01/2025', 'A', '', '', 'douze', ''], 'amount "douze" is not a number'],
    ['an empty amount', ['R', '10/01/2025', 'A', '', '', '  ', ''], 'amount is empty'],
    [
      'an amount with three decimals',
      ['R', '10/01/2025', 'A', '', '', '12,345', ''],
      'amount "12,345" has more than two decimals',
    ],
    [
      'a bad amount and an impossible date (the amount decides)',
      ['R', '30/02/2025', 'A', '', '', 'x', ''],
      'amount "x" is not a number',
    ],
    [
      'a row missing the cell of a mapped column',
      ['R', '10/01/2025', 'A', '', ''],
      'the line has 5 values but the header has 7 columns',
    ],
    ['a row cut after the first cell', ['R'], 'the line has 1 values but the header has 7 columns'],
  ])('%s', (_name, cells, reason) => {
    // Line numbers jump as after quoted cells spanning several physical lines.
    const run = ingest([
      { lineNumber: 1, cells: FR_HEADER },
      { lineNumber: 2, cells: good('G1') },
      { lineNumber: 5, cells },
      { lineNumber: 9, cells: good('G2') },
    ]);
    expect(run.rejections).toEqual([{ lineNumber: 5, reason, raw: cells.join(';') }]);
    expect(run.lines.map((line) => line.lineNumber)).toEqual([2, 9]);
    expect(summaryOf(run)).toMatchObject({ lines: 2, rejectedLines: 1, amountCents: 20000 });
    expect(summaryOf(run).firstRejections).toEqual(run.rejections);
  });

  it('gives the amount a structurally broken line states, so what is left out shows in money', () => {
    const cells = ['R', '10/01/2025', 'A', '', '', '1 234,50', '', 'débordement'];
    const run = ingest(rowsFrom([FR_HEADER, good('G1'), cells]));
    expect(run.rejections).toEqual([
      {
        lineNumber: 3,
        reason: 'the line has 8 values but the header has 7 columns',
        raw: cells.join(';'),
        amountCents: 123450,
      },
    ]);
    expect(summaryOf(run).reconciliation).toMatchObject({
      controlCents: 10000 + 123450,
      countedCents: 10000,
      rejected: { lines: 1, withAmount: 1, cents: 123450 },
    });
  });

  it.each([
    [
      'a name cut in two: one value later',
      ['R', '10/01/2025', 'DUPONT', ' JEAN', '', '', '1 000,00', 'loyer'],
      100000,
    ],
    [
      'a comment cut in two: in its column',
      ['R', '10/01/2025', 'A', '', '', '1 234,50', 'loyer', ' mars'],
      123450,
    ],
    [
      'a postcode shifted into the amount column: none',
      ['R', '10/01/2025', 'DUPONT', ' JEAN', '', '38000', '1 000,00', 'loyer'],
      undefined,
    ],
    [
      'a SIRET shifted into the amount column: none',
      ['R', '10/01/2025', 'DUPONT', ' JEAN', '', '30923145400062', '1 000,00', 'x'],
      undefined,
    ],
    ['the same amount in both places', ['R', '10/01/2025', 'A', '', '', '5,00', '5,00', 'x'], 500],
    ['a line cut short before the amount column', ['R', '10/01/2025'], undefined],
  ])('gives a ragged line’s amount only where it cannot be another value: %s', (_, cells, amountCents) => {
    const run = ingest(rowsFrom([FR_HEADER, good('G1'), cells]), { maxRejectedRatio: 1 });
    expect(run.rejections).toHaveLength(1);
    expect(run.rejections[0]?.amountCents).toBe(amountCents);
    expect(summaryOf(run).reconciliation).toMatchObject({ controlCents: 10000 + (amountCents ?? 0) });
  });

  it('gives no amount for a line cut short before its amount column, whatever value ends it', () => {
    // The amount last: a line cut after the postcode must not have the postcode read as money.
    const header = ['N° mandat', 'Date mandat', 'Tiers', 'Code postal', 'Objet', 'Montant TTC'];
    const cut = ['R', '10/01/2025', 'Garage Durand', '38600'];
    const run = ingest(rowsFrom([header, ['G1', '10/01/2025', 'A', '38000', 'x', '100,00'], cut]), {
      maxRejectedRatio: 1,
    });
    expect(run.rejections.map((one) => [one.lineNumber, one.amountCents])).toEqual([[3, undefined]]);
  });

  it('keeps the raw line quoted as CSV so it can be written to the rejects file', () => {
    const cells = ['R;1', '10/01/2025', 'Le "Bon" Fournisseur', '', '', 'n/a', ''];
    const run = ingest(rowsFrom([FR_HEADER, cells]), { maxRejectedRatio: 1 });
    expect(run.rejections[0]?.raw).toBe('"R;1";10/01/2025;"Le ""Bon"" Fournisseur";;;n/a;');
  });
});

describe('IngestCore: blank lines and preamble', () => {
  it('counts blank lines without rejecting them', () => {
    const run = ingest(
      rowsFrom([
        FR_HEADER,
        ['M1', '10/01/2025', 'A', '', '', '1,00', ''],
        [''],
        ['', '  ', '', '', '', '', ''],
        ['\t'],
        ['M2', '11/01/2025', 'B', '', '', '2,00', ''],
        [''],
      ]),
    );
    expect(run.rejections).toEqual([]);
    expect(summaryOf(run)).toMatchObject({ lines: 2, blankLines: 4, rejectedLines: 0, preambleLines: 0 });
    expect(run.lines.map((line) => line.lineNumber)).toEqual([2, 6]);
  });

  it('counts title and blank rows above the header as preamble, not as blank lines', () => {
    const run = ingest(
      rowsFrom([
        ['Régie fictive — extraction des mandats 2025'],
        [''],
        FR_HEADER,
        ['M1', '10/01/2025', 'A', '', '', '1,00', ''],
        [''],
      ]),
    );
    expect(summaryOf(run)).toMatchObject({ preambleLines: 2, headerLine: 3, blankLines: 1, lines: 1 });
    expect(run.lines[0]?.lineNumber).toBe(4);
  });

  it('gives the header the physical line it starts on', () => {
    const run = ingest([
      { lineNumber: 1, cells: ['Titre sur\ndeux lignes'] },
      { lineNumber: 3, cells: FR_HEADER },
      { lineNumber: 4, cells: ['M1', '10/01/2025', 'A', '', '', '1,00', ''] },
    ]);
    expect(summaryOf(run)).toMatchObject({ preambleLines: 1, headerLine: 3 });
  });

  it(`finds a header on the ${HEADER_SEARCH_ROWS}th row and reads the rows after it`, () => {
    const preamble = Array.from({ length: HEADER_SEARCH_ROWS - 1 }, (_, i) => [`requête ${i}`]);
    const run = ingest(rowsFrom([...preamble, UK_HEADER, ['ACME', '10.00', '01/02/2018']]));
    expect(summaryOf(run)).toMatchObject({
      format: 'uk-spend-csv',
      preambleLines: HEADER_SEARCH_ROWS - 1,
      headerLine: HEADER_SEARCH_ROWS,
      lines: 1,
      amountCents: 1000,
    });
  });

  it('names the physical line of a header missing a required column', () => {
    const run = ingest([
      { lineNumber: 1, cells: ['Titre sur\ndeux lignes'] },
      { lineNumber: 3, cells: ['Tiers', 'Montant TTC'] },
    ]);
    expect(failureOf(run)).toMatch(/^line 3: /);
  });
});

describe('IngestCore: file-level failures', () => {
  it.each<[string, string[][], string]>([
    ['no rows at all', [], 'the file is empty'],
    ['only blank rows', [[''], ['  ', ''], ['']], 'the file is empty'],
    ['a header only', [UK_HEADER], 'the file has a header but no data lines'],
    ['a header and blank lines', [UK_HEADER, [''], ['', '', '']], 'the file has a header but no data lines'],
    [
      'a title and a header only',
      [['Spend over £500'], [''], UK_HEADER],
      'the file has a header but no data lines',
    ],
    [
      'every data line rejected (fewer than 10)',
      [UK_HEADER, ['A', 'x', '01/01/2018'], ['B', '', 'VARIOUS']],
      'no line of the file could be read. First reasons: line 2: amount "x" is not a number | line 3: amount is empty',
    ],
  ])('%s', (_name, rows, reason) => {
    const run = ingest(rowsFrom(rows), { maxRejectedRatio: 1 });
    expect(run.summary).toEqual({ ok: false, reason });
  });

  it('fails a short file without a header with the header search message', () => {
    const run = ingest(rowsFrom([['hello'], ['world']]));
    expect(failureOf(run)).toMatch(/^no header row found in the first 30 lines/);
  });

  it('fails a short file whose header misses a required column, naming it', () => {
    const run = ingest(
      rowsFrom([
        ['Supplier Name', 'Paid Date'],
        ['A', '01/02/2018'],
      ]),
    );
    expect(failureOf(run)).toMatch(/^line 1: looks like UK spend over £500/);
    expect(failureOf(run)).toContain('amount (one of: Amount, Net amount');
  });

  it(`fails as soon as ${HEADER_SEARCH_ROWS} rows have no header, and keeps failing`, () => {
    const rows = rowsFrom([
      ...Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => [`titre ${i}`]),
      UK_HEADER,
      ['A', '1.00', '01/01/2018'],
    ]);
    const run = ingest(rows);
    expect(run.pushFailures).toHaveLength(3);
    expect(new Set(run.pushFailures).size).toBe(1);
    expect(run.pushFailures[0]).toMatch(/^no header row found in the first 30 lines/);
    expect(failureOf(run)).toBe(run.pushFailures[0]);
    expect(run.lines).toEqual([]);
  });

  const dataRows = (bad: number, total: number): string[][] =>
    Array.from({ length: total }, (_, i) =>
      i < bad ? [`Bad ${i}`, `oops${i}`, '01/01/2018'] : [`Good ${i}`, '10.00', '01/01/2018'],
    );

  it('rejects the file when the share of rejected lines is over the threshold, listing the first reasons', () => {
    const run = ingest(rowsFrom([UK_HEADER, ...dataRows(3, 10)]), { maxRejectedRatio: 0.2 });
    expect(failureOf(run)).toBe(
      '3 of 10 lines (30 %) were rejected, more than the 20 % allowed: check the file\'s format. First reasons: line 2: amount "oops0" is not a number | line 3: amount "oops1" is not a number | line 4: amount "oops2" is not a number',
    );
  });

  it('lists at most five reasons', () => {
    const run = ingest(rowsFrom([UK_HEADER, ...dataRows(8, 12)]), { maxRejectedRatio: 0.1 });
    const reason = failureOf(run);
    expect(reason).toMatch(/^8 of 12 lines \(67 %\) were rejected, more than the 10 % allowed/);
    expect(reason.match(/line \d+: /g)).toEqual(['line 2: ', 'line 3: ', 'line 4: ', 'line 5: ', 'line 6: ']);
  });

  it('counts every rejection but keeps only the first 20 in the summary', () => {
    const run = ingest(rowsFrom([UK_HEADER, ...dataRows(25, 100)]), { maxRejectedRatio: 0.5 });
    const summary = summaryOf(run);
    expect(summary.rejectedLines).toBe(25);
    expect(run.rejections).toHaveLength(25);
    expect(summary.firstRejections).toEqual(run.rejections.slice(0, 20));
  });

  it.each<[string, number, number, number, boolean]>([
    ['exactly at the threshold', 2, 10, 0.2, true],
    ['just over the threshold', 3, 10, 0.2, false],
    ['over the threshold but fewer than 10 lines', 4, 9, 0.2, true],
    ['zero tolerance, one rejection', 1, 10, 0, false],
  ])('%s', (_name, bad, total, maxRejectedRatio, accepted) => {
    const run = ingest(rowsFrom([UK_HEADER, ...dataRows(bad, total)]), { maxRejectedRatio });
    expect(run.summary.ok).toBe(accepted);
    expect(run.rejections).toHaveLength(bad);
  });
});

describe('IngestCore: data-keyed names stay data', () => {
  const names = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '__defineGetter__'];

  it('rolls up suppliers named after Object.prototype keys without polluting it', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const rows = names.flatMap((name, i) => [
      [name, `${i + 1}.00`, '02/01/2018'],
      [name, `${i + 1}0.00`, '03/01/2018'],
    ]);
    const run = ingest(rowsFrom([UK_HEADER, ...rows]));
    expect(summaryOf(run)).toMatchObject({ lines: names.length * 2, rejectedLines: 0 });
    const records = [...run.core.rollups.records()];
    expect(records).toHaveLength(names.length);
    names.forEach((name, i) => {
      const record = records.find((r) => r.supplier.name === name);
      expect(record, name).toMatchObject({ amountCents: (i + 1) * 1100, lines: 2 });
      expect(record?.byMonthCategory).toEqual([['2018-01', '', (i + 1) * 1100]]);
    });
    expect(records.find((r) => r.supplier.name === '__proto__')?.supplier.key).toBe('name:proto');
    expect(records.find((r) => r.supplier.name === 'constructor')?.supplier.key).toBe('name:constructor');

    const plain = {} as Record<string, unknown>;
    expect(plain.polluted).toBeUndefined();
    expect(plain.amountCents).toBeUndefined();
    expect(plain.lines).toBeUndefined();
    expect(plain.supplier).toBeUndefined();
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.prototype.constructor).toBe(Object);
    expect(typeof Object.prototype.toString).toBe('function');
    expect(typeof Object.prototype.hasOwnProperty).toBe('function');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('keeps anchors named "__proto__" and "constructor" apart', () => {
    const header = ['Code collectivité', 'Tiers', 'Montant', 'Date'];
    const run = ingest(
      rowsFrom([
        header,
        ['__proto__', 'A', '1,00', '01/01/2025'],
        ['constructor', 'A', '2,00', '01/01/2025'],
        ['__proto__', 'A', '4,00', '02/01/2025'],
      ]),
    );
    expect(summaryOf(run).anchors).toEqual([{ id: '__proto__' }, { id: 'constructor' }]);
    const byAnchor = [...run.core.rollups.records()].map((r) => [r.anchorId, r.amountCents]);
    expect(byAnchor).toEqual([
      ['__proto__', 500],
      ['constructor', 200],
    ]);
    expect(({} as Record<string, unknown>).A).toBeUndefined();
  });
});

describe('IngestCore: undisclosed suppliers', () => {
  it('keeps the spend of empty (redacted) UK supplier names under the key "undisclosed"', () => {
    const run = ingest(
      rowsFrom([
        ['Client', 'Service Area', 'Amount', 'Paid Date', 'Supplier ID', 'Supplier Name'],
        ['OCC', 'General Fund', '0.01', '16/01/2018', '', ''],
        ['OCC', 'General Fund', '1500.00', '17/01/2018', '', '   '],
        ['OCC', 'Children', '250.50', '18/01/2018', '20000001', 'REDACTED'],
        ['OCC', 'Children', '999.99', '19/02/2018', '20000002', 'ACME LTD'],
        ['OCC', 'Children', '100.00', '20/02/2018', '', 'Redacted - personal data'],
      ]),
    );
    const summary = summaryOf(run);
    expect(summary).toMatchObject({
      lines: 5,
      rejectedLines: 0,
      amountCents: 1 + 150000 + 25050 + 99999 + 10000,
    });
    expect(summary.reconciliation.flags).toEqual([
      { flag: 'supplier-undisclosed', lines: 4, cents: 1 + 150000 + 25050 + 10000 },
    ]);
    expect(summary.anchors).toEqual([{ id: 'anchor-under-test', name: 'OCC' }]);
    const undisclosed = [...run.core.rollups.records()].filter((r) => r.supplier.key === 'undisclosed');
    expect(undisclosed).toHaveLength(1);
    expect(undisclosed[0]).toMatchObject({
      amountCents: 1 + 150000 + 25050 + 10000,
      lines: 4,
      firstDate: '2018-01-16',
      lastDate: '2018-02-20',
      supplier: { key: 'undisclosed', name: '' },
    });
    const byMonth = new Map<string, number>();
    for (const [month, , cents] of undisclosed[0]?.byMonthCategory ?? [])
      byMonth.set(month, (byMonth.get(month) ?? 0) + cents);
    expect([...byMonth]).toEqual([
      ['2018-01', 1 + 150000 + 25050],
      ['2018-02', 10000],
    ]);
    expect(run.core.rollups.size).toBe(2);
  });
});

describe('IngestCore: totals', () => {
  it('drains lines in file order whatever the batch size', () => {
    const rows = rowsFrom([
      ['Export du 01/02/2018'],
      UK_HEADER,
      ...Array.from({ length: 75 }, (_, i) => [
        `S${i % 7}`,
        i % 11 === 0 ? 'bad' : `${i}.0${i % 10}`,
        '05/01/2018',
      ]),
    ]);
    const whole = ingest(rows, { maxRejectedRatio: 1 });
    for (const batchSize of [1, 7, 29, 30, 31]) {
      const batched = ingest(rows, { maxRejectedRatio: 1 }, batchSize);
      expect(batched.lines).toEqual(whole.lines);
      expect(batched.rejections).toEqual(whole.rejections);
      expect(batched.summary).toEqual(whole.summary);
    }
    const numbers = whole.lines.map((line) => line.lineNumber);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(whole.rejections.map((r) => r.lineNumber)).toEqual([3, 14, 25, 36, 47, 58, 69]);
  });

  it('the summary total equals the sum of the accepted lines (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cents: fc.integer({ min: -10_000_000, max: 100_000_000_000 }),
            valid: fc.boolean(),
            supplier: fc.constantFrom('ACME LTD', 'Acme Limited', 'Bravo', '', '__proto__'),
            day: fc.integer({ min: 1, max: 28 }),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        (specs) => {
          fc.pre(specs.some((spec) => spec.valid));
          const rows = specs.map((spec) => [
            spec.supplier,
            spec.valid ? ukAmount(spec.cents) : `${spec.cents}x`,
            `${spec.day}/02/2020`,
          ]);
          const run = ingest(rowsFrom([UK_HEADER, ...rows]), { maxRejectedRatio: 1 });
          const summary = summaryOf(run);
          const expected = specs.filter((spec) => spec.valid).reduce((sum, spec) => sum + spec.cents, 0);
          expect(summary.amountCents).toBe(expected);
          expect(run.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(expected);
          const rolled = [...run.core.rollups.records()].reduce((sum, r) => sum + r.amountCents, 0);
          expect(rolled).toBe(expected);
          expect(summary.lines).toBe(specs.filter((spec) => spec.valid).length);
          expect(summary.rejectedLines).toBe(specs.filter((spec) => !spec.valid).length);
          for (const line of run.lines) expect(Number.isSafeInteger(line.amountCents)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
