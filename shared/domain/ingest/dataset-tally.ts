import type { SpendLine } from '../spend-line.ts';
import type { Rejection } from './rejection.ts';

/** What ingest learnt about a file as a whole, stored on the dataset record. */
export interface DatasetSummary {
  readonly format: string;
  readonly headerLine: number;
  readonly lines: number;
  readonly rejectedLines: number;
  readonly blankLines: number;
  /** Title or query lines above the header: not data, counted so nothing disappears unexplained. */
  readonly preambleLines: number;
  /** Older versions of a contract: listed in the rejects file, not counted, not errors. */
  readonly setAsideLines: number;
  /** Purchases only: concession values are reported apart, never added to a file's amount. */
  readonly amountCents: number;
  readonly concessionCents: number;
  readonly periodFrom: string | undefined;
  readonly periodTo: string | undefined;
  readonly anchors: ReadonlyArray<{ readonly id: string; readonly name?: string }>;
  readonly flags: ReadonlyArray<readonly [string, number]>;
  readonly firstRejections: readonly Rejection[];
}

const KEPT_REJECTIONS = 20;

export class DatasetTally {
  private lines = 0;
  private rejectedLines = 0;
  private blankLines = 0;
  private preambleLines = 0;
  private setAsideLines = 0;
  private amountCents = 0;
  private concessionCents = 0;
  private periodFrom: string | undefined;
  private periodTo: string | undefined;
  private readonly anchors = new Map<string, string | undefined>();
  private readonly flags = new Map<string, number>();
  private readonly firstRejections: Rejection[] = [];

  countLine(line: SpendLine): void {
    this.lines += 1;
    if (line.segment === 'concession') this.concessionCents += line.amountCents;
    else this.amountCents += line.amountCents;
    if (this.periodFrom === undefined || line.date < this.periodFrom) this.periodFrom = line.date;
    if (this.periodTo === undefined || line.date > this.periodTo) this.periodTo = line.date;
    if (!this.anchors.get(line.anchorId)) this.anchors.set(line.anchorId, line.anchorName);
    for (const flag of line.flags) this.flags.set(flag, (this.flags.get(flag) ?? 0) + 1);
  }

  countRejection(rejection: Rejection): void {
    this.rejectedLines += 1;
    if (this.firstRejections.length < KEPT_REJECTIONS) this.firstRejections.push(rejection);
  }

  countSetAside(): void {
    this.setAsideLines += 1;
  }

  countBlank(): void {
    this.blankLines += 1;
  }

  countPreamble(rows: number): void {
    this.preambleLines += rows;
  }

  summary(): Omit<DatasetSummary, 'format' | 'headerLine'> {
    return {
      lines: this.lines,
      rejectedLines: this.rejectedLines,
      blankLines: this.blankLines,
      preambleLines: this.preambleLines,
      setAsideLines: this.setAsideLines,
      amountCents: this.amountCents,
      concessionCents: this.concessionCents,
      periodFrom: this.periodFrom,
      periodTo: this.periodTo,
      anchors: [...this.anchors].map(([id, name]) => (name ? { id, name } : { id })),
      flags: [...this.flags],
      firstRejections: [...this.firstRejections],
    };
  }
}
