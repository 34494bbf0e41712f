import Papa from 'papaparse';
import type { RawRow } from '../../../shared/domain/ingest/ingest-core.ts';

/**
 * The sample's records as ingest sees them: papaparse with the delimiter given and LF newlines, each
 * record numbered with the physical line it starts on (a quoted value may span lines).
 */
export function parseRows(text: string, delimiter: string): RawRow[] {
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: '\n', header: false, quoteChar: '"' });
  const rows: RawRow[] = [];
  let lineNumber = 1;
  for (const cells of parsed.data) {
    rows.push({ lineNumber, cells });
    lineNumber += 1 + cells.reduce((sum, cell) => sum + cell.split('\n').length - 1, 0);
  }
  return rows;
}
