import type { Language } from '../../../../shared/contracts/portal-api.ts';
import { h, option } from '../../dom.ts';

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
  select.addEventListener('change', () => chosen(languageOf(select)));
  return select;
}

/** The language a select holds. */
export const languageOf = (select: HTMLSelectElement): Language => (select.value === 'en' ? 'en' : 'fr');
