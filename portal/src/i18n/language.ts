import type { Language } from '../../../shared/contracts/portal-api.ts';
import type { Messages } from './messages.ts';
import { en } from './messages-en.ts';
import { fr } from './messages-fr.ts';

export const MESSAGES: Readonly<Record<Language, Messages>> = { fr, en };

const STORAGE_KEY = 'ancrage.language';

/** The part of `localStorage` used (typed here, so the module compiles without the DOM library too). */
export interface LanguageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** French unless the user chose English before; anything else stored is ignored. */
export function initialLanguage(stored: string | null): Language {
  return stored === 'en' ? 'en' : 'fr';
}

/** The chosen language, persisted in the browser, with listeners that re-render on a switch. */
export class LanguageState {
  private current: Language;
  private listener: () => void = () => {};

  constructor(private readonly storage: LanguageStorage) {
    this.current = initialLanguage(storage.getItem(STORAGE_KEY));
  }

  get language(): Language {
    return this.current;
  }

  get messages(): Messages {
    return MESSAGES[this.current];
  }

  set(language: Language): void {
    this.current = language;
    this.storage.setItem(STORAGE_KEY, language);
    this.listener();
  }

  /** One frame is on screen at a time: the new listener replaces the previous one. */
  onChange(listener: () => void): void {
    this.listener = listener;
  }
}
