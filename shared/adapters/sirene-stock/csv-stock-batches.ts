import { type StockBatch, type StockColumns, StockUnreadableError } from '../../ports/registry-stock.ts';
import { type ColumnProjection, projectColumns } from './column-projection.ts';
import { CsvRecordSplitter } from './csv-record-splitter.ts';
import { HeldBackBatches } from './held-back-batches.ts';

const BOM = '\uFEFF';

/** Decodes UTF-8 strictly: a stock file with invalid bytes is damaged, not to be guessed at. */
async function* utf8Text(bytes: AsyncIterable<Uint8Array>, location: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let offset = 0;
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new StockUnreadableError(`${location} is not valid UTF-8 (near byte ${offset} of the CSV)`);
    }
  };
  for await (const chunk of bytes) {
    const text = decode(chunk);
    offset += chunk.byteLength;
    if (text !== '') yield text;
  }
  const tail = decode();
  if (tail !== '') yield tail;
}

/**
 * The asked columns of a CSV stock, in batches of `rowsPerBatch` rows. The header row is matched by
 * name; every record must have as many fields as the header (anything else is a damaged file). The
 * last batch comes only once `bytes` has ended, i.e. once its own checks (length, CRC) have passed.
 */
export async function* csvStockBatches(
  bytes: AsyncIterable<Uint8Array>,
  columns: StockColumns,
  location: string,
  rowsPerBatch: number,
): AsyncGenerator<StockBatch> {
  const splitter = new CsvRecordSplitter(location);
  const batches = new HeldBackBatches(rowsPerBatch);
  let projection: ColumnProjection | undefined;
  let width = 0;
  let records = 0;
  const take = (cells: string[], fieldCount: number) => {
    records++;
    if (projection === undefined) {
      const header = cells.map((name, index) => (index === 0 && name.startsWith(BOM) ? name.slice(1) : name));
      projection = projectColumns(header, columns, location);
      width = header.length;
      splitter.select(projection.positions);
      return;
    }
    // A field too many or too few means a line was cut or run together: the file is damaged.
    if (fieldCount !== width) {
      throw new StockUnreadableError(
        `${location}: record ${records} (the header being 1) has ${fieldCount} fields where the header has ${width}`,
      );
    }
    batches.add(cells);
  };
  for await (const text of utf8Text(bytes, location)) {
    splitter.write(text, take);
    yield* batches.take();
  }
  splitter.end(take);
  if (projection === undefined) throw new StockUnreadableError(`${location} is empty: it has no header row`);
  yield* batches.finish();
}
