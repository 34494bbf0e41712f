import { h } from '../../dom.ts';
import type { Messages } from '../../i18n/messages.ts';

/**
 * A drop zone that is also a plain file input: the input stays in the tab order (the zone shows its
 * focus ring), so Enter or Space opens the file picker without a mouse.
 */
export function dropZone(messages: Messages, onFile: (file: File) => void): HTMLElement {
  const input = h('input', {
    type: 'file',
    id: 'file-input',
    class: 'visually-hidden',
    accept: '.csv,.txt,.json,.tsv,text/csv,application/json',
    'aria-describedby': 'drop-zone-hint',
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onFile(file);
  });
  const zone = h(
    'div',
    { class: 'drop-zone', 'data-testid': 'drop-zone' },
    input,
    h('label', { for: 'file-input', class: 'drop-zone-label' }, messages.upload.dropZone),
    h('p', { id: 'drop-zone-hint', class: 'hint' }, messages.upload.dropZoneHint),
    h('span', { class: 'button', 'aria-hidden': 'true' }, messages.upload.chooseFile),
  );
  zone.addEventListener('click', (event) => {
    if (event.target !== input && !(event.target instanceof HTMLLabelElement)) input.click();
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
  return zone;
}
