import Papa from 'papaparse';
import { parseAmountToCents } from '../../../../shared/domain/money.ts';

/** Rejected for a defect, or set aside for a stated reason (an older version, a repeat, a total row). */
export type RejectStatus = 'rejected' | 'set aside';

export interface RejectedLine {
  readonly line: string;
  /** Undefined in a file written before the status column. */
  readonly status: RejectStatus | undefined;
  readonly reason: string;
  /** The amount the line states, in cents; undefined when none could be read. */
  readonly amountCents: number | undefined;
  readonly content: string;
}

/** The amount column: currency units with a point (`-1234.50`), as ingest writes it; empty when none reads. */
function amountCentsOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const amount = parseAmountToCents(text, '.');
  return amount.ok ? amount.value : undefined;
}

const statusOf = (text: string | undefined): RejectStatus | undefined =>
  text === 'rejected' || text === 'set aside' ? text : undefined;

/**
 * The rejects file (UTF-8 with BOM, `;`) as rows. Columns are found by their header name, so a file
 * written before the status and amount columns (`line;reason;content`) still reads.
 */
export function parseRejectsCsv(text: string): RejectedLine[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ';',
    header: false,
    skipEmptyLines: true,
  });
  const [header = [], ...rows] = parsed.data;
  const column = (name: string) => header.indexOf(name);
  const [line, status, reason, amount, content] = ['line', 'status', 'reason', 'amount', 'content'].map(
    column,
  );
  const cell = (row: readonly string[], index: number | undefined) =>
    index === undefined || index < 0 ? undefined : row[index];
  return rows.map((row) => ({
    line: cell(row, line) ?? '',
    status: statusOf(cell(row, status)),
    reason: cell(row, reason) ?? '',
    amountCents: amountCentsOf(cell(row, amount)),
    content: cell(row, content) ?? '',
  }));
}
