import type { DatasetRecord } from '../dataset.ts';
import { lineFlagLabel, setAsideLabel } from '../line-flags.ts';
import { formatCentsAsUnits } from '../money.ts';
import type { Reconciliation } from '../reconciliation.ts';
import type { Report } from './report-schema.ts';

type ReportReconciliation = Report['dataQuality']['reconciliation'];

const EMPTY: Reconciliation = {
  controlCents: 0,
  countedCents: 0,
  concessionCents: 0,
  setAside: [],
  totalRows: { lines: 0, cents: 0 },
  rejected: { lines: 0, withAmount: 0, cents: 0 },
  flags: [],
};

const addInto = <K>(map: Map<K, { lines: number; cents: number }>, key: K, lines: number, cents: number) => {
  const entry = map.get(key) ?? { lines: 0, cents: 0 };
  map.set(key, { lines: entry.lines + lines, cents: entry.cents + cents });
};

/** Several files' reconciliations as one: every part added up, in cents. */
export function addReconciliations(all: Iterable<Reconciliation>): Reconciliation {
  const setAside = new Map<Reconciliation['setAside'][number]['kind'], { lines: number; cents: number }>();
  const flags = new Map<string, { lines: number; cents: number }>();
  let total = EMPTY;
  for (const one of all) {
    for (const entry of one.setAside) addInto(setAside, entry.kind, entry.lines, entry.cents);
    for (const entry of one.flags) addInto(flags, entry.flag, entry.lines, entry.cents);
    total = {
      ...total,
      controlCents: total.controlCents + one.controlCents,
      countedCents: total.countedCents + one.countedCents,
      concessionCents: total.concessionCents + one.concessionCents,
      totalRows: {
        lines: total.totalRows.lines + one.totalRows.lines,
        cents: total.totalRows.cents + one.totalRows.cents,
      },
      rejected: {
        lines: total.rejected.lines + one.rejected.lines,
        withAmount: total.rejected.withAmount + one.rejected.withAmount,
        cents: total.rejected.cents + one.rejected.cents,
      },
    };
  }
  return {
    ...total,
    setAside: [...setAside].map(([kind, entry]) => ({ kind, ...entry })),
    flags: [...flags].map(([flag, entry]) => ({ flag, ...entry })),
  };
}

/** A reconciliation as report.json states it: currency units, labels in the report's language. */
export function reportReconciliation(
  reconciliation: Reconciliation,
  language: 'fr' | 'en',
): ReportReconciliation {
  const { statedTotal } = reconciliation;
  return {
    control: formatCentsAsUnits(reconciliation.controlCents),
    counted: formatCentsAsUnits(reconciliation.countedCents),
    concessions: formatCentsAsUnits(reconciliation.concessionCents),
    setAside: reconciliation.setAside.map((entry) => ({
      kind: entry.kind,
      label: setAsideLabel(entry.kind, language),
      lines: entry.lines,
      amount: formatCentsAsUnits(entry.cents),
    })),
    totalRows: {
      lines: reconciliation.totalRows.lines,
      amount: formatCentsAsUnits(reconciliation.totalRows.cents),
    },
    rejected: {
      lines: reconciliation.rejected.lines,
      linesWithAmount: reconciliation.rejected.withAmount,
      amount: formatCentsAsUnits(reconciliation.rejected.cents),
    },
    flags: [...reconciliation.flags]
      .sort((a, b) => Math.abs(b.cents) - Math.abs(a.cents))
      .map((entry) => ({
        flag: entry.flag,
        label: lineFlagLabel(entry.flag, language),
        lines: entry.lines,
        amount: formatCentsAsUnits(entry.cents),
      })),
    ...(statedTotal
      ? {
          statedTotal: {
            line: statedTotal.lineNumber,
            amount: formatCentsAsUnits(statedTotal.cents),
            agrees: statedTotal.agrees,
          },
        }
      : {}),
  };
}

/**
 * A dataset read before reconciliations were kept: all that is known is that its counted spend was
 * all that was read, with its rejected lines' amounts unknown.
 */
export function reconciliationOf(dataset: DatasetRecord): Reconciliation {
  return (
    dataset.reconciliation ?? {
      ...EMPTY,
      controlCents: dataset.amountCents + dataset.concessionCents,
      countedCents: dataset.amountCents,
      concessionCents: dataset.concessionCents,
      rejected: { lines: dataset.rejectedLines, withAmount: 0, cents: 0 },
    }
  );
}

/** Files read but not counted, each with the file that counts its spend. */
export function datasetsNotCounted(
  notCounted: readonly DatasetRecord[],
  byId: ReadonlyMap<string, DatasetRecord>,
): Report['dataQuality']['datasetsNotCounted'] {
  return notCounted.flatMap((dataset) => {
    const holder = dataset.duplicateOf ?? dataset.supersededBy;
    if (!holder) return [];
    return [
      {
        id: dataset.id,
        file: dataset.fileName,
        reason: dataset.duplicateOf ? ('duplicate' as const) : ('superseded' as const),
        countedIn: byId.get(holder)?.fileName ?? holder,
        amount: formatCentsAsUnits(dataset.amountCents),
      },
    ];
  });
}
