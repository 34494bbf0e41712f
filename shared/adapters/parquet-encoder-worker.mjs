// The Parquet encoding of one line file, on a thread of its own: the ingest thread reads the file
// while this one encodes the previous row group. Plain JavaScript, so that it starts unbundled under
// Node, tsx and vitest alike; the functions that write line files ship it bundled beside their handler
// (infra/constructs/project-function.ts).
//
// workerData: { schema } — the file's SchemaElements. Messages in: { columns } (columns packed as
// packed-columns.ts describes), then { finish: true }. Messages out, one per message in, in order:
// { bytes } — the file's bytes encoded since the previous answer, transferred — or { error }.
import { parentPort, workerData } from 'node:worker_threads';
import { PackedParquetFile } from './packed-parquet-file.mjs';

const parquet = new PackedParquetFile(workerData.schema, 'ancrage');

// After a failure the file's bytes are incomplete: every later message is refused with the same reason.
let failure;

parentPort.on('message', (message) => {
  try {
    if (failure) throw failure;
    if (message.finish) parquet.finish();
    else parquet.writeRowGroup(message.columns);
    const taken = parquet.take();
    parentPort.postMessage({ bytes: taken }, [taken.buffer]);
  } catch (error) {
    failure ??= error;
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
