import { type HolderSplit, holderShares } from '../holder-split.ts';
import type { DraftLine } from '../spend-line.ts';
import type { SetAside } from './rejection.ts';

/** The flag of the lines of a contract whose rows state different amounts. */
const CONTRACT_AMOUNTS_DIFFER_FLAG = 'contract-amounts-differ';

export type GroupOutcome = { readonly line: DraftLine } | { readonly duplicate: SetAside };

/**
 * Flattened contract files repeat a contract once per titulaire with the contract's whole amount on
 * each row. Rows of one contract are consecutive; the amount is split equally between its distinct
 * titulaires so the contract is counted once. A contract that appears again later in the file is a
 * duplicate (consolidated files repeat contracts) and is set aside, pointing at the first occurrence.
 */
export class ContractGrouping {
  private current: { uid: string; lines: DraftLine[]; raws: string[] } | undefined;
  private readonly firstLineOfContract = new Map<string, number>();
  /** A repeated row naming several titulaires is one line of the file: rejected once. */
  private lastDuplicateLine: number | undefined;

  constructor(private readonly split: HolderSplit = 'equal') {}

  /** Adds a row; returns the outcomes of the previous contract when this row starts a new one. */
  push(line: DraftLine, raw: string): GroupOutcome[] {
    const uid = line.contractUid ?? `line-${line.lineNumber}`;
    if (this.current?.uid === uid) {
      this.current.lines.push(line);
      this.current.raws.push(raw);
      return [];
    }
    const flushed = this.flush();
    const firstLine = this.firstLineOfContract.get(uid);
    if (firstLine !== undefined) {
      if (this.lastDuplicateLine === line.lineNumber) return flushed;
      this.lastDuplicateLine = line.lineNumber;
      const reason = `contract ${uid} was already counted at line ${firstLine}: duplicate row`;
      return [...flushed, { duplicate: duplicateRow(line, reason, raw) }];
    }
    this.firstLineOfContract.set(uid, line.lineNumber);
    this.current = { uid, lines: [line], raws: [raw] };
    return flushed;
  }

  /** Emits the contract in progress; call once more after the last row. */
  flush(): GroupOutcome[] {
    const group = this.current;
    this.current = undefined;
    if (!group) return [];
    const outcomes: GroupOutcome[] = [];
    const titulaires: DraftLine[] = [];
    const seen = new Map<string, number>();
    group.lines.forEach((line, index) => {
      const first = seen.get(line.supplier.key);
      if (first === undefined) {
        seen.set(line.supplier.key, line.lineNumber);
        titulaires.push(line);
        return;
      }
      const reason = `titulaire ${line.supplier.key} of contract ${group.uid} was already counted at line ${first}: duplicate row`;
      outcomes.push({ duplicate: duplicateRow(line, reason, group.raws[index] ?? '') });
    });
    const contractCents = titulaires[0]?.amountCents ?? 0;
    const shares = holderShares(contractCents, titulaires.length, this.split);
    // Each row should state the contract's whole amount: where they disagree the first row's is
    // split, and every titulaire's line says so, so that the officer checks the file.
    const disagree = group.lines.some((line) => line.amountCents !== contractCents);
    titulaires.forEach((line, index) => {
      const shareOf = titulaires.length > 1 ? titulaires.length : undefined;
      const flags = disagree ? [...line.flags, CONTRACT_AMOUNTS_DIFFER_FLAG] : line.flags;
      outcomes.push({
        line: { ...line, amountCents: shares[index] ?? 0, flags, ...(shareOf ? { shareOf } : {}) },
      });
    });
    return outcomes.sort((a, b) => lineNumberOf(a) - lineNumberOf(b));
  }
}

function lineNumberOf(outcome: GroupOutcome): number {
  return 'line' in outcome ? outcome.line.lineNumber : outcome.duplicate.lineNumber;
}

/** A row repeating one already counted: set aside with the amount it states (the contract's, again). */
function duplicateRow(line: DraftLine, reason: string, raw: string): SetAside {
  return { lineNumber: line.lineNumber, reason, raw, amountCents: line.amountCents, setAside: 'duplicate' };
}
