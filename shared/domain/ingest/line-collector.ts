import { fail, ok, type Result } from '../result.ts';
import type { DraftLine, SpendLine } from '../spend-line.ts';
import { type DatasetSummary, DatasetTally } from './dataset-tally.ts';
import type { Rejection, SetAside } from './rejection.ts';
import { SupplierRollups } from './supplier-rollup.ts';

const MIN_LINES_FOR_RATIO = 10;
const REASONS_IN_FILE_MESSAGE = 5;

export type CollectedSummary = Omit<DatasetSummary, 'format' | 'headerLine'>;

/**
 * What every file shape shares once its records are lines: numbering, rollups, tallies, the
 * buffers the caller drains between batches, and the checks on the file as a whole.
 */
export class LineCollector {
  readonly rollups = new SupplierRollups();
  private readonly tally = new DatasetTally();
  private lines: SpendLine[] = [];
  private rejections: Rejection[] = [];
  private sequence = 0;

  constructor(private readonly maxRejectedRatio: number) {}

  /** Numbers the line in file order: the number is its storage key, the same on every retry. */
  accept(line: DraftLine): void {
    this.rollups.add(this.keep(line));
  }

  /** `accept` but for the rollup, which the caller adds the line to its own way. */
  keep(line: DraftLine): SpendLine {
    this.sequence += 1;
    // Validation made the line for this file alone: numbering it in place saves a copy per line.
    const numbered = line as SpendLine;
    numbered.sequence = this.sequence;
    this.lines.push(numbered);
    this.tally.countLine(numbered);
    return numbered;
  }

  reject(rejection: Rejection): void {
    this.rejections.push(rejection);
    this.tally.countRejection(rejection);
  }

  /** A line that is not an error but is not counted (an older version of a contract): listed, apart. */
  setAside(setAside: SetAside): void {
    this.rejections.push(setAside);
    this.tally.countSetAside(setAside);
  }

  /** The file's own grand total: set aside like any total row, and compared with the spend counted. */
  noteStatedTotal(lineNumber: number, cents: number): void {
    this.tally.noteStatedTotal(lineNumber, cents);
  }

  countBlank(): void {
    this.tally.countBlank();
  }

  countPreamble(rows: number): void {
    this.tally.countPreamble(rows);
  }

  drainLines(): SpendLine[] {
    const drained = this.lines;
    this.lines = [];
    return drained;
  }

  drainRejections(): Rejection[] {
    const drained = this.rejections;
    this.rejections = [];
    return drained;
  }

  /** Checks the file as a whole: something was read, and not mostly rejected. */
  summarise(what: { readonly unit: string; readonly noData: string }): Result<CollectedSummary> {
    const summary = this.tally.summary();
    if (summary.lines === 0 && summary.rejectedLines === 0) return fail(what.noData);
    const considered = summary.lines + summary.rejectedLines;
    const reasons = summary.firstRejections
      .slice(0, REASONS_IN_FILE_MESSAGE)
      .map((rejection) => `${what.unit} ${rejection.lineNumber}: ${rejection.reason}`)
      .join(' | ');
    if (considered >= MIN_LINES_FOR_RATIO && summary.rejectedLines / considered > this.maxRejectedRatio) {
      const percent = Math.round((summary.rejectedLines / considered) * 100);
      const allowed = Math.round(this.maxRejectedRatio * 100);
      return fail(
        `${summary.rejectedLines} of ${considered} ${what.unit}s (${percent} %) were rejected, more than the ${allowed} % allowed: check the file's format. First reasons: ${reasons}`,
      );
    }
    if (summary.lines === 0)
      return fail(`no ${what.unit} of the file could be read. First reasons: ${reasons}`);
    return ok(summary);
  }
}
