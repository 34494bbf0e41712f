import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regularQuotedCells } from '../../../shared/domain/quoted-line.ts';
import { csvLines } from '../../../shared/use-cases/surveys/answers-csv.ts';

describe('regularQuotedCells, as the answers CSV reads a line', () => {
  it.each([
    ['bare cells', 'a;b;c', ';', ['a', 'b', 'c']],
    ['commas', 'a,b,c', ',', ['a', 'b', 'c']],
    ['empty cells kept', ';a;;', ';', ['', 'a', '', '']],
    ['an empty line is one empty cell', '', ';', ['']],
    ['spaces kept as typed', ' a ; b ', ';', [' a ', ' b ']],
    ['the other separator is text', 'a,b;c', ';', ['a,b', 'c']],
    ['a quoted separator', '"a;b";c', ';', ['a;b', 'c']],
    ['a quoted comma', '"1,5",x', ',', ['1,5', 'x']],
    ['a doubled quote', '"say ""hi""";x', ';', ['say "hi"', 'x']],
    ['only a doubled quote', '"""";x', ';', ['"', 'x']],
    ['an empty quoted cell', '"";x', ';', ['', 'x']],
    ['a quoted last cell', 'x;"y;z"', ';', ['x', 'y;z']],
    ['a quoted empty last cell', 'x;""', ';', ['x', '']],
  ])('%s', (_, text, delimiter, cells) => {
    expect(regularQuotedCells(text, delimiter)).toEqual(cells);
  });

  it.each([
    ['a quote that does not close', '"a;b', ';'],
    ['the first line of a value over two lines', 'x;"first', ';'],
    ['the second line of a value over two lines', 'second";y', ';'],
    ['a quote inside a bare cell', 'a"b;c', ';'],
    ['text after the closing quote', '"a"b;c', ';'],
    ['a space after the closing quote', '"a" ;c', ';'],
    ['a space before the opening quote', 'a; "b"', ';'],
  ])('refuses %s', (_, text, delimiter) => {
    expect(regularQuotedCells(text, delimiter)).toBeUndefined();
  });
});

describe('csvLines', () => {
  it('takes `;` when the header has more of them, `,` otherwise', () => {
    expect(csvLines('a;b;c\n1,5;2;3').delimiter).toBe(';');
    expect(csvLines('a,b,c\n1;2;3').delimiter).toBe(',');
    expect(csvLines('a;b,c').delimiter).toBe(';');
    expect(csvLines('single').delimiter).toBe(';');
  });

  it('numbers each line as the file does: blank lines skipped but counted, any line ending', () => {
    const csv = '\uFEFFkey;share\r\n\r\nA;45,5\r\n   \nB;12\rC;3\n\n';
    expect(csvLines(csv)).toEqual({
      delimiter: ';',
      lines: [
        { line: 1, cells: ['key', 'share'] },
        { line: 3, cells: ['A', '45,5'] },
        { line: 5, cells: ['B', '12'] },
        { line: 6, cells: ['C', '3'] },
      ],
    });
  });

  it('drops the BOM so the first column keeps its name', () => {
    expect(csvLines('\uFEFFsupplierKey,siret').lines[0]?.cells).toEqual(['supplierKey', 'siret']);
  });

  it('refuses each line of a value over several lines, with its own number', () => {
    const { lines } = csvLines('key;role\nA;"gérante\net comptable"\nB;x');
    expect(lines).toEqual([
      { line: 1, cells: ['key', 'role'] },
      { line: 2, cells: undefined },
      { line: 3, cells: undefined },
      { line: 4, cells: ['B', 'x'] },
    ]);
  });

  it('finds the separator on the header even after blank lines', () => {
    const { delimiter, lines } = csvLines('\r\n\r\nkey,share\r\nA,45');
    expect(delimiter).toBe(',');
    expect(lines).toEqual([
      { line: 3, cells: ['key', 'share'] },
      { line: 4, cells: ['A', '45'] },
    ]);
  });

  it('reads an empty file as no line', () => {
    expect(csvLines('').lines).toEqual([]);
    expect(csvLines('\uFEFF\r\n\n').lines).toEqual([]);
  });
});

/** A cell as a spreadsheet writes it: quoted when it holds the separator or a quote, or is blank. */
const written = (cell: string, delimiter: string) =>
  cell.includes(delimiter) || cell.includes('"') || cell.trim() === ''
    ? `"${cell.replaceAll('"', '""')}"`
    : cell;

/** Column names: no separator, quote, line break or leading BOM (the columns' own names are such). */
const headerCellArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,20}$/);
/** Any text on one line: a value over several lines is refused by design. */
const cellArb = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((cell) => !/[\r\n]/.test(cell));
const tableArb = fc.record({
  delimiter: fc.constantFrom(';', ','),
  lineEnding: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  blankLinesFirst: fc.nat({ max: 2 }),
  header: fc.array(headerCellArb, { minLength: 1, maxLength: 6 }),
  rows: fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
});

describe('a table written as CSV', () => {
  it('reads back as the same cells, each with its line number in the file', () => {
    fc.assert(
      fc.property(tableArb, ({ delimiter, lineEnding, bom, blankLinesFirst, header, rows }) => {
        // The separator is the one the header splits into more cells: a one-column header says `;`.
        const separator = header.length === 1 ? ';' : delimiter;
        const table = [header, ...rows];
        const csv =
          (bom ? '\uFEFF' : '') +
          lineEnding.repeat(blankLinesFirst) +
          table
            .map((cells) => cells.map((cell) => written(cell, separator)).join(separator))
            .join(lineEnding);
        const read = csvLines(csv);
        expect(read.delimiter).toBe(separator);
        expect(read.lines).toEqual(
          table.map((cells, index) => ({ line: blankLinesFirst + index + 1, cells })),
        );
      }),
    );
  });
});
