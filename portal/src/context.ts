import type { MeResponse } from '../../shared/contracts/portal-api.ts';
import type { ApiClient } from './api/api-client.ts';
import type { LanguageState } from './i18n/language.ts';

/** What every page is given: the API, the language, who is signed in, and the polite live region. */
export interface PortalContext {
  readonly api: ApiClient;
  readonly i18n: LanguageState;
  readonly me: MeResponse;
  /** Says a change out loud to screen-reader users (an `aria-live="polite"` region). */
  announce(text: string): void;
}

/** A page owns its element and its state; `render` redraws it (after a language switch, say). */
export interface Page {
  readonly element: HTMLElement;
  render(): void;
  /** Stops timers and requests when the user leaves the page. */
  dispose(): void;
}
