import type { JsonRecord } from '../domain/decp/decp-json-core.ts';
import type { RawRow } from '../domain/ingest/ingest-core.ts';

interface ReadProgress {
  readonly encoding: string;
  /** SHA-256 of the bytes read so far; complete once the records are exhausted. */
  contentSha256(): string;
  bytesRead(): number;
}

/** A delimited text file: records in batches, each with the physical line it starts on. */
export interface DelimitedFile extends ReadProgress {
  readonly shape: 'delimited';
  readonly delimiter: string;
  readonly rows: AsyncIterable<readonly RawRow[]>;
  /** Lines not valid in the file's encoding, read as Windows-1252: known once their rows are read. */
  readonly redecodedLines: ReadonlySet<number>;
}

/** A DECP JSON file: contract objects in batches, in file order. */
export interface JsonFile extends ReadProgress {
  readonly shape: 'json';
  readonly version: 'v1' | 'v2';
  readonly records: AsyncIterable<readonly JsonRecord[]>;
}

export type OpenedFile = DelimitedFile | JsonFile;

export interface FileReadOptions {
  /** A mapping profile may fix the delimiter instead of letting the header choose it… */
  readonly delimiter?: string | undefined;
  /** …and the encoding, for a file too ambiguous to sniff. */
  readonly encoding?: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | undefined;
}

/**
 * Turns a byte stream into records: encoding detection, decoding, newlines, then CSV or JSON by the
 * file's first character. A file that is neither fails with a reason.
 */
export interface FileReader {
  open(body: AsyncIterable<Uint8Array>, options?: FileReadOptions): Promise<OpenedFile>;
}

/** The file turned out unreadable part-way (malformed JSON): the dataset is rejected, not retried. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}
