import type { MappingProfile } from '../../../../shared/contracts/portal-api.ts';
import { MappingProfileSchema } from '../../../../shared/domain/formats/mapping-profile.ts';
import type { Detection } from '../../detect/detect-file.ts';
import { field, h, option } from '../../dom.ts';
import type { Messages } from '../../i18n/messages.ts';
import { columnName, MAPPABLE_FIELDS, type MappableField, mappingDraft } from './mapping-draft.ts';

export interface MappingFormActions {
  /** Re-read the file with a saved profile. */
  apply(profile: MappingProfile): void;
  /** Save a new profile through the API, then re-read the file with it. */
  save(profile: MappingProfile): Promise<void>;
}

const select = (name: string, options: readonly HTMLOptionElement[]) => h('select', { name }, ...options);

/**
 * Pick a saved mapping profile, or describe the file's columns and save a new one: the form starts
 * from what detection read (or inference's best guess), so confirming it is one click.
 */
export function mappingForm(
  detection: Detection,
  profiles: readonly MappingProfile[],
  messages: Messages,
  actions: MappingFormActions,
): HTMLElement {
  const t = messages.mapping;
  const draft = mappingDraft(detection);
  const errors = h('p', { class: 'error', role: 'alert', hidden: true });
  const saved = select('saved-profile', [
    option('', t.noSaved),
    ...profiles.map((profile) => option(profile.id, `${profile.label} (${profile.id})`)),
  ]);
  const applyButton = h('button', { type: 'button' }, t.apply);
  applyButton.addEventListener('click', () => {
    const profile = profiles.find((candidate) => candidate.id === saved.value);
    if (profile) actions.apply(profile);
  });

  const headerRow = select(
    'header-row',
    detection.rows.map((cells, index) =>
      option(
        String(index),
        `${detection.rowLines[index] ?? index + 1} : ${cells.join(' | ').slice(0, 80)}`,
        index === draft.headerRow,
      ),
    ),
  );
  const columnSelects = new Map<MappableField, HTMLSelectElement>();
  const columnsBox = h('div', { class: 'grid' });
  const fillColumns = () => {
    const header = detection.rows[Number(headerRow.value)] ?? [];
    columnsBox.replaceChildren();
    for (const name of MAPPABLE_FIELDS) {
      const previous = columnSelects.get(name)?.value ?? draft.columns[name] ?? '';
      const control = select(`column-${name}`, [
        option('', t.notMapped),
        ...header
          .filter((cell) => cell.trim() !== '')
          .map(columnName)
          .map((name) => option(name, name, name === previous)),
      ]);
      columnSelects.set(name, control);
      columnsBox.append(field(t.fields[name] ?? name, control));
    }
  };
  headerRow.addEventListener('change', fillColumns);
  fillColumns();

  const decimal = select('decimal', [
    option(',', '1 234,56 (,)', draft.decimal === ','),
    option('.', '1,234.56 (.)', draft.decimal === '.'),
  ]);
  const dateFormat = select('date-format', [
    option('dd/mm/yyyy', 'jj/mm/aaaa — dd/mm/yyyy', draft.dateFormat === 'dd/mm/yyyy'),
    option('yyyy-mm-dd', 'aaaa-mm-jj — yyyy-mm-dd', draft.dateFormat === 'yyyy-mm-dd'),
    option('mm/dd/yyyy', 'mm/jj/aaaa — mm/dd/yyyy', draft.dateFormat === 'mm/dd/yyyy'),
  ]);
  const kind = select('kind', [
    option('payments', messages.upload.kinds.payments, draft.kind === 'payments'),
    option('contracts', messages.upload.kinds.contracts, draft.kind === 'contracts'),
  ]);
  const currency = select('currency', [
    option('EUR', 'EUR (€)', draft.currency === 'EUR'),
    option('GBP', 'GBP (£)', draft.currency === 'GBP'),
  ]);
  const label = h('input', {
    name: 'label',
    type: 'text',
    required: true,
    autocomplete: 'off',
    value: draft.label,
  });
  const id = h('input', {
    name: 'id',
    type: 'text',
    required: true,
    autocomplete: 'off',
    pattern: '[a-z0-9][a-z0-9\\-]{0,63}',
    value: draft.id,
  });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, t.save);
  const form = h(
    'form',
    { class: 'mapping-new', 'aria-labelledby': 'mapping-new-heading' },
    h('h3', { id: 'mapping-new-heading' }, t.newProfile),
    field(t.headerLine, headerRow),
    columnsBox,
    h(
      'div',
      { class: 'grid' },
      field(t.decimal, decimal),
      field(t.dateFormat, dateFormat),
      field(messages.upload.kind, kind),
      field(t.currency, currency),
      field(t.label, label),
      field(t.id, id, t.idHint),
    ),
    errors,
    saveButton,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const columns: Record<string, string> = {};
    for (const [name, control] of columnSelects) if (control.value) columns[name] = control.value;
    const parsed = MappingProfileSchema.safeParse({
      version: 1,
      id: id.value.trim(),
      label: label.value.trim(),
      kind: kind.value,
      currency: currency.value,
      decimal: decimal.value,
      dateFormat: dateFormat.value,
      encoding: detection.encoding === 'utf-8-bom' ? 'utf-8' : detection.encoding,
      ...(detection.delimiter ? { delimiter: detection.delimiter } : {}),
      columns,
    });
    if (!parsed.success) {
      errors.hidden = false;
      errors.textContent = t.invalid(
        parsed.error.issues
          .map((issue) => `${issue.path.join('.') || 'profile'}: ${issue.message}`)
          .join('; '),
      );
      return;
    }
    errors.hidden = true;
    saveButton.disabled = true;
    actions
      .save(parsed.data)
      .catch((error: unknown) => {
        errors.hidden = false;
        errors.textContent = t.invalid((error as Error).message);
      })
      .finally(() => {
        saveButton.disabled = false;
      });
  });

  return h(
    'section',
    { class: 'mapping', 'aria-labelledby': 'mapping-heading', 'data-testid': 'mapping' },
    h('h2', { id: 'mapping-heading', tabindex: -1 }, t.heading),
    h('p', {}, t.intro),
    detection.columnReading
      ? h('p', { class: 'note' }, t.fromReading)
      : !detection.format && detection.bestGuess && h('p', { class: 'note' }, t.fromGuess),
    profiles.length > 0 && h('div', { class: 'inline' }, field(t.useSaved, saved), applyButton),
    form,
  );
}
