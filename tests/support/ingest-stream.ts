import { createFileReader } from '../../shared/adapters/file-reader.ts';
import { KNOWN_FORMATS } from '../../shared/domain/formats/known-formats.ts';
import { IngestCore } from '../../shared/domain/ingest/index.ts';
import type { Rejection } from '../../shared/domain/ingest/rejection.ts';
import type { SpendLine } from '../../shared/domain/spend-line.ts';

/**
 * Streams a file's bytes through the reader and the ingest core, draining after every batch as the
 * ingest use case does: its lines, rejections, summary and the records the reader yielded.
 */
export async function ingestStream(bytes: AsyncIterable<Uint8Array>, maxRejectedRatio = 0.05) {
  const text = await createFileReader(KNOWN_FORMATS).open(bytes);
  if (text.shape !== 'delimited') throw new Error('expected a delimited file');
  const core = new IngestCore({
    formats: KNOWN_FORMATS,
    defaultAnchorId: 'test-anchor',
    delimiter: text.delimiter,
    maxRejectedRatio,
  });
  const lines: SpendLine[] = [];
  const rejections: Rejection[] = [];
  let records = 0;
  for await (const batch of text.rows) {
    for (const row of batch) {
      records++;
      const pushed = core.push(row);
      if (!pushed.ok) throw new Error(pushed.reason);
    }
    lines.push(...core.drainLines());
    rejections.push(...core.drainRejections());
  }
  const finished = core.finish();
  if (!finished.ok) throw new Error(finished.reason);
  lines.push(...core.drainLines());
  rejections.push(...core.drainRejections());
  return { text, core, summary: finished.value, lines, rejections, records };
}
