import type { RawRow } from '../domain/ingest/ingest-core.ts';
import type { Result } from '../domain/result.ts';

export interface DelimitedText {
  readonly encoding: string;
  readonly delimiter: string;
  /** Records in batches, each with the physical line it starts on. */
  readonly rows: AsyncIterable<readonly RawRow[]>;
  /** SHA-256 of the bytes read so far; complete once `rows` is exhausted. */
  contentSha256(): string;
  bytesRead(): number;
}

/** Turns a byte stream into records: encoding detection, decoding, newlines, delimiter, CSV. */
export interface DelimitedTextReader {
  open(body: AsyncIterable<Uint8Array>): Promise<Result<DelimitedText>>;
}
