import type { RawRow } from '../domain/ingest/ingest-core.ts';
import { UnreadableFileError } from '../ports/file-reader.ts';
import { countNewlines, RecordSplitter } from './record-splitter.ts';

const ROWS_PER_BATCH = 1_000;

/**
 * Parses normalised text (LF newlines) as papaparse would, the delimiter given explicitly, and numbers
 * each record with the physical line it starts on. Each chunk is split synchronously as it comes: no
 * stream machinery, no asynchronous step per record.
 */
export async function* papaparseRows(
  text: AsyncIterable<string>,
  delimiter: string,
): AsyncGenerator<readonly RawRow[]> {
  const splitter = new RecordSplitter(delimiter);
  let batch: RawRow[] = [];
  const full: RawRow[][] = [];
  let last: RawRow | undefined;
  const take = (row: RawRow) => {
    last = row;
    batch.push(row);
    if (batch.length >= ROWS_PER_BATCH) {
      full.push(batch);
      batch = [];
    }
  };
  for await (const chunk of text) {
    splitter.write(chunk, take);
    yield* full.splice(0);
  }
  splitter.end(take);
  yield* full.splice(0);
  // An opening quote never closed swallows the rest of the file into the last value: papaparse says
  // nothing, but the quotes do not pair up and that value runs over line ends.
  if (last && splitter.quotes % 2 === 1 && countNewlines(last.cells) > 0) {
    throw new UnreadableFileError(
      `line ${last.lineNumber} opens a quote (") that is never closed: the rest of the file would be read as one value`,
    );
  }
  if (batch.length > 0) yield batch;
}
