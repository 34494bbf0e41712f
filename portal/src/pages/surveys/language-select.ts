import type { Language } from '../../../../shared/contracts/portal-api.ts';
import { h, option } from '../../dom.ts';
import { initialLanguage } from '../../i18n/language.ts';

/** The language of a survey's e-mail, French or English; `chosen` hears each change. */
export function languageSelect(
  attributes: { readonly id: string; readonly name: string },
  names: Readonly<Record<Language, string>>,
  selected: Language,
  chosen: (language: Language) => void,
): HTMLSelectElement {
  const select = h(
    'select',
    { ...attributes },
    option('fr', names.fr, selected === 'fr'),
    option('en', names.en, selected === 'en'),
  );
  // The select offers these two only: its value is one of them, read as the stored choice is.
  select.addEventListener('change', () => chosen(initialLanguage(select.value)));
  return select;
}
