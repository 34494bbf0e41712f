import {
  type AsyncBuffer,
  type FileMetaData,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { type StockBatch, type StockColumns, StockUnreadableError } from '../../ports/registry-stock.ts';
import { type ColumnProjection, projectColumns } from './column-projection.ts';
import { CSV_TEXT_PARSERS, cellText } from './parquet-cell-text.ts';
import type { StockLocation } from './stock-location.ts';

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The location as hyparquet's file: every read a bounded, version-checked slice, nothing cached. */
function asyncBufferOf(location: StockLocation): AsyncBuffer {
  const size = location.description.sizeBytes;
  return {
    byteLength: size,
    async slice(start: number, end = size): Promise<ArrayBuffer> {
      const bytes = await location.slice(start, end);
      return bytes.buffer.byteLength === bytes.byteLength
        ? (bytes.buffer as ArrayBuffer)
        : (bytes.slice().buffer as ArrayBuffer);
    },
  };
}

async function readMetadata(file: AsyncBuffer, location: string): Promise<FileMetaData> {
  try {
    return await parquetMetadataAsync(file, { parsers: CSV_TEXT_PARSERS });
  } catch (error) {
    if (error instanceof StockUnreadableError) throw error;
    throw new StockUnreadableError(`${location} is not a readable Parquet file (${reasonOf(error)})`);
  }
}

/** One row group's asked columns as text rows, '' where a column is absent or a value null. */
async function readRowGroup(
  file: AsyncBuffer,
  metadata: FileMetaData,
  projection: ColumnProjection,
  group: { readonly index: number; readonly start: number; readonly rows: number },
  location: string,
): Promise<string[][]> {
  const width = projection.positions.length;
  const rows = Array.from({ length: group.rows }, () => new Array<string>(width).fill(''));
  // Where each present column's values go in a row (required then optional, as asked).
  const slotOf = new Map<string, number>();
  let present = 0;
  projection.positions.forEach((position, slot) => {
    if (position >= 0) slotOf.set(projection.present[present++] ?? '', slot);
  });
  try {
    await parquetRead({
      file,
      metadata,
      columns: [...projection.present],
      rowStart: group.start,
      rowEnd: group.start + group.rows,
      parsers: CSV_TEXT_PARSERS,
      // hyparquet reads snappy and uncompressed pages itself; INSEE's compression is not documented.
      compressors,
      // Filled column by column as chunks decode: no generic row objects built and then copied.
      onChunk: ({ columnName, columnData, rowStart }) => {
        const slot = slotOf.get(columnName);
        if (slot === undefined) return;
        const offset = rowStart - group.start;
        for (let i = Math.max(0, -offset); i < columnData.length && offset + i < group.rows; i++) {
          const row = rows[offset + i];
          if (row !== undefined) row[slot] = cellText(columnData[i]);
        }
      },
    });
  } catch (error) {
    if (error instanceof StockUnreadableError) throw error;
    throw new StockUnreadableError(
      `${location}: row group ${group.index} cannot be decoded (${reasonOf(error)})`,
    );
  }
  return rows;
}

/**
 * The asked columns of a Parquet stock, one batch per row group from `resumeAt` (a row group index).
 * Only the asked columns of one row group are ever held. The last batch comes once the row groups have
 * added up to the file's row count and the file is still the version described.
 */
export async function* parquetStockBatches(
  location: StockLocation,
  columns: StockColumns,
  resumeAt = 0,
): AsyncGenerator<StockBatch> {
  const where = location.description.location;
  const file = asyncBufferOf(location);
  const metadata = await readMetadata(file, where);
  const header = parquetSchema(metadata).children.map((child) => child.element.name);
  const projection = projectColumns(header, columns, where);
  const groups = metadata.row_groups.map((group) => Number(group.num_rows));
  if (!Number.isInteger(resumeAt) || resumeAt < 0 || resumeAt > groups.length) {
    throw new RangeError(`resumeAt ${resumeAt} is not a row group of ${where} (it has ${groups.length})`);
  }
  const total = groups.reduce((sum, rows) => sum + rows, 0);
  if (total !== Number(metadata.num_rows)) {
    throw new StockUnreadableError(
      `${where}: its row groups hold ${total} rows, its footer says ${metadata.num_rows}`,
    );
  }
  let rowsBefore = groups.slice(0, resumeAt).reduce((sum, rows) => sum + rows, 0);
  for (let index = resumeAt; index < groups.length; index++) {
    const count = groups[index] ?? 0;
    const rows = await readRowGroup(
      file,
      metadata,
      projection,
      { index, start: rowsBefore, rows: count },
      where,
    );
    if (index === groups.length - 1) await location.assertUnchanged();
    yield { rows, rowsBefore, resumeAt: index + 1 };
    rowsBefore += count;
  }
}
