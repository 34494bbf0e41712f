import type { DatasetReconciliation, Language } from '../../../../shared/contracts/portal-api.ts';
import { lineFlagLabel, setAsideLabel } from '../../../../shared/domain/line-flags.ts';
import { formatCents, formatCount } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';

/** One row as shown: what, how many lines (empty when lines are not the point), how much. */
export type FigureRow = readonly [label: string, lines: string, amount: string];

/** A reconciliation as the page words it, every amount to the cent in the page's language. */
export interface ReconciliationFigures {
  /** Where the control total went: counted, set aside, rejected. They add up to it. */
  readonly parts: readonly FigureRow[];
  readonly control: string;
  readonly totalRows: { readonly term: string; readonly value: string } | undefined;
  readonly statedTotal:
    | { readonly term: string; readonly value: string; readonly agrees: boolean }
    | undefined;
  /** Counted lines carrying a data-quality flag, per flag. */
  readonly flags: readonly FigureRow[];
}

export function reconciliationFigures(
  reconciliation: DatasetReconciliation,
  /** The dataset's lines counted (purchases and concessions alike). */
  countedLines: number,
  currency: string,
  messages: Messages,
  language: Language,
): ReconciliationFigures {
  const t = messages.reconciliation;
  const money = (cents: number) => formatCents(cents, currency, language);
  const count = (lines: number) => formatCount(lines, language);
  const { rejected, totalRows, statedTotal } = reconciliation;
  const withoutAmount = rejected.lines - rejected.withAmount;
  const parts: FigureRow[] = [
    [t.counted, count(countedLines), money(reconciliation.countedCents)],
    ...(reconciliation.concessionCents !== 0
      ? [[t.concessions, '', money(reconciliation.concessionCents)] as const]
      : []),
    ...reconciliation.setAside.map(
      (entry) =>
        [t.setAside(setAsideLabel(entry.kind, language)), count(entry.lines), money(entry.cents)] as const,
    ),
    ...(rejected.withAmount > 0
      ? [[t.rejectedWithAmount, count(rejected.withAmount), money(rejected.cents)] as const]
      : []),
    // No amount could be read on them: nothing of the control total, but lines an officer may look for.
    ...(withoutAmount > 0 ? [[t.rejectedWithoutAmount, count(withoutAmount), '—'] as const] : []),
  ];
  return {
    parts,
    control: money(reconciliation.controlCents),
    totalRows:
      totalRows.lines > 0
        ? { term: t.totalRows, value: t.totalRowsValue(count(totalRows.lines), money(totalRows.cents)) }
        : undefined,
    statedTotal: statedTotal
      ? {
          term: t.statedTotal(count(statedTotal.lineNumber)),
          value: statedTotal.agrees
            ? t.statedTotalAgrees(money(statedTotal.cents))
            : t.statedTotalDiffers(
                money(statedTotal.cents),
                money(reconciliation.countedCents),
                money(Math.abs(statedTotal.cents - reconciliation.countedCents)),
              ),
          agrees: statedTotal.agrees,
        }
      : undefined,
    flags: reconciliation.flags.map((entry) => [
      lineFlagLabel(entry.flag, language),
      count(entry.lines),
      money(entry.cents),
    ]),
  };
}
