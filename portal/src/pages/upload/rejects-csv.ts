import Papa from 'papaparse';
import type { Language } from '../../../../shared/contracts/portal-api.ts';
import {
  localiseReason,
  REASON_CODES,
  type ReasonCode,
  reasonText,
} from '../../../../shared/domain/ingest/rejection-reasons.ts';
import { parseAmountToCents } from '../../../../shared/domain/money.ts';

/** Rejected for a defect, or set aside for a stated reason (an older version, a repeat, a total row). */
export type RejectStatus = 'rejected' | 'set aside';

export interface RejectedLine {
  readonly line: string;
  /** Undefined in a file written before the status column. */
  readonly status: RejectStatus | undefined;
  /** In the reader's language: from the reason's code and parameters, or its English text in an older file. */
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

const isReasonCode = (text: string | undefined): text is ReasonCode =>
  REASON_CODES.includes(text as ReasonCode);

/** The reason in the reader's language; a code or parameters that do not read leave the English text. */
function reasonIn(
  language: Language,
  english: string,
  code: string | undefined,
  params: string | undefined,
): string {
  if (isReasonCode(code) && params) {
    try {
      const parsed: unknown = JSON.parse(params);
      if (parsed && typeof parsed === 'object' && Object.values(parsed).every((v) => typeof v === 'string'))
        return reasonText(code, parsed as Record<string, string>, language);
    } catch {
      // A cell edited by hand: the English text below still says why.
    }
  }
  return localiseReason(english, language);
}

/**
 * The rejects file (UTF-8 with BOM, `;`) as rows. Columns are found by their header name, so a file
 * written before the status and amount columns (`line;reason;content`) still reads.
 */
export function parseRejectsCsv(text: string, language: Language = 'en'): RejectedLine[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ';',
    header: false,
    skipEmptyLines: true,
  });
  const [header = [], ...rows] = parsed.data;
  const column = (name: string) => header.indexOf(name);
  const [line, status, reason, amount, content, code, params] = [
    'line',
    'status',
    'reason',
    'amount',
    'content',
    'code',
    'params',
  ].map(column);
  const cell = (row: readonly string[], index: number | undefined) =>
    index === undefined || index < 0 ? undefined : row[index];
  return rows.map((row) => ({
    line: cell(row, line) ?? '',
    status: statusOf(cell(row, status)),
    reason: reasonIn(language, cell(row, reason) ?? '', cell(row, code), cell(row, params)),
    amountCents: amountCentsOf(cell(row, amount)),
    content: cell(row, content) ?? '',
  }));
}

const HEADERS_FR: Readonly<Record<string, string>> = {
  line: 'ligne',
  status: 'statut',
  reason: 'raison',
  amount: 'montant',
  content: 'contenu',
};
const STATUSES_FR: Readonly<Record<RejectStatus, string>> = { rejected: 'rejetée', 'set aside': 'écartée' };

/**
 * The rejects file to download, in the reader's language: in French the headers, statuses and
 * reasons are French and amounts have a decimal comma, as a French spreadsheet reads them; the
 * `code` and `params` columns stay as written, for a program. The content cells are copied as they
 * are (already neutralised for spreadsheets by ingest).
 */
export function rejectsCsvIn(text: string, language: Language): string {
  if (language === 'en') return text;
  const [header = [], ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ';',
    header: false,
    skipEmptyLines: true,
  }).data;
  const lines = parseRejectsCsv(text, language);
  const translated = rows.map((row, index) =>
    row.map((cell, column) => {
      const name = header[column];
      if (name === 'reason') return lines[index]?.reason ?? cell;
      if (name === 'status') return STATUSES_FR[cell as RejectStatus] ?? cell;
      if (name === 'amount') return cell.replace('.', ',');
      return cell;
    }),
  );
  const frenchHeader = header.map((name) => HEADERS_FR[name] ?? name);
  return `\uFEFF${Papa.unparse([frenchHeader, ...translated], { delimiter: ';', newline: '\r\n' })}\r\n`;
}
