import { sniffDecpVersion } from '../../../shared/adapters/decp-json-records.ts';
import { detectEncoding, type TextEncoding } from '../../../shared/adapters/text-decoding.ts';
import type { ColumnReadingRecord } from '../../../shared/domain/dataset.ts';
import type { DateOrder } from '../../../shared/domain/dates.ts';
import { chooseDelimiter } from '../../../shared/domain/delimiter.ts';
import type { CanonicalField } from '../../../shared/domain/formats/canonical-fields.ts';
import type { FormatProfile } from '../../../shared/domain/formats/format-profile.ts';
import { HEADER_SEARCH_ROWS } from '../../../shared/domain/formats/header-match.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import {
  formatOfMappingProfile,
  type MappingProfile,
} from '../../../shared/domain/formats/mapping-profile.ts';
import type { Rejection } from '../../../shared/domain/ingest/rejection.ts';
import type { DecimalSeparator } from '../../../shared/domain/money.ts';
import type { SpendLine } from '../../../shared/domain/spend-line.ts';
import { decodeHead } from './decode-text.ts';
import { previewDecpJson } from './preview-json.ts';
import { previewRows } from './preview-rows.ts';
import { readHead } from './read-head.ts';

const FIRST_LINES = 8;

export interface DetectedColumn {
  readonly field: CanonicalField;
  readonly column: string;
  /** Zero-based position in the header. */
  readonly index: number;
}

export interface DetectedFormat {
  readonly id: string;
  /** Its name in English and in French. */
  readonly label: string;
  readonly labelFr: string;
  readonly kind: 'payments' | 'contracts';
  readonly currency: string;
  /** How a delimited file writes amounts and dates (a mapping form starts from them). */
  readonly decimal?: DecimalSeparator;
  readonly dateOrder?: DateOrder;
}

/** The best reading inference found for a file it could not read with confidence: where a mapping starts. */
export interface BestGuess {
  /** The physical line of the header guessed. */
  readonly headerLine: number;
  readonly records: readonly ColumnReadingRecord[];
  readonly columns: readonly DetectedColumn[];
  /** The decimal separator, date order and currency its cells suggest. */
  readonly format: DetectedFormat;
}

/** What a file is, as ingest would read it, from its first records: shown before anything is uploaded. */
export interface Detection {
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly encoding: TextEncoding;
  readonly shape: 'delimited' | 'json';
  readonly delimiter?: string;
  readonly decpVersion?: 'v1' | 'v2';
  /** The first lines of text, as decoded. */
  readonly firstLines: readonly string[];
  /** The first records as cells (delimited files), for choosing columns in a mapping profile. */
  readonly rows: readonly (readonly string[])[];
  /** The physical line each of `rows` starts on. */
  readonly rowLines: readonly number[];
  /** Undefined when no known format (nor the profile given) fits the header. */
  readonly format?: DetectedFormat;
  readonly headerLine?: number;
  readonly columns: readonly DetectedColumn[];
  readonly unusedColumns: readonly string[];
  /** How inference read the columns, when no format fitted and it read them with confidence (format `inferred`). */
  readonly columnReading?: readonly ColumnReadingRecord[];
  /** When the file is not recognised: the best reading inference found all the same. */
  readonly bestGuess?: BestGuess;
  /** Why the file is not recognised, or why ingest would reject it whole. */
  readonly failure?: string;
  readonly accepted: readonly SpendLine[];
  readonly rejected: readonly Rejection[];
  readonly recordsRead: number;
}

export interface DetectOptions {
  /** The anchor's saved profiles: a file one of them describes is recognised as such. */
  readonly savedProfiles?: readonly MappingProfile[];
  /** Read the file with this profile only (the user picked it, or is writing it). */
  readonly profile?: MappingProfile;
}

function formatsFor(options: DetectOptions): readonly FormatProfile[] {
  if (options.profile) return [formatOfMappingProfile(options.profile)];
  return [...KNOWN_FORMATS, ...(options.savedProfiles ?? []).map(formatOfMappingProfile)];
}

/**
 * Runs the project's own detection on a file in the browser — the encoding sniff, DECP JSON or
 * delimited text, the delimiter chosen from the header, the header matched against the known
 * formats, and the first records validated by the ingest core — without sending a byte.
 */
export async function detectFile(
  file: Blob,
  fileName: string,
  options: DetectOptions = {},
): Promise<Detection> {
  const head = await readHead(file);
  const encoding = options.profile?.encoding ?? detectEncoding(head.bytes, head.complete);
  const text = decodeHead(head.bytes, head.complete, encoding);
  const firstLines = text
    .split('\n', FIRST_LINES)
    .filter((line, index, all) => line !== '' || index < all.length - 1);
  const base = { fileName, sizeBytes: file.size, encoding, firstLines };
  const decpVersion = text.trimStart().startsWith('{') ? sniffDecpVersion(text) : undefined;
  if (decpVersion) {
    return {
      ...base,
      shape: 'json',
      decpVersion,
      rows: [],
      rowLines: [],
      ...(await previewDecpJson(file, encoding, decpVersion)),
    };
  }
  const formats = formatsFor(options);
  const searchRows = options.profile?.headerLine ?? HEADER_SEARCH_ROWS;
  const delimiter = options.profile?.delimiter ?? chooseDelimiter(text.split('\n', searchRows), formats);
  // As ingest does: inference reads a file no format fits, unless the upload names a profile.
  const preview = previewRows(text, delimiter, formats, searchRows, options.profile === undefined);
  return { ...base, shape: 'delimited', delimiter, ...preview };
}
