import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { chooseDelimiter } from '../domain/delimiter.ts';
import type { FormatProfile } from '../domain/formats/format-profile.ts';
import { HEADER_SEARCH_ROWS } from '../domain/formats/header-match.ts';
import type { RawRow } from '../domain/ingest/ingest-core.ts';
import { ok } from '../domain/result.ts';
import type { DelimitedText, DelimitedTextReader } from '../ports/delimited-text-reader.ts';
import { createNewlineNormaliser, createStreamDecoder, detectEncoding } from './text-decoding.ts';

/** Bytes sniffed for the encoding and the header line before parsing starts. */
const HEAD_BYTES = 64 * 1024;
const ROWS_PER_BATCH = 1_000;

/**
 * Decodes first, then parses: papaparse fed raw bytes splits multi-byte characters across chunks.
 * Newlines are normalised and the delimiter chosen from the header, both passed to papaparse
 * explicitly (its guesses are wrong for French files).
 */
export function createPapaparseReader(formats: readonly FormatProfile[]): DelimitedTextReader {
  return {
    async open(body) {
      const hash = createHash('sha256');
      let bytes = 0;
      const iterator = body[Symbol.asyncIterator]();
      const head: Uint8Array[] = [];
      let headBytes = 0;
      while (headBytes < HEAD_BYTES) {
        const next = await iterator.next();
        if (next.done) break;
        head.push(next.value);
        headBytes += next.value.byteLength;
      }
      const encoding = detectEncoding(Buffer.concat(head));
      const decoder = createStreamDecoder(encoding);
      const newlines = createNewlineNormaliser();
      const take = (chunk: Uint8Array) => {
        hash.update(chunk);
        bytes += chunk.byteLength;
        return newlines.write(decoder.write(chunk));
      };
      const headText = head.map(take).join('');
      const delimiter = chooseDelimiter(headText.split('\n', HEADER_SEARCH_ROWS), formats);

      async function* text(): AsyncGenerator<string> {
        if (headText) yield headText;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          const decoded = take(next.value);
          if (decoded) yield decoded;
        }
        const rest = newlines.write(decoder.end()) + newlines.end();
        if (rest) yield rest;
      }

      async function* rows(): AsyncGenerator<readonly RawRow[]> {
        const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
          delimiter,
          newline: '\n',
          header: false,
          quoteChar: '"',
        });
        const source = Readable.from(text());
        source.on('error', (error) => parser.destroy(error));
        source.pipe(parser);
        let lineNumber = 1;
        let batch: RawRow[] = [];
        for await (const cells of parser as AsyncIterable<string[]>) {
          batch.push({ lineNumber, cells });
          lineNumber += 1 + countEmbeddedNewlines(cells);
          if (batch.length >= ROWS_PER_BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      }

      const result: DelimitedText = {
        encoding,
        delimiter,
        rows: rows(),
        contentSha256: () => hash.copy().digest('hex'),
        bytesRead: () => bytes,
      };
      return ok(result);
    },
  };
}

/** A quoted cell may span lines; the next record starts that many lines further down. */
function countEmbeddedNewlines(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    let index = cell.indexOf('\n');
    while (index !== -1) {
      count++;
      index = cell.indexOf('\n', index + 1);
    }
  }
  return count;
}
