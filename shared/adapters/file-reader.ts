import { chooseDelimiter } from '../domain/delimiter.ts';
import type { FormatProfile } from '../domain/formats/format-profile.ts';
import { HEADER_SEARCH_ROWS } from '../domain/formats/header-match.ts';
import type { FileReader, OpenedFile } from '../ports/file-reader.ts';
import { decodeText } from './decoded-text.ts';
import { decpJsonRecords, sniffDecpVersion } from './decp-json-records.ts';
import { gunzipIfGzipped } from './gunzip-if-gzipped.ts';
import { DEFAULT_INFLATION_LIMITS, type InflationLimits } from './input-limits.ts';
import { papaparseRows } from './papaparse-rows.ts';

/**
 * Gunzips and decodes a file, then reads it as DECP JSON when it starts with `{` and names `"marches"`, and as
 * delimited text otherwise, the delimiter chosen from the header against the known formats. A gzipped
 * file is inflated within `inflation` (docs/security.md).
 */
export function createFileReader(
  formats: readonly FormatProfile[],
  inflation: InflationLimits = DEFAULT_INFLATION_LIMITS,
): FileReader {
  return {
    async open(body, options = {}): Promise<OpenedFile> {
      const text = await decodeText(gunzipIfGzipped(body, inflation), options.encoding);
      const progress = {
        encoding: text.encoding,
        contentSha256: text.contentSha256,
        bytesRead: text.bytesRead,
      };
      const version = text.head.trimStart().startsWith('{') ? sniffDecpVersion(text.head) : undefined;
      if (version)
        return { shape: 'json', version, records: decpJsonRecords(text.chunks(), version), ...progress };
      const delimiter =
        options.delimiter ?? chooseDelimiter(text.head.split('\n', HEADER_SEARCH_ROWS), formats);
      return {
        shape: 'delimited',
        delimiter,
        rows: papaparseRows(text.chunks(), delimiter),
        redecodedLines: text.redecodedLines,
        ...progress,
      };
    },
  };
}
