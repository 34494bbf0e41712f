import type { ApiClient } from '../api/api-client.ts';
import type { CognitoSession } from '../auth/cognito-session.ts';
import { field, h, option } from '../dom.ts';
import type { LanguageState } from '../i18n/language.ts';

/**
 * Sign-in: in the cloud a button to the user pool's hosted page; under `ancrage serve` a name and
 * the institution to work for (no password: the server only listens on this computer).
 */
export async function signInPage(
  api: ApiClient,
  i18n: LanguageState,
  cognito: CognitoSession | undefined,
  onSignedIn: () => void,
): Promise<HTMLElement> {
  const t = i18n.messages.signIn;
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const fail = (reason: unknown) => {
    error.hidden = false;
    error.textContent = t.failed((reason as Error).message);
  };
  if (cognito) {
    const button = h('button', { type: 'button', class: 'primary' }, t.cloudSubmit);
    button.addEventListener('click', () => void cognito.signIn().catch(fail));
    return h(
      'section',
      { class: 'sign-in' },
      h('h1', {}, t.heading),
      h('p', {}, t.cloudIntro),
      button,
      error,
    );
  }
  const name = h('input', {
    name: 'name',
    type: 'text',
    required: true,
    autocomplete: 'name',
    value: 'agent@ville.example',
  });
  const anchor = h('select', { name: 'anchor', required: true });
  try {
    const { anchors } = await api.localAnchors();
    anchor.append(...anchors.map((candidate) => option(candidate.id, `${candidate.name} (${candidate.id})`)));
  } catch (reason) {
    fail(reason);
  }
  const form = h(
    'form',
    { class: 'sign-in' },
    h('h1', {}, t.heading),
    h('p', {}, t.localIntro),
    field(t.name, name),
    field(t.anchor, anchor),
    error,
    h('button', { type: 'submit', class: 'primary' }, t.submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api.localSignIn({ name: name.value.trim(), anchorId: anchor.value }).then(onSignedIn).catch(fail);
  });
  return form;
}
