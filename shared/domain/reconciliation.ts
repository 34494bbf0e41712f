import * as z from 'zod';

const Cents = z.number().int();
const Count = z.number().int().nonnegative();

/**
 * How a file's money ties out, to the cent: every amount that could be read on a line of spend is
 * counted, set aside for a stated reason, or rejected with its line's other defect, and
 * `controlCents = countedCents + concessionCents + Σ setAside.cents + rejected.cents`.
 * Total rows are no spend: they are listed apart (`totalRows`) and the grand total compared with what
 * was counted. Flagged lines are counted: their flags say what an officer may want to check, with the
 * money at stake.
 */
export const ReconciliationSchema = z.object({
  /** Every readable amount on a line of spend in the file, each line (or DECP contract) once. */
  controlCents: Cents,
  /** Purchases counted. */
  countedCents: Cents,
  /** DECP concession values, counted apart from purchases. */
  concessionCents: Cents,
  setAside: z.array(z.object({ kind: z.enum(['older-version', 'duplicate']), lines: Count, cents: Cents })),
  /** Total and sub-total rows the export added: not spend, not in the control total. */
  totalRows: z.object({ lines: Count, cents: Cents }),
  /** Lines not counted: `withAmount` of them state an amount (`cents`), the others none that reads. */
  rejected: z.object({ lines: Count, withAmount: Count, cents: Cents }),
  flags: z.array(z.object({ flag: z.string(), lines: Count, cents: Cents })),
  /** The file's own grand total row, when it has one, and whether the spend counted agrees with it. */
  statedTotal: z
    .object({ lineNumber: z.number().int().positive(), cents: Cents, agrees: z.boolean() })
    .optional(),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

/** The reconciliation's own check: its parts add up to its control total. */
export function reconciles(reconciliation: Reconciliation): boolean {
  let parts = reconciliation.countedCents + reconciliation.concessionCents + reconciliation.rejected.cents;
  for (const setAside of reconciliation.setAside) parts += setAside.cents;
  return parts === reconciliation.controlCents;
}
