import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CsvRecordSplitter,
  MAX_RECORD_CHARS,
} from '../../../../shared/adapters/sirene-stock/csv-record-splitter.ts';
import { StockUnreadableError } from '../../../../shared/ports/registry-stock.ts';
import { csvField } from '../../../fixtures/built/sirene.ts';

/** Feeds `text` cut at `cuts` (character offsets) and returns every record. */
function split(text: string, cuts: readonly number[] = []): string[][] {
  const splitter = new CsvRecordSplitter('test.csv');
  const records: string[][] = [];
  const emit = (cells: string[]) => records.push(cells);
  let previous = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    splitter.write(text.slice(previous, cut), emit);
    previous = Math.max(previous, cut);
  }
  splitter.write(text.slice(previous), emit);
  splitter.end(emit);
  return records;
}

describe('CsvRecordSplitter', () => {
  it.each([
    [
      'plain lines',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'CRLF line ends and no final newline',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a quoted comma', 'a,"b,c",d\n', [['a', 'b,c', 'd']]],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    [
      'a line break inside quotes',
      '"two\nlines",x\n"cr\r\nlf",y\n',
      [
        ['two\nlines', 'x'],
        ['cr\r\nlf', 'y'],
      ],
    ],
    ['empty fields and an empty quoted field', ',,""\n', [['', '', '']]],
    ['a quote inside an unquoted field, kept as is', 'ab"c,"d"\n', [['ab"c', 'd']]],
  ])('reads %s', (_, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const cell = fc.stringMatching(/^[a-zé,"\r\n ]{0,6}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (rows, lineEnd, cuts) => {
          const text = rows.map((cells) => cells.map(csvField).join(',')).join(lineEnd) + lineEnd;
          expect(split(text, cuts)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a quote that is never closed, and text after a closing quote', () => {
    expect(() => split('a,"open\nmore\n')).toThrow(StockUnreadableError);
    expect(() => split('"a"b,c\n')).toThrow(/record 1 is malformed/);
    const splitter = new CsvRecordSplitter('big.csv');
    expect(() => splitter.write(`x,"${'y'.repeat(MAX_RECORD_CHARS + 1)}`, () => undefined)).toThrow(
      /runs over/,
    );
  });
});
