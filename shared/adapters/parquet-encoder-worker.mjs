// The Parquet encoding of one line file, on a thread of its own: the ingest thread reads the file
// while this one encodes the previous row group (encoding costs more than reading). Plain JavaScript,
// so that it starts unbundled under Node, tsx and vitest alike; the functions that write line files
// ship it bundled beside their handler (infra/constructs/project-function.ts).
//
// workerData: { schema } — the file's SchemaElements. Messages in: { columns } (ColumnSources whose
// data is packed as packed-columns.ts describes, INT64 data as numbers), then { finish: true }.
// Messages out, one per message in, in order: { bytes } — the file's bytes encoded since the previous
// answer, transferred — or { error }.
import { parentPort, workerData } from 'node:worker_threads';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';

const bytes = new ByteWriter(1024 * 1024);
const parquet = new ParquetWriter({ writer: bytes, schema: workerData.schema, createdBy: 'ancrage' });

/** What was written since the last call; the writer's offset keeps counting from the file's start. */
function takeBytes() {
  const taken = bytes.getBytes().slice();
  bytes.index = 0;
  return taken;
}

/** A column's values as the ingest thread had them (packed-columns.ts), INT64 numbers as bigints. */
function unpacked({ data }, int64) {
  if (data.values)
    return int64 ? data.values.map((value) => (value === null ? null : BigInt(value))) : data.values;
  const values = new Array(data.numbers?.length ?? data.indexes.length);
  if (data.numbers) {
    for (let at = 0; at < values.length; at++) {
      const number = data.numbers[at];
      values[at] = Number.isNaN(number) ? null : int64 ? BigInt(number) : number;
    }
  } else {
    for (let at = 0; at < values.length; at++) {
      const index = data.indexes[at];
      values[at] = index === -1 ? null : data.dictionary[index];
    }
  }
  return values;
}

// After a failure the file's bytes are incomplete: every later message is refused with the same reason.
let failure;

parentPort.on('message', (message) => {
  try {
    if (failure) throw failure;
    if (message.finish) parquet.finish();
    else {
      const columnData = message.columns.map((column) => ({
        ...column,
        data: unpacked(column, column.type === 'INT64'),
      }));
      parquet.write({ columnData, rowGroupSize: columnData[0]?.data.length ?? 0 });
    }
    const taken = takeBytes();
    parentPort.postMessage({ bytes: taken }, [taken.buffer]);
  } catch (error) {
    failure ??= error;
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
