import { field, h } from '../../dom.ts';
import type { Messages } from '../../i18n/messages.ts';

/**
 * A text to hand on (a link, an e-mail's subject or body): shown read-only in a labelled control, so
 * it can be selected by hand, with a button that copies it. Where the browser refuses the clipboard
 * (no permission, not a secure context), the text is selected for the officer to copy instead.
 */
export function copyField(
  label: string,
  value: string,
  words: Messages['surveys']['opened'],
  announce: (text: string) => void,
  /** `testId` is the control's id as well: unique on the page, and stable, so a redraw keeps the focus on it. */
  options: { readonly multiline?: boolean; readonly testId: string },
): HTMLDivElement {
  const control = options.multiline
    ? h(
        'textarea',
        {
          id: options.testId,
          readonly: true,
          rows: Math.min(16, value.split('\n').length + 1),
          'data-testid': options.testId,
        },
        value,
      )
    : h('input', { id: options.testId, type: 'text', readonly: true, value, 'data-testid': options.testId });
  const button = h('button', { type: 'button', 'aria-label': words.copyLabel(label) }, words.copy);
  button.addEventListener('click', () => {
    // Through a promise: `navigator.clipboard` itself is missing outside a secure context.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(value))
      .then(() => announce(words.copied))
      .catch(() => {
        control.focus();
        control.select();
        announce(words.copyFailed);
      });
  });
  const wrapper = field(label, control);
  wrapper.classList.add('copy-field');
  wrapper.append(button);
  return wrapper;
}
