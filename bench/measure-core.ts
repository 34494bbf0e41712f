import { createReadStream } from 'node:fs';
import { createFileReader } from '../shared/adapters/file-reader.ts';
import { KNOWN_FORMATS } from '../shared/domain/formats/known-formats.ts';
import { BUNDLED_TERRITORIES, DEFAULT_TERRITORY_ID } from '../shared/domain/territory/bundled-territories.ts';
import { uploadRightsOf } from '../shared/domain/territory/upload-rights.ts';
import type { OpenedFile } from '../shared/ports/file-reader.ts';
import { type LineSource, lineSourceOf } from '../shared/use-cases/line-source.ts';
import { BENCH_ANCHOR_ID, MAX_REJECTED_RATIO } from './bench-constants.ts';

export interface CoreMeasure {
  readonly encoding: string;
  readonly format: string;
  readonly bytes: number;
  /** Lines accepted and rejected, as drained batch by batch, and as the summary counts them. */
  readonly accepted: number;
  readonly rejected: number;
  readonly summaryLines: number;
  readonly summaryRejected: number;
  readonly suppliers: number;
  readonly ms: number;
}

/** A file opened by the file reader and the line source over it, as the ingest use case builds them. */
export async function openIngestCore(path: string): Promise<{ file: OpenedFile; source: LineSource }> {
  const file = await createFileReader(KNOWN_FORMATS).open(createReadStream(path));
  const source = lineSourceOf(file, {
    formats: KNOWN_FORMATS,
    rights: uploadRightsOf(BUNDLED_TERRITORIES.get(DEFAULT_TERRITORY_ID), BENCH_ANCHOR_ID),
    maxRejectedRatio: MAX_REJECTED_RATIO,
    holderSplit: 'equal',
    inferColumns: true,
  });
  return { file, source };
}

/**
 * The ingest core exactly as the ingest use case drives it, storage aside: the file reader (hash,
 * encoding detection, decoding, newlines, delimiter, papaparse) then header → canonical fields → zod
 * row schema → normalised lines → supplier rollups, batch by batch, accepted lines and rejections
 * drained and dropped.
 */
export async function measureIngestCore(path: string): Promise<CoreMeasure> {
  const started = performance.now();
  const { file, source } = await openIngestCore(path);
  let accepted = 0;
  let rejected = 0;
  for (let pushed = await source.pushBatch(); pushed !== 'done'; pushed = await source.pushBatch()) {
    if (!pushed.ok) throw new Error(`the ingest core failed the file: ${pushed.reason}`);
    accepted += source.drainLines().length;
    rejected += source.drainRejections().length;
  }
  const summary = source.finish();
  accepted += source.drainLines().length;
  rejected += source.drainRejections().length;
  if (!summary.ok) throw new Error(`the ingest core rejected the file: ${summary.reason}`);
  file.contentSha256();
  return {
    encoding: file.encoding,
    format: summary.value.format,
    bytes: file.bytesRead(),
    accepted,
    rejected,
    summaryLines: summary.value.lines,
    summaryRejected: summary.value.rejectedLines,
    suppliers: source.rollups.size,
    ms: performance.now() - started,
  };
}
