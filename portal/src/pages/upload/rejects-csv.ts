import Papa from 'papaparse';

export interface RejectedLine {
  readonly line: string;
  readonly reason: string;
  readonly content: string;
}

/** The rejects file (UTF-8 with BOM, `;`, a header row: line, reason, content) as rows. */
export function parseRejectsCsv(text: string): RejectedLine[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ';',
    header: false,
    skipEmptyLines: true,
  });
  return parsed.data.slice(1).map(([line = '', reason = '', content = '']) => ({ line, reason, content }));
}
