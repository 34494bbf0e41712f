import { RecordSplitter } from '../../../shared/adapters/record-splitter.ts';
import type { FormatProfile } from '../../../shared/domain/formats/format-profile.ts';
import type { LocatedHeader } from '../../../shared/domain/formats/header-match.ts';
import { columnReadingRecord } from '../../../shared/domain/formats/inference/describe-choices.ts';
import { IngestCore, type RawRow } from '../../../shared/domain/ingest/index.ts';
import type { BestGuess, DetectedColumn, DetectedFormat, Detection } from './detect-file.ts';
import { SAMPLE_RECORDS } from './sample-size.ts';

const ROWS_FOR_MAPPING = 30;

type RowsPreview = Pick<
  Detection,
  | 'rows'
  | 'rowLines'
  | 'format'
  | 'headerLine'
  | 'columns'
  | 'unusedColumns'
  | 'columnReading'
  | 'bestGuess'
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

const columnsOf = (header: LocatedHeader): DetectedColumn[] =>
  [...header.columns].map(([field, index]) => ({ field, index, column: header.headerCells[index] ?? '' }));

const detectedFormat = ({ id, label, labelFr, kind, currency, decimal, dateOrder }: FormatProfile) =>
  ({
    id,
    label,
    labelFr,
    kind,
    currency,
    decimal,
    dateOrder,
  }) satisfies DetectedFormat;

/** The ingest core fed the first records of a delimited file: the header it finds and the lines it would keep. */
export function previewRows(
  text: string,
  delimiter: string,
  formats: readonly FormatProfile[],
  searchRows: number,
  inferColumns: boolean,
): RowsPreview {
  const rows = recordsOf(text, delimiter).slice(0, SAMPLE_RECORDS);
  const core = new IngestCore({
    formats,
    defaultAnchorId: 'preview',
    delimiter,
    maxRejectedRatio: 1,
    headerSearchRows: searchRows,
    inferColumns,
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
  const shown = rows.slice(0, ROWS_FOR_MAPPING);
  const preview = {
    rows: shown.map((row) => row.cells),
    rowLines: shown.map((row) => row.lineNumber),
    recordsRead: rows.length,
    accepted: core.drainLines(),
    rejected: core.drainRejections(),
    ...(failure ? { failure } : {}),
  };
  const header = core.locatedHeader;
  if (!header) {
    const guess = core.bestGuess?.guess;
    const bestGuess: BestGuess | undefined = guess && {
      // The core's rows are these very records: the guess's row index is theirs.
      headerLine: rows[guess.header.rowIndex]?.lineNumber ?? guess.header.rowIndex + 1,
      records: guess.choices.map(columnReadingRecord),
      columns: columnsOf(guess.header),
      format: detectedFormat(guess.header.format),
    };
    return { ...preview, columns: [], unusedColumns: [], ...(bestGuess ? { bestGuess } : {}) };
  }
  const used = new Set(header.columns.values());
  const reading = core.columnReading;
  return {
    ...preview,
    format: detectedFormat(header.format),
    headerLine: header.line,
    columns: columnsOf(header),
    ...(reading ? { columnReading: reading.map(columnReadingRecord) } : {}),
    unusedColumns: header.headerCells.filter((name, index) => !used.has(index) && name.trim() !== ''),
  };
}
