import { neutraliseFormula, toCsvRecord } from '../domain/csv-record.ts';
import type { Rejection, SetAside } from '../domain/ingest/rejection.ts';
import { readReason } from '../domain/ingest/rejection-reasons.ts';
import { centsAsDecimalText } from '../domain/money.ts';

const BOM = '\uFEFF';

/** The columns of the rejects file, in order (docs/formats.md describes them). */
export const REJECTS_COLUMNS = ['line', 'status', 'reason', 'amount', 'content', 'code', 'params'] as const;

/**
 * The rejects CSV a procurement officer downloads: one row per line not counted — rejected, or set
 * aside (an older version, a repeat, a total row) — with its reason and, when one could be read, the
 * amount it states (currency units, point as the decimal separator), so what was left out shows in money.
 * The reason is written in English, as ever; its code and parameters (JSON) follow the content, so
 * that a reader renders it in its own language (`reasonText`) and a file written before them still reads.
 */
export class RejectsFile {
  private readonly rows: string[] = [toCsvRecord([...REJECTS_COLUMNS], ';')];

  add(rejections: readonly (Rejection | SetAside)[]): void {
    for (const rejection of rejections) {
      const coded = readReason(rejection.reason);
      const cells = [
        String(rejection.lineNumber),
        'setAside' in rejection ? 'set aside' : 'rejected',
        rejection.reason,
        rejection.amountCents === undefined ? '' : centsAsDecimalText(rejection.amountCents),
        rejection.raw,
        coded?.code ?? '',
        coded ? JSON.stringify(coded.params) : '',
      ].map(neutraliseFormula);
      this.rows.push(toCsvRecord(cells, ';'));
    }
  }

  get count(): number {
    return this.rows.length - 1;
  }

  toString(): string {
    return `${BOM}${this.rows.join('\r\n')}\r\n`;
  }
}
