import { renderTable } from '../html-table.ts';
import type { View } from '../report-view.ts';

/** A two-column table of named figures (measure, value), each measure a row header. */
export function renderMeasureTable(
  view: View,
  caption: string,
  rows: readonly (readonly [measure: string, value: string])[],
): string {
  const { L } = view;
  return renderTable(
    caption,
    [{ label: L.columns.measure }, { label: L.columns.value, numeric: true }],
    rows.map(([measure, value]) => [
      { text: measure, rowHeader: true },
      { text: value, numeric: true },
    ]),
    L.noData,
  );
}
