import { RecordSplitter } from '../../../shared/adapters/record-splitter.ts';
import type { FormatProfile } from '../../../shared/domain/formats/format-profile.ts';
import { IngestCore, type RawRow } from '../../../shared/domain/ingest/index.ts';
import type { Detection } from './detect-file.ts';
import { SAMPLE_RECORDS } from './sample-size.ts';

const ROWS_FOR_MAPPING = 30;

type RowsPreview = Pick<
  Detection,
  | 'rows'
  | 'format'
  | 'headerLine'
  | 'columns'
  | 'unusedColumns'
  | 'failure'
  | 'accepted'
  | 'rejected'
  | 'recordsRead'
>;

/** The sample's records exactly as ingest reads them, each numbered with the physical line it starts on. */
function recordsOf(text: string, delimiter: string): RawRow[] {
  const rows: RawRow[] = [];
  const splitter = new RecordSplitter(delimiter);
  splitter.write(text, (row) => rows.push(row));
  splitter.end((row) => rows.push(row));
  return rows;
}

/** The ingest core fed the first records of a delimited file: the header it finds and the lines it would keep. */
export function previewRows(
  text: string,
  delimiter: string,
  formats: readonly FormatProfile[],
  searchRows: number,
): RowsPreview {
  const rows = recordsOf(text, delimiter).slice(0, SAMPLE_RECORDS);
  const core = new IngestCore({
    formats,
    defaultAnchorId: 'preview',
    delimiter,
    maxRejectedRatio: 1,
    headerSearchRows: searchRows,
  });
  let failure: string | undefined;
  for (const row of rows) {
    const pushed = core.push(row);
    if (!pushed.ok) {
      failure = pushed.reason;
      break;
    }
  }
  // Fewer rows than the header search window: settle the header on what there is.
  if (!core.locatedHeader && !failure) {
    const finished = core.finish();
    if (!finished.ok) failure = finished.reason;
  }
  const preview = {
    rows: rows.slice(0, ROWS_FOR_MAPPING).map((row) => row.cells),
    recordsRead: rows.length,
    accepted: core.drainLines(),
    rejected: core.drainRejections(),
    ...(failure ? { failure } : {}),
  };
  const header = core.locatedHeader;
  if (!header) return { ...preview, columns: [], unusedColumns: [] };
  const columns = [...header.columns].map(([field, index]) => ({
    field,
    index,
    column: header.headerCells[index] ?? '',
  }));
  const used = new Set(header.columns.values());
  const { id, label, labelFr, kind, currency } = header.format;
  return {
    ...preview,
    format: { id, label, labelFr, kind, currency },
    headerLine: header.line,
    columns,
    unusedColumns: header.headerCells.filter((name, index) => !used.has(index) && name.trim() !== ''),
  };
}
