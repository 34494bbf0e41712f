import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../shared/adapters/decoded-text.ts';
import { papaparseRows } from '../../../shared/adapters/papaparse-rows.ts';
import type { RawRow } from '../../../shared/domain/ingest/ingest-core.ts';
import { cut } from '../../support/cut-text.ts';

type Read = RawRow[] | { readonly error: string };

/**
 * The reference: papaparse's own streaming parser fed the same chunks, each record numbered with the
 * physical line it starts on, and the file refused when its quotes do not pair up and the last value
 * runs over lines (how the reader read files before it split lines itself).
 */
async function papaparseStreamRows(chunks: readonly string[], delimiter: string): Promise<Read> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter,
    newline: '\n',
    header: false,
    quoteChar: '"',
  });
  Readable.from(chunks).pipe(parser);
  const rows: RawRow[] = [];
  let lineNumber = 1;
  for await (const cells of parser as AsyncIterable<string[]>) {
    rows.push({ lineNumber, cells });
    lineNumber += 1 + newlinesIn(cells);
  }
  const quotes = chunks.join('').split('"').length - 1;
  const last = rows.at(-1);
  if (last && quotes % 2 === 1 && newlinesIn(last.cells) > 0) {
    return {
      error: `line ${last.lineNumber} opens a quote (") that is never closed: the rest of the file would be read as one value`,
    };
  }
  return rows;
}

const newlinesIn = (cells: readonly string[]) =>
  cells.reduce((count, cell) => count + cell.split('\n').length - 1, 0);

async function splitterRows(chunks: readonly string[], delimiter: string): Promise<Read> {
  const rows: RawRow[] = [];
  try {
    for await (const batch of papaparseRows(Readable.from(chunks), delimiter)) {
      // A line without quotes comes as a DelimitedLine: compared here by what it reads as.
      for (const row of batch) rows.push({ lineNumber: row.lineNumber, cells: row.cells });
    }
  } catch (error) {
    return { error: (error as Error).message };
  }
  return rows;
}

const DELIMITERS = [';', ',', '\t', '|'] as const;

/** Cell text: the delimiters, quotes, newlines and spaces that make CSV hard, and some letters. */
const cellText = fc.string({
  unit: fc.constantFrom('a', 'Z', '1', ' ', ';', ',', '\t', '|', '"', '\n', 'é', '€', '\uFEFF', '\uFFFD'),
  maxLength: 8,
});

/** A record as an export writes it: cells quoted when they must be, or for no reason, or not at all. */
const record = (delimiter: string) =>
  fc
    .array(fc.tuple(cellText, fc.constantFrom('plain', 'quoted', 'as-needed', 'spaced-quote')), {
      minLength: 1,
      maxLength: 6,
    })
    .map((cells) =>
      cells
        .map(([text, style]) => {
          const quoted = `"${text.replaceAll('"', '""')}"`;
          if (style === 'quoted') return quoted;
          if (style === 'spaced-quote') return `${quoted}  `;
          if (style === 'as-needed') return /["\n]/.test(text) || text.includes(delimiter) ? quoted : text;
          return text;
        })
        .join(delimiter),
    );

const csvText = fc.constantFrom(...DELIMITERS).chain((delimiter) =>
  fc.tuple(
    fc.constant(delimiter),
    fc.oneof(
      fc
        .tuple(fc.array(record(delimiter), { maxLength: 12 }), fc.boolean())
        .map(([records, trailing]) => records.join('\n') + (trailing ? '\n' : '')),
      // Anything at all: stray and unclosed quotes, blank lines, lone delimiters.
      fc.string({ unit: fc.constantFrom('a', ' ', '"', '\n', delimiter, 'é'), maxLength: 60 }),
    ),
  ),
);

describe('the record splitter agrees with papaparse', () => {
  it('on generated text, however it is chunked: same cells, same line numbers', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.array(fc.nat(), { maxLength: 6 }), async ([delimiter, text], offsets) => {
        const chunks = cut(text, offsets);
        expect(await splitterRows(chunks, delimiter)).toEqual(await papaparseStreamRows(chunks, delimiter));
      }),
      { numRuns: 1_500 },
    );
  });

  it.each<[string, string]>([
    ['a;b\n"c;d";e\n', 'quoted delimiter'],
    ['"a\nb";c\nd;e', 'quoted newline, no final newline'],
    ['"a"b;c\nd;"e"\n', 'a quote closed too early runs on'],
    ['"a"  ;b\n"c"  \nd\n', 'spaces after a closing quote'],
    ['a;b\n"never closed\nc;d\n', 'an unclosed quote takes the rest'],
    ['x"y;z\n\n;\n', 'a quote inside a field, blank lines'],
  ])('%j (%s)', async (text) => {
    for (const chunks of [[text], [...text]]) {
      expect(await splitterRows(chunks, ';')).toEqual(await papaparseStreamRows(chunks, ';'));
    }
  });
});

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252';

function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  if (encoding === 'utf-16le')
    return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16-le')]);
  return encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, 'win1252');
}

describe('the file reader gives what papaparse gave over the same decoded text', () => {
  it('whatever the encoding, byte-order mark, newlines (CRLF, CR, LF) and chunking of the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvText,
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.array(fc.nat(), { maxLength: 5 }),
        async ([delimiter, text], encoding, newline, offsets) => {
          const bytes = encode(text.replaceAll('\n', newline), encoding);
          const byteChunks = cut(bytes.toString('latin1'), offsets).map((chunk) =>
            Buffer.from(chunk, 'latin1'),
          );
          const decoded = await decodeText(
            Readable.from(byteChunks),
            encoding === 'utf-8-bom' ? undefined : encoding,
          );
          const chunks: string[] = [];
          for await (const chunk of decoded.chunks()) chunks.push(chunk);
          expect(await splitterRows(chunks, delimiter)).toEqual(await papaparseStreamRows(chunks, delimiter));
        },
      ),
      { numRuns: 400 },
    );
  });
});
