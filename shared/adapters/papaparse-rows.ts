import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { RawRow } from '../domain/ingest/ingest-core.ts';
import { UnreadableFileError } from '../ports/file-reader.ts';

const ROWS_PER_BATCH = 1_000;

/**
 * Parses normalised text (LF newlines) with papaparse, the delimiter given explicitly, and numbers
 * each record with the physical line it starts on.
 */
export async function* papaparseRows(
  text: AsyncIterable<string>,
  delimiter: string,
): AsyncGenerator<readonly RawRow[]> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter,
    newline: '\n',
    header: false,
    quoteChar: '"',
  });
  let quotes = 0;
  const counted = (async function* () {
    for await (const chunk of text) {
      for (let index = chunk.indexOf('"'); index !== -1; index = chunk.indexOf('"', index + 1)) quotes++;
      yield chunk;
    }
  })();
  const source = Readable.from(counted);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let lineNumber = 1;
  let batch: RawRow[] = [];
  let last: RawRow | undefined;
  for await (const cells of parser as AsyncIterable<string[]>) {
    last = { lineNumber, cells };
    batch.push(last);
    lineNumber += 1 + countEmbeddedNewlines(cells);
    if (batch.length >= ROWS_PER_BATCH) {
      yield batch;
      batch = [];
    }
  }
  // An opening quote never closed swallows the rest of the file into the last value: papaparse says
  // nothing in stream mode, but the quotes do not pair up and that value runs over line ends.
  if (last && quotes % 2 === 1 && countEmbeddedNewlines(last.cells) > 0) {
    throw new UnreadableFileError(
      `line ${last.lineNumber} opens a quote (") that is never closed: the rest of the file would be read as one value`,
    );
  }
  if (batch.length > 0) yield batch;
}

/** A quoted cell may span lines; the next record starts that many lines further down. */
function countEmbeddedNewlines(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    let index = cell.indexOf('\n');
    while (index !== -1) {
      count++;
      index = cell.indexOf('\n', index + 1);
    }
  }
  return count;
}
