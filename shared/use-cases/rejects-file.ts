import { neutraliseFormula, toCsvRecord } from '../domain/csv-record.ts';
import type { Rejection } from '../domain/ingest/rejection.ts';

const BOM = '\uFEFF';

/** The rejects CSV a procurement officer downloads: one row per line not counted, with its reason. */
export class RejectsFile {
  private readonly rows: string[] = [toCsvRecord(['line', 'reason', 'content'], ';')];

  add(rejections: readonly Rejection[]): void {
    for (const rejection of rejections) {
      const cells = [String(rejection.lineNumber), rejection.reason, rejection.raw].map(neutraliseFormula);
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
