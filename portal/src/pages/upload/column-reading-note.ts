import type { ColumnReadingSummary, Language } from '../../../../shared/contracts/portal-api.ts';
import type { CanonicalField } from '../../../../shared/domain/formats/canonical-fields.ts';
import {
  describeReading,
  settlementText,
} from '../../../../shared/domain/formats/inference/describe-choices.ts';
import { h } from '../../dom.ts';
import type { Messages } from '../../i18n/messages.ts';

/** How ingest read the columns of a file no format fitted: each field's column and score, and the close calls. */
export function columnReadingNote(
  reading: readonly ColumnReadingSummary[],
  messages: Messages,
  language: Language,
): HTMLElement {
  const records = reading.map((summary) => ({ ...summary, alternatives: [...summary.alternatives] }));
  const fieldName = (role: string) => messages.mapping.fields[role as CanonicalField] ?? role;
  const settled = records.flatMap((record) => {
    const why = settlementText(record, language);
    return why ? [messages.status.settled(fieldName(record.role), record.header, why)] : [];
  });
  return h(
    'div',
    { 'data-testid': 'column-reading' },
    h('p', { class: 'note' }, messages.status.columnsReadAs(describeReading(records, language))),
    settled.length > 0 && h('ul', {}, ...settled.map((text) => h('li', {}, text))),
  );
}
