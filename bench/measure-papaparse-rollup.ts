import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';

export interface PapaparseRollupMeasure {
  /** Records papaparse produced, preamble and header included. */
  readonly records: number;
  readonly amounts: number;
  readonly suppliers: number;
  readonly totalCents: number;
  readonly ms: number;
}

/** `-1 234,56`, `1 234,56 €`, `1234,56`: grouping spaces (plain or no-break) and a euro sign dropped. */
const AMOUNT = /^(-?)(\d+)(?:,(\d{1,2}))?$/;
const NOISE = /[\s€]/g;

function centsOf(text: string): number | undefined {
  const match = AMOUNT.exec(text.replace(NOISE, ''));
  if (!match) return undefined;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

async function* decoded(path: string, encoding: string): AsyncGenerator<string> {
  // Windows-1252 is one byte a character; TextDecoder's stream mode keeps a split UTF-8 character whole.
  const decoder = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'windows-1252');
  for await (const chunk of createReadStream(path)) yield decoder.decode(chunk as Buffer, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The hand-written baseline: papaparse in chunk mode over the decoded text, and a loop summing integer
 * cents per supplier code in a Map — the pandas script's work (bench/pandas-rollup.py) in Node, with
 * none of the ingest core's checks, normalisation or storage. Both must find the same total.
 */
export async function measurePapaparseRollup(
  path: string,
  encoding: string,
): Promise<PapaparseRollupMeasure> {
  const started = performance.now();
  const totals = new Map<string, number>();
  let records = 0;
  let amounts = 0;
  let supplierColumn = -1;
  let amountColumn = -1;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(decoded(path, encoding)), {
      delimiter: ';',
      newline: '\r\n',
      quoteChar: '"',
      header: false,
      chunk: (results) => {
        for (const row of results.data) {
          records += 1;
          if (supplierColumn < 0) {
            // The title line and the blank line come before the header.
            supplierColumn = row.indexOf('Code tiers');
            amountColumn = supplierColumn < 0 ? -1 : row.indexOf('Montant TTC');
            continue;
          }
          const supplier = row[supplierColumn];
          const cents = centsOf(row[amountColumn] ?? '');
          if (supplier === undefined || cents === undefined) continue;
          amounts += 1;
          totals.set(supplier, (totals.get(supplier) ?? 0) + cents);
        }
      },
      complete: () => resolve(),
      error: (error) => reject(error),
    });
  });
  let totalCents = 0;
  for (const cents of totals.values()) totalCents += cents;
  return { records, amounts, suppliers: totals.size, totalCents, ms: performance.now() - started };
}
