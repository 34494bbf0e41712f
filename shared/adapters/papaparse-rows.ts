import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { RawRow } from '../domain/ingest/ingest-core.ts';

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
  const source = Readable.from(text);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let lineNumber = 1;
  let batch: RawRow[] = [];
  for await (const cells of parser as AsyncIterable<string[]>) {
    batch.push({ lineNumber, cells });
    lineNumber += 1 + countEmbeddedNewlines(cells);
    if (batch.length >= ROWS_PER_BATCH) {
      yield batch;
      batch = [];
    }
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
