import { decpJsonRecords } from '../../../shared/adapters/decp-json-records.ts';
import type { TextEncoding } from '../../../shared/adapters/text-decoding.ts';
import { DecpJsonCore } from '../../../shared/domain/decp/decp-json-core.ts';
import { decodedChunks } from './decode-text.ts';
import type { Detection } from './detect-file.ts';
import { SAMPLE_RECORDS } from './sample-size.ts';

type JsonPreview = Pick<
  Detection,
  'format' | 'columns' | 'unusedColumns' | 'failure' | 'accepted' | 'rejected' | 'recordsRead'
>;

/** The first contracts of a DECP JSON file, streamed from the file and read by ingest's own reader. */
export async function previewDecpJson(
  file: Blob,
  encoding: TextEncoding,
  version: 'v1' | 'v2',
): Promise<JsonPreview> {
  const core = new DecpJsonCore({ version, split: 'equal', maxRejectedRatio: 1, defaultAnchorId: 'preview' });
  let read = 0;
  let failure: string | undefined;
  try {
    for await (const batch of decpJsonRecords(decodedChunks(file, encoding), version)) {
      for (const record of batch) {
        if (read >= SAMPLE_RECORDS) break;
        read++;
        core.push(record);
      }
      if (read >= SAMPLE_RECORDS) break;
    }
  } catch (error) {
    failure = (error as Error).message;
  }
  const { id, label, labelFr, kind, currency } = core.format;
  return {
    format: { id, label, labelFr, kind, currency },
    columns: [],
    unusedColumns: [],
    accepted: core.drainLines(),
    rejected: core.drainRejections(),
    recordsRead: read,
    ...(failure ? { failure } : {}),
  };
}
