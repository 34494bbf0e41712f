import type { LocatedHeader } from '../formats/header-match.ts';
import type { DraftLine } from '../spend-line.ts';
import { foldForMatch } from '../text.ts';

/** What a total row adds up: the whole file, or a part of it (a chapter, a service, a page). */
export type SummaryKind = 'grand-total' | 'sub-total';

const SUB_TOTAL = /^(?:sous total|sub total|subtotal|total partiel|page total|total page)\b/;
const GRAND_TOTAL = /^(?:grand total|total general|totaux|total)\b/;

/** The kind of total a label names, e.g. `Total général`, `Grand Total`, `Sous-total 011`, `TOTAL`. */
export function totalLabelKind(value: string): SummaryKind | undefined {
  const folded = foldForMatch(value);
  if (SUB_TOTAL.test(folded)) return 'sub-total';
  if (GRAND_TOTAL.test(folded)) return 'grand-total';
  return undefined;
}

/** A label that is nothing but a total's: a supplier called "Total Energies" is a payee, "TOTAL" alone is not. */
const isBareTotalLabel = (value: string) =>
  /^(?:grand total|total general|totaux|total|sous total|sub total|subtotal)$/.test(foldForMatch(value));

/**
 * A total row the export added below its lines: it has an amount but no payee of its own (no
 * supplier, or one named only "Total"; no identifier) and a cell that is a total's label. It is not a
 * payment: counting it would count its lines twice. A label that only starts like one ("Total
 * Facilities Management", an expense type on a redacted payment) counts only on an undated row, and a
 * supplier named "TOTAL" on a dated row may be the oil company: both are payments.
 */
export function summaryRowKind(
  cells: readonly string[],
  header: Pick<LocatedHeader, 'columns'>,
  dateReads: () => boolean,
): SummaryKind | undefined {
  const nameAt = header.columns.get('supplierName');
  const identifierAt = header.columns.get('supplierIdentifier');
  if (identifierAt !== undefined && (cells[identifierAt] ?? '').trim() !== '') return undefined;
  const name = nameAt === undefined ? '' : (cells[nameAt] ?? '').trim();
  if (name !== '' && !(name.length <= 20 && isBareTotalLabel(name))) return undefined;
  let bare: SummaryKind | undefined;
  let leading: SummaryKind | undefined;
  for (const [index, cell] of cells.entries()) {
    if (cell.length > 60) continue;
    const found = totalLabelKind(cell);
    if (found === undefined) continue;
    if (index !== nameAt && isBareTotalLabel(cell)) bare = bare === 'sub-total' ? bare : found;
    else leading = leading === 'sub-total' ? leading : found;
  }
  if (bare === undefined && leading === undefined) return undefined;
  if (dateReads()) return bare;
  return bare === 'sub-total' || leading === 'sub-total' ? 'sub-total' : (bare ?? leading);
}

/** A line read with no payee of its own, or one named only "Total": it may be a total row. */
export function mayBeSummaryRow(line: DraftLine): boolean {
  const { supplier } = line;
  if (supplier.identifier || supplier.invalidIdentifier !== undefined) return false;
  return supplier.name === '' || (supplier.name.length <= 20 && isBareTotalLabel(supplier.name));
}
