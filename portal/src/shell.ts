import type { MeResponse } from '../../shared/contracts/portal-api.ts';
import type { ApiClient } from './api/api-client.ts';
import type { Page, PortalContext } from './context.ts';
import { h, preservingFocus, replace } from './dom.ts';
import type { LanguageState } from './i18n/language.ts';
import { DatasetPage } from './pages/dataset/dataset-page.ts';
import { ReportsPage } from './pages/reports-page.ts';
import { SuppliersPage } from './pages/suppliers/suppliers-page.ts';
import { SurveysPage } from './pages/surveys/surveys-page.ts';
import { UploadPage } from './pages/upload/upload-page.ts';

type Route = {
  readonly name: 'upload' | 'suppliers' | 'surveys' | 'reports' | 'datasets';
  readonly supplierKey?: string;
  readonly datasetId?: string;
};

/**
 * `#/upload`, `#/suppliers`, `#/suppliers/<key>`, `#/surveys`, `#/reports`, `#/datasets/<id>`; anything else is
 * the upload page (which lists the datasets).
 */
export function parseRoute(hash: string): Route {
  const [, section, key] = /^#\/([a-z]+)(?:\/(.+))?$/.exec(hash) ?? [];
  // Not decoded: a dataset id is hexadecimal, and anything else is not found by the API alike.
  if (section === 'datasets' && key) return { name: 'datasets', datasetId: key };
  if (section === 'suppliers')
    return key ? { name: 'suppliers', supplierKey: decodeURIComponent(key) } : { name: 'suppliers' };
  if (section === 'surveys') return { name: 'surveys' };
  if (section === 'reports') return { name: 'reports' };
  return { name: 'upload' };
}

/** The switch to the other language, named in that language (and marked as such for screen readers). */
export function languageButton(i18n: LanguageState): HTMLButtonElement {
  const other = i18n.language === 'fr' ? 'en' : 'fr';
  const button = h(
    'button',
    {
      type: 'button',
      class: 'language',
      lang: other,
      'aria-label': i18n.messages.language.switchLabel,
      'data-testid': 'language',
    },
    i18n.messages.language.switchTo,
  );
  button.addEventListener('click', () => i18n.set(other));
  return button;
}

/**
 * The frame around every page: skip link, header with navigation, language switch and session, the
 * main region, and one polite live region for announcements. A language switch redraws in place.
 */
export class Shell {
  private page: Page | undefined;
  private readonly main = h('main', { id: 'content', tabindex: -1 });
  private readonly live = h('div', {
    class: 'visually-hidden',
    'aria-live': 'polite',
    'data-testid': 'live',
  });
  private readonly context: PortalContext;

  constructor(
    private readonly root: HTMLElement,
    api: ApiClient,
    private readonly i18n: LanguageState,
    private readonly me: MeResponse,
    private readonly signOut: () => Promise<void>,
  ) {
    this.context = {
      api,
      i18n,
      me,
      announce: (text) => {
        // Emptied first so the same words said twice are read twice.
        this.live.textContent = '';
        window.setTimeout(() => {
          this.live.textContent = text;
        }, 50);
      },
    };
  }

  start(): void {
    // Properties, not listeners: a new shell after signing in again replaces the old one's.
    window.onhashchange = () => this.navigate();
    this.i18n.onChange(() => this.redraw());
    this.navigate();
  }

  private navigate(): void {
    this.page?.dispose();
    const route = parseRoute(location.hash);
    this.page =
      route.name === 'suppliers'
        ? new SuppliersPage(this.context, route.supplierKey)
        : route.name === 'surveys'
          ? new SurveysPage(this.context)
          : route.name === 'reports'
            ? new ReportsPage(this.context)
            : route.name === 'datasets' && route.datasetId
              ? new DatasetPage(this.context, route.datasetId)
              : new UploadPage(this.context);
    this.redraw();
    this.main.focus();
  }

  private redraw(): void {
    preservingFocus(this.root, () => this.draw());
  }

  private draw(): void {
    const m = this.i18n.messages;
    document.documentElement.lang = this.i18n.language;
    document.title = m.appName;
    const route = parseRoute(location.hash).name;
    const link = (name: Route['name'], label: string) =>
      h('a', { href: `#/${name}`, 'aria-current': route === name ? 'page' : undefined }, label);
    const switchButton = h(
      'button',
      {
        type: 'button',
        class: 'language',
        lang: this.i18n.language === 'fr' ? 'en' : 'fr',
        'data-testid': 'language',
      },
      m.language.switchTo,
    );
    switchButton.setAttribute('aria-label', m.language.switchLabel);
    switchButton.addEventListener('click', () => this.i18n.set(this.i18n.language === 'fr' ? 'en' : 'fr'));
    const signOutButton = h('button', { type: 'button' }, m.session.signOut);
    signOutButton.addEventListener('click', () => void this.signOut());
    this.page?.render();
    const skipLink = h('a', { href: '#content', class: 'skip-link' }, m.skipToContent);
    // The fragment is the router's: focus the main region instead of following the link.
    skipLink.addEventListener('click', (event) => {
      event.preventDefault();
      this.main.focus();
    });
    replace(
      this.root,
      skipLink,
      h(
        'header',
        { class: 'top' },
        h('p', { class: 'brand' }, m.appName),
        h(
          'nav',
          { 'aria-label': m.nav.label },
          h(
            'ul',
            {},
            h('li', {}, link('upload', m.nav.upload)),
            h('li', {}, link('suppliers', m.nav.suppliers)),
            h('li', {}, link('surveys', m.nav.surveys)),
            h('li', {}, link('reports', m.nav.reports)),
          ),
        ),
        h(
          'div',
          { class: 'session' },
          h('span', {}, m.session.signedInAs(this.me.name, this.me.anchorName ?? this.me.anchorId)),
          languageButton(this.i18n),
          signOutButton,
        ),
      ),
      this.main,
      this.live,
    );
    if (this.page) replace(this.main, this.page.element);
  }
}
