import type { Language } from '../../../../shared/contracts/portal-api.ts';
import type { ColumnReadingRecord } from '../../../../shared/domain/dataset.ts';
import { settlementText } from '../../../../shared/domain/formats/inference/describe-choices.ts';
import { localiseReason } from '../../../../shared/domain/ingest/rejection-reasons.ts';
import type { Detection } from '../../detect/detect-file.ts';
import { h, table } from '../../dom.ts';
import { formatBytes, formatCents, formatCount, formatDate, formatPercent } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';

const SHOWN_LINES = 8;

function describeShape(detection: Detection, messages: Messages): string {
  if (detection.shape === 'json') return messages.detection.json(detection.decpVersion ?? '');
  const delimiter = detection.delimiter ?? '';
  return messages.detection.delimiters[delimiter] ?? JSON.stringify(delimiter);
}

function confirmButton(text: string, onClick: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', 'data-testid': 'confirm-reading' }, text);
  button.addEventListener('click', onClick);
  return button;
}

/** The role inference gave each column, with its score, the columns that came next, and any close call. */
function readingTable(
  records: readonly ColumnReadingRecord[],
  fieldName: (field: string) => string,
  messages: Messages,
  language: Language,
): HTMLElement {
  const t = messages.detection;
  return table(
    t.reading,
    t.readingColumns,
    records.map((record) => [
      fieldName(record.role),
      record.header,
      formatPercent(record.scorePercent, language),
      record.alternatives
        .map((other) => t.candidate(other.header, formatPercent(other.scorePercent, language)))
        .join(', '),
      settlementText(record, language) ?? '',
    ]),
    new Set([2]),
  );
}

/**
 * What detection found, before upload: a summary list, the column mapping (or how inference read
 * the columns), the first lines and a sample. `confirmReading` opens the mapping form on an inferred
 * reading.
 */
export function detectionView(
  detection: Detection,
  messages: Messages,
  language: Language,
  confirmReading?: () => void,
): HTMLElement {
  const t = messages.detection;
  const pairs: [string, string][] = [
    [t.file, detection.fileName],
    [t.size, formatBytes(detection.sizeBytes, language)],
    [t.encoding, detection.encoding],
    [detection.shape === 'json' ? t.format : t.delimiter, describeShape(detection, messages)],
  ];
  if (detection.format) {
    const name = language === 'fr' ? detection.format.labelFr : detection.format.label;
    pairs.push([t.format, `${name} (${detection.format.id})`]);
    pairs.push([t.kind, messages.upload.kinds[detection.format.kind]]);
  }
  if (detection.headerLine) pairs.push([t.headerLine, formatCount(detection.headerLine, language)]);
  const fieldName = (field: string) =>
    messages.mapping.fields[field as keyof Messages['mapping']['fields']] ?? field;
  return h(
    'section',
    { class: 'detection', 'aria-labelledby': 'detection-heading', 'data-testid': 'detection' },
    h('h2', { id: 'detection-heading', tabindex: -1 }, t.heading),
    h('dl', { class: 'facts' }, ...pairs.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    detection.format?.id.startsWith('mapping:') && h('p', { class: 'note' }, t.byProfile),
    detection.failure &&
      h(
        'p',
        { class: 'error', role: 'alert' },
        detection.format
          ? t.wouldBeRejected(localiseReason(detection.failure, language))
          : t.notRecognisedWhy(localiseReason(detection.failure, language)),
      ),
    detection.columnReading && [
      h('p', { class: 'note', 'data-testid': 'reading-note' }, t.readingNote),
      readingTable(detection.columnReading, fieldName, messages, language),
      confirmReading && confirmButton(t.confirmReading, confirmReading),
    ],
    !detection.columnReading &&
      detection.columns.length > 0 &&
      table(
        t.columns,
        t.columnHeaders,
        detection.columns.map((column) => [fieldName(column.field), column.column, column.index + 1]),
        new Set([2]),
      ),
    detection.unusedColumns.length > 0 &&
      h('p', {}, h('strong', {}, t.unused), ' — ', detection.unusedColumns.join(', ')),
    h('h3', {}, t.firstLines),
    h(
      'pre',
      { class: 'first-lines', tabindex: 0, 'aria-label': t.firstLines },
      detection.firstLines.join('\n'),
    ),
    detection.format &&
      h(
        'p',
        { 'data-testid': 'sample-summary' },
        t.sample(detection.accepted.length, detection.rejected.length, detection.recordsRead),
      ),
    // The sentence above gives the counts; the caption names the table, as the rejected lines' does.
    detection.accepted.length > 0 &&
      table(
        t.sampleAccepted,
        t.sampleColumns,
        detection.accepted
          .slice(0, SHOWN_LINES)
          .map((line) => [
            line.lineNumber,
            line.date === undefined ? t.undated : formatDate(line.date, language),
            formatCents(line.amountCents, line.currency, language),
            line.supplier.name,
            line.supplier.identifier
              ? `${line.supplier.identifier.scheme} ${line.supplier.identifier.value}`
              : '',
          ]),
        new Set([0, 2]),
      ),
    detection.rejected.length > 0 &&
      table(
        t.sampleRejected,
        [t.sampleColumns[0], messages.status.rejectsColumns[2]],
        detection.rejected.slice(0, SHOWN_LINES).map((rejection) => [rejection.lineNumber, rejection.reason]),
        new Set([0]),
      ),
  );
}
