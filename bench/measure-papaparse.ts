import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

export type PapaparseMode = 'chunk' | 'duplex';

export interface PapaparseMeasure {
  readonly mode: PapaparseMode;
  /** Records papaparse produced, preamble and header included. */
  readonly records: number;
  readonly ms: number;
}

const nodeEncoding = (encoding: string) => (encoding === 'utf-8' ? 'utf8' : 'latin1');

/**
 * Bare papaparse over the file, decoded by Node itself, doing nothing with the records but count
 * them: the ceiling the ingest core is compared with. `chunk` is papaparse's fastest streaming mode
 * (a readable stream in, a callback per chunk of rows); `duplex` is `NODE_STREAM_INPUT` read with
 * `for await`, the mode the ingest adapter uses.
 */
export async function measurePapaparse(
  path: string,
  encoding: string,
  mode: PapaparseMode,
): Promise<PapaparseMeasure> {
  const config = { delimiter: ';', newline: '\r\n' as const, quoteChar: '"', header: false };
  const input = createReadStream(path, { encoding: nodeEncoding(encoding) });
  const started = performance.now();
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
