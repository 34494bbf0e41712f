import {
  type Language,
  SURVEY_LIMITS,
  type SurveyCandidate,
  type SurveyOpened,
} from '../../../../shared/contracts/portal-api.ts';
import type { PortalContext } from '../../context.ts';
import { field, h, replace } from '../../dom.ts';
import { formatCentsIn } from '../../i18n/format.ts';
import type { ListPage } from '../paged-list.ts';
import { PagedSection } from '../paged-section.ts';
import { pagerView } from '../pager-view.ts';
import { CandidateSelection, parseValidDays } from './candidate-selection.ts';
import { languageSelect } from './language-select.ts';

const PAGE_SIZE = 25;

/**
 * The anchor's suppliers to invite, local ones first and the largest first (as the API orders
 * them), a page at a time; the ticks are kept across pages. The form under the table opens the
 * survey for those ticked and hands the links made to `opened`.
 */
export class CandidatesView extends PagedSection<SurveyCandidate> {
  readonly element = h('section', { 'aria-labelledby': 'candidates-heading', 'data-testid': 'candidates' });
  private readonly selection = new CandidateSelection();
  private validDays = String(SURVEY_LIMITS.defaultValidDays);
  private emailLanguage: Language;
  private formError: string | undefined;
  private opening = false;

  constructor(
    context: PortalContext,
    private readonly opened: (result: SurveyOpened) => void,
  ) {
    super(context);
    this.emailLanguage = context.i18n.language;
  }

  /** The first page again: after a survey is opened, who is invited has changed. */
  async load(): Promise<void> {
    try {
      await this.list.reload();
      this.error = undefined;
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.render();
  }

  protected async fetchPage(cursor: string | undefined): Promise<ListPage<SurveyCandidate>> {
    const page = await this.context.api.surveyCandidates({ cursor, limit: PAGE_SIZE });
    return { items: page.candidates, total: page.total, nextCursor: page.nextCursor };
  }

  protected caption(): string {
    return this.rangeCaption(this.context.i18n.messages.surveys.candidates.caption);
  }

  private async open(): Promise<void> {
    const t = this.context.i18n.messages.surveys.candidates;
    const validDays = parseValidDays(this.validDays);
    this.formError =
      this.selection.size === 0 ? t.noneChosen : validDays === undefined ? t.validDaysInvalid : undefined;
    if (this.formError || validDays === undefined) return this.render();
    this.opening = true;
    this.context.announce(t.opening);
    this.render();
    try {
      const result = await this.context.api.openSurvey({
        supplierKeys: this.selection.keys,
        validDays,
        language: this.emailLanguage,
      });
      this.selection.clear();
      this.opened(result);
      await this.list.reload();
    } catch (error) {
      this.formError = (error as Error).message;
    }
    this.opening = false;
    this.render();
  }

  private checkbox(candidate: SurveyCandidate, index: number, chosen: HTMLElement): HTMLInputElement {
    const t = this.context.i18n.messages.surveys.candidates;
    const box = h('input', {
      type: 'checkbox',
      id: `candidate-${index}`,
      checked: this.selection.has(candidate.key),
      'aria-label': t.choose(candidate.name || candidate.key),
      'data-testid': `choose-${index}`,
    });
    // The count is updated in place: a redraw under a tick would be noise to a screen reader.
    box.addEventListener('change', () => {
      if (!this.selection.set(candidate.key, box.checked)) {
        box.checked = false;
        chosen.textContent = t.tooMany(SURVEY_LIMITS.maxSuppliersPerOpening);
        return;
      }
      chosen.textContent = t.chosen(this.selection.size);
    });
    return box;
  }

  private form(chosen: HTMLElement): HTMLFormElement {
    const { messages } = this.context.i18n;
    const t = messages.surveys.candidates;
    const days = h('input', {
      id: 'survey-valid-days',
      type: 'number',
      name: 'validDays',
      min: SURVEY_LIMITS.minValidDays,
      max: SURVEY_LIMITS.maxValidDays,
      step: 1,
      required: true,
      value: this.validDays,
    });
    days.addEventListener('input', () => {
      this.validDays = days.value;
    });
    const language = languageSelect(
      { id: 'survey-email-language', name: 'emailLanguage' },
      t.languages,
      this.emailLanguage,
      (chosen) => {
        this.emailLanguage = chosen;
      },
    );
    const form = h(
      'form',
      { class: 'invite', novalidate: true },
      chosen,
      h(
        'div',
        { class: 'grid' },
        field(t.validDays, days, t.validDaysHint),
        field(t.emailLanguage, language, t.emailLanguageHint),
      ),
      this.formError && h('p', { class: 'error', role: 'alert' }, this.formError),
      h(
        'button',
        { type: 'submit', class: 'primary', disabled: this.opening, 'data-testid': 'open-survey' },
        t.open,
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.open();
    });
    return form;
  }

  protected draw(): void {
    const { messages, language } = this.context.i18n;
    const t = messages.surveys.candidates;
    const chosen = h(
      'p',
      { class: 'info', 'aria-live': 'polite', 'data-testid': 'chosen' },
      t.chosen(this.selection.size),
    );
    replace(
      this.element,
      h('h2', { id: 'candidates-heading' }, t.heading),
      h('p', {}, t.intro),
      ...this.listBody(
        t.none,
        t.columns,
        (candidate, index) => [
          this.checkbox(candidate, index, chosen),
          h(
            'a',
            { href: `#/suppliers/${encodeURIComponent(candidate.key)}` },
            candidate.name || candidate.key,
          ),
          [candidate.ringLabel[language], candidate.local && h('span', { class: 'badge' }, t.local)],
          formatCentsIn(candidate.amountCents, candidate.currency, language),
          candidate.invited ? t.invited : t.notInvited,
        ],
        new Set([3]),
      ),
      pagerView(
        this.list,
        { previous: t.previous, previousLabel: t.previousLabel, next: t.next, nextLabel: t.nextLabel },
        'candidates',
        (to) => void this.turn(to),
      ),
      this.list.items.length > 0 && this.form(chosen),
    );
  }
}
