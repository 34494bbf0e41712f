import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { decodeText } from '../shared/adapters/decoded-text.ts';

export type PapaparseMode = 'chunk' | 'duplex' | 'decoded';

export interface PapaparseMeasure {
  readonly mode: PapaparseMode;
  /** Records papaparse produced, preamble and header included. */
  readonly records: number;
  readonly ms: number;
}

const nodeEncoding = (encoding: string) => (encoding === 'utf-8' ? 'utf8' : 'latin1');

/**
 * Bare papaparse over the file, doing nothing with the records but count them: the ceiling the
 * ingest core is compared with. `chunk` is papaparse's fastest streaming mode (a readable stream
 * decoded by Node as Latin-1 in, a callback per chunk of rows); `duplex` is `NODE_STREAM_INPUT` read
 * with `for await`, the mode the ingest adapter used to use; `decoded` is the chunk mode over the
 * text the ingest core reads — hashed, decoded as Windows-1252 or UTF-8, newlines normalised — so
 * that both pay for the same decoding.
 */
export async function measurePapaparse(
  path: string,
  encoding: string,
  mode: PapaparseMode,
): Promise<PapaparseMeasure> {
  const started = performance.now();
  const decoded = mode === 'decoded';
  const config = {
    delimiter: ';',
    newline: decoded ? ('\n' as const) : ('\r\n' as const),
    quoteChar: '"',
    header: false,
  };
  const input = decoded
    ? Readable.from((await decodeText(createReadStream(path))).chunks())
    : createReadStream(path, { encoding: nodeEncoding(encoding) });
  let records = 0;
  if (mode === 'duplex') {
    const parser = Papa.parse(Papa.NODE_STREAM_INPUT, config);
    input.pipe(parser);
    for await (const _row of parser) records += 1;
  } else {
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(input, {
        ...config,
        chunk: (results) => {
          records += results.data.length;
        },
        complete: () => resolve(),
        error: (error) => reject(error),
      });
    });
  }
  return { mode, records, ms: performance.now() - started };
}
