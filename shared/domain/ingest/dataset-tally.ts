import type { RoleChoice } from '../formats/inference/infer-columns.ts';
import type { Reconciliation } from '../reconciliation.ts';
import type { SpendLine } from '../spend-line.ts';
import type { Rejection, SetAside, SetAsideKind } from './rejection.ts';

/** What ingest learnt about a file as a whole, stored on the dataset record. */
export interface DatasetSummary {
  readonly format: string;
  readonly headerLine: number;
  /** The roles inference gave the columns, for a file no format fitted. */
  readonly columnReading?: readonly RoleChoice[] | undefined;
  readonly lines: number;
  readonly rejectedLines: number;
  readonly blankLines: number;
  /** Title or query lines above the header: not data, counted so nothing disappears unexplained. */
  readonly preambleLines: number;
  /** Older versions of a contract, repeated contracts, total rows: listed in the rejects file, not counted, not errors. */
  readonly setAsideLines: number;
  /** Purchases only: concession values are reported apart, never added to a file's amount. */
  readonly amountCents: number;
  readonly concessionCents: number;
  /** Dated lines only: undated ones count in the dataset's period, whatever it is. */
  readonly periodFrom: string | undefined;
  readonly periodTo: string | undefined;
  readonly anchors: ReadonlyArray<{ readonly id: string; readonly name?: string }>;
  readonly firstRejections: readonly Rejection[];
  readonly reconciliation: Reconciliation;
}

const KEPT_REJECTIONS = 20;

interface LinesAndCents {
  lines: number;
  cents: number;
}

const tallyInto = <K>(map: Map<K, LinesAndCents>, key: K, cents: number) => {
  const entry = map.get(key);
  if (entry) {
    entry.lines += 1;
    entry.cents += cents;
  } else map.set(key, { lines: 1, cents });
};

export class DatasetTally {
  private lines = 0;
  private rejectedLines = 0;
  private rejectedWithAmount = 0;
  private rejectedCents = 0;
  private blankLines = 0;
  private preambleLines = 0;
  private amountCents = 0;
  private concessionCents = 0;
  private periodFrom: string | undefined;
  private periodTo: string | undefined;
  private readonly anchors = new Map<string, string | undefined>();
  private readonly flags = new Map<string, LinesAndCents>();
  private readonly setAside = new Map<Exclude<SetAsideKind, 'summary-row'>, LinesAndCents>();
  private readonly totalRows: LinesAndCents = { lines: 0, cents: 0 };
  private statedTotal: { lineNumber: number; cents: number } | undefined;
  private readonly firstRejections: Rejection[] = [];

  countLine(line: SpendLine): void {
    this.lines += 1;
    if (line.segment === 'concession') this.concessionCents += line.amountCents;
    else this.amountCents += line.amountCents;
    const { date } = line;
    if (date !== undefined) {
      if (this.periodFrom === undefined || date < this.periodFrom) this.periodFrom = date;
      if (this.periodTo === undefined || date > this.periodTo) this.periodTo = date;
    }
    if (!this.anchors.get(line.anchorId)) this.anchors.set(line.anchorId, line.anchorName);
    for (const flag of line.flags) tallyInto(this.flags, flag, line.amountCents);
  }

  countRejection(rejection: Rejection): void {
    this.rejectedLines += 1;
    if (rejection.amountCents !== undefined) {
      this.rejectedWithAmount += 1;
      this.rejectedCents += rejection.amountCents;
    }
    if (this.firstRejections.length < KEPT_REJECTIONS) this.firstRejections.push(rejection);
  }

  countSetAside(setAside: SetAside): void {
    const cents = setAside.amountCents ?? 0;
    if (setAside.setAside !== 'summary-row') tallyInto(this.setAside, setAside.setAside, cents);
    else {
      this.totalRows.lines += 1;
      this.totalRows.cents += cents;
    }
  }

  /** A grand total row of the file's own: the last one found is the file's total. */
  noteStatedTotal(lineNumber: number, cents: number): void {
    this.statedTotal = { lineNumber, cents };
  }

  countBlank(): void {
    this.blankLines += 1;
  }

  countPreamble(rows: number): void {
    this.preambleLines += rows;
  }

  summary(): Omit<DatasetSummary, 'format' | 'headerLine'> {
    let setAsideLines = this.totalRows.lines;
    let setAsideCents = 0;
    for (const { lines, cents } of this.setAside.values()) {
      setAsideLines += lines;
      setAsideCents += cents;
    }
    return {
      lines: this.lines,
      rejectedLines: this.rejectedLines,
      blankLines: this.blankLines,
      preambleLines: this.preambleLines,
      setAsideLines,
      amountCents: this.amountCents,
      concessionCents: this.concessionCents,
      periodFrom: this.periodFrom,
      periodTo: this.periodTo,
      anchors: [...this.anchors].map(([id, name]) => (name ? { id, name } : { id })),
      firstRejections: [...this.firstRejections],
      reconciliation: {
        controlCents: this.amountCents + this.concessionCents + setAsideCents + this.rejectedCents,
        countedCents: this.amountCents,
        concessionCents: this.concessionCents,
        setAside: [...this.setAside].map(([kind, entry]) => ({ kind, ...entry })),
        totalRows: { ...this.totalRows },
        rejected: {
          lines: this.rejectedLines,
          withAmount: this.rejectedWithAmount,
          cents: this.rejectedCents,
        },
        flags: [...this.flags].map(([flag, entry]) => ({ flag, ...entry })),
        ...(this.statedTotal
          ? { statedTotal: { ...this.statedTotal, agrees: this.statedTotal.cents === this.amountCents } }
          : {}),
      },
    };
  }
}
