import {
  type Language,
  SURVEY_LIMITS,
  type SurveyInvitation,
  type SurveyReminder,
} from '../../../../shared/contracts/portal-api.ts';
import type { PortalContext } from '../../context.ts';
import { field, h, preservingFocus, replace } from '../../dom.ts';
import { emailToSendView } from './email-to-send.ts';
import { languageSelect } from './language-select.ts';

/** The form opened from a row of the invitations: a reminder, or the reason to set an answer aside. */
export type OpenAction =
  | { readonly kind: 'remind'; readonly invitation: SurveyInvitation }
  | { readonly kind: 'set-aside'; readonly invitation: SurveyInvitation };

/**
 * Under the invitations, the one form an officer has opened from a row, then what came of it: the
 * reminder's new link and e-mail to copy (or the address the server sent it to), or the answer set
 * aside. `changed` is told once the API has taken the change, with the words to say.
 */
export class SurveyActionPanel {
  readonly element = h('section', { class: 'survey-action', 'data-testid': 'survey-action' });
  private action: OpenAction | undefined;
  private reminder: { readonly invitation: SurveyInvitation; readonly result: SurveyReminder } | undefined;
  private error: string | undefined;
  private busy = false;
  /** What was typed in the open form, kept through a redraw (a refusal shown, a language switch). */
  private typed = { email: '', language: undefined as Language | undefined, reason: '' };

  constructor(
    private readonly context: PortalContext,
    private readonly changed: (notice: string | undefined) => void,
  ) {}

  open(action: OpenAction): void {
    this.action = action;
    this.reminder = undefined;
    this.error = undefined;
    this.typed = { email: '', language: undefined, reason: '' };
  }

  /** The keyboard goes to the form's heading, for a screen reader to read on from there. */
  focus(): void {
    this.element.querySelector<HTMLElement>('h3')?.focus();
  }

  private close(): void {
    this.action = undefined;
    this.render();
  }

  private async run(work: () => Promise<string | undefined>): Promise<void> {
    this.busy = true;
    this.render();
    try {
      const notice = await work();
      this.action = undefined;
      this.error = undefined;
      this.changed(notice);
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.busy = false;
    this.render();
    // A reminder's new link is what the officer came for: the keyboard goes to it.
    this.element.querySelector<HTMLElement>('[data-testid="reminder-link"]')?.focus();
  }

  private remindForm(invitation: SurveyInvitation, name: string): HTMLFormElement {
    const { messages } = this.context.i18n;
    const t = messages.surveys.reminder;
    const email = h('input', {
      id: 'reminder-email',
      type: 'email',
      name: 'reminderEmail',
      autocomplete: 'off',
      maxlength: SURVEY_LIMITS.maxReminderEmailChars,
      value: this.typed.email,
    });
    email.addEventListener('input', () => {
      this.typed.email = email.value;
    });
    const chosenLanguage = this.typed.language ?? invitation.language;
    const language = languageSelect(
      { id: 'reminder-language', name: 'reminderLanguage' },
      messages.surveys.candidates.languages,
      chosenLanguage,
      (chosen) => {
        this.typed.language = chosen;
      },
    );
    const form = this.panelForm(
      t.heading(name),
      t.intro,
      [field(t.email, email, t.emailHint), field(messages.surveys.candidates.emailLanguage, language)],
      t.send,
      t.cancel,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const address = email.value.trim();
      const chosen = this.typed.language ?? invitation.language;
      void this.run(async () => {
        const result = await this.context.api.remindSurvey(invitation.supplierKey, {
          language: chosen,
          ...(address ? { email: address } : {}),
        });
        this.reminder = { invitation, result };
        return result.sentTo ? t.sentTo(result.sentTo) : t.ready(name);
      });
    });
    return form;
  }

  private setAsideForm(invitation: SurveyInvitation, name: string): HTMLFormElement {
    const t = this.context.i18n.messages.surveys.setAside;
    const reason = h('textarea', {
      id: 'set-aside-reason',
      name: 'setAsideReason',
      required: true,
      maxlength: SURVEY_LIMITS.maxSetAsideReasonChars,
      rows: 2,
    });
    reason.value = this.typed.reason;
    reason.addEventListener('input', () => {
      this.typed.reason = reason.value;
    });
    const form = this.panelForm(
      t.heading(name),
      t.intro,
      [field(t.reason, reason, t.reasonHint)],
      t.submit,
      t.cancel,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = reason.value.trim();
      if (!text) {
        this.error = t.reasonHint;
        return this.render();
      }
      void this.run(async () => {
        await this.context.api.setSurveyAnswerAside(invitation.supplierKey, { reason: text });
        return t.done(name);
      });
    });
    return form;
  }

  private panelForm(
    heading: string,
    intro: string,
    fields: readonly HTMLElement[],
    submit: string,
    cancel: string,
  ): HTMLFormElement {
    const cancelButton = h('button', { type: 'button' }, cancel);
    cancelButton.addEventListener('click', () => this.close());
    return h(
      'form',
      { class: 'panel', 'aria-labelledby': 'survey-action-heading' },
      h('h3', { id: 'survey-action-heading', tabindex: -1 }, heading),
      h('p', {}, intro),
      ...fields,
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'submit', class: 'primary', disabled: this.busy, 'data-testid': 'action-submit' },
          submit,
        ),
        cancelButton,
      ),
    );
  }

  render(): void {
    preservingFocus(this.element, () => this.draw());
  }

  private draw(): void {
    const { messages, language } = this.context.i18n;
    const action = this.action;
    const reminder = this.reminder;
    const name = (invitation: SurveyInvitation) => invitation.supplierName || invitation.supplierKey;
    replace(
      this.element,
      action?.kind === 'remind' && this.remindForm(action.invitation, name(action.invitation)),
      action?.kind === 'set-aside' && this.setAsideForm(action.invitation, name(action.invitation)),
      !action && this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      !action &&
        reminder &&
        (reminder.result.sentTo
          ? h(
              'p',
              { class: 'note', 'data-testid': 'reminder-sent' },
              messages.surveys.reminder.sentTo(reminder.result.sentTo),
            )
          : [
              h('p', { class: 'once-note' }, messages.surveys.opened.onceNote),
              emailToSendView(
                {
                  ...reminder.result,
                  supplierKey: reminder.invitation.supplierKey,
                  supplierName: name(reminder.invitation),
                },
                'reminder',
                messages,
                language,
                this.context.announce,
              ),
            ]),
    );
  }
}
