import type { MeResponse } from '../../../../shared/contracts/portal-api.ts';
import { h } from '../../dom.ts';
import type { Messages } from '../../i18n/messages.ts';
import { scopeOfferFor, type UploadScope } from './upload-scope.ts';

/** The administrator's choice, as a radio group a screen reader announces with its legend. */
function scopeChoice(
  messages: Messages,
  institution: string,
  chosen: UploadScope,
  onChange: (scope: UploadScope) => void,
): HTMLFieldSetElement {
  const t = messages.upload;
  const radio = (scope: UploadScope, label: string) => {
    const input = h('input', {
      type: 'radio',
      name: 'scope',
      id: `scope-${scope}`,
      value: scope,
      checked: scope === chosen,
    });
    input.addEventListener('change', () => {
      if (input.checked) onChange(scope);
    });
    return h('div', { class: 'radio' }, input, h('label', { for: input.id }, label));
  };
  return h(
    'fieldset',
    { class: 'scope-choice', 'data-testid': 'scope-choice' },
    h('legend', {}, t.scopeLegend),
    radio('anchor', t.scopeAnchor(institution)),
    radio('consortium', t.scopeConsortium),
  );
}

/** What the page says about where the files go, before the drop zone. */
export function scopeSection(
  messages: Messages,
  me: MeResponse,
  chosen: UploadScope,
  onChange: (scope: UploadScope) => void,
): HTMLElement | undefined {
  const offer = scopeOfferFor(me);
  if (offer === 'consortium')
    return h('p', { class: 'info', 'data-testid': 'consortium-wide' }, messages.upload.consortiumWide);
  if (offer === 'choice') return scopeChoice(messages, me.anchorName ?? me.anchorId, chosen, onChange);
  return undefined;
}
