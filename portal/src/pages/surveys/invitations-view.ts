import type { SurveyInvitation, SurveyList } from '../../../../shared/contracts/portal-api.ts';
import type { PortalContext } from '../../context.ts';
import { h, preservingFocus, replace, table } from '../../dom.ts';
import { formatCentsIn, formatDate } from '../../i18n/format.ts';
import { keepFocusIn } from '../pager-view.ts';
import { type OpenAction, SurveyActionPanel } from './survey-action-panel.ts';
import { answerAction, answerText, canRemind, remindersText, statusLabel } from './survey-text.ts';

/**
 * Who was invited, who answered and who did not: the counts, then one row per supplier with its
 * link's dates, its reminders and its answer, and what may be done — a reminder to one that has not
 * answered, setting an answer aside with a reason or using it again. The form for a reminder or a
 * reason opens under the table.
 */
export class InvitationsView {
  readonly element = h('section', { 'aria-labelledby': 'invitations-heading', 'data-testid': 'invitations' });
  private list: SurveyList | undefined;
  private error: string | undefined;
  private notice: string | undefined;
  private readonly panel: SurveyActionPanel;

  constructor(private readonly context: PortalContext) {
    this.panel = new SurveyActionPanel(context, (notice) => void this.changed(notice));
  }

  async load(): Promise<void> {
    try {
      this.list = await this.context.api.surveys();
      this.error = undefined;
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.render();
  }

  /**
   * After a reminder or a change of an answer: said, and the list read again. The button pressed is
   * gone with the redraw: the keyboard goes to the table then, not back to the top of the page.
   */
  private async changed(notice: string | undefined): Promise<void> {
    this.notice = notice;
    if (notice) this.context.announce(notice);
    await this.load();
    keepFocusIn(this.element);
  }

  private async useAgain(invitation: SurveyInvitation): Promise<void> {
    const t = this.context.i18n.messages.surveys.invitations;
    try {
      await this.context.api.setSurveyAnswerAside(invitation.supplierKey, { reason: null });
      await this.changed(t.usedAgain(invitation.supplierName || invitation.supplierKey));
    } catch (error) {
      this.error = (error as Error).message;
      this.render();
    }
  }

  private act(action: OpenAction): void {
    this.notice = undefined;
    this.panel.open(action);
    this.render();
    this.panel.focus();
  }

  private actions(invitation: SurveyInvitation, index: number): HTMLElement[] {
    const t = this.context.i18n.messages.surveys.invitations;
    const name = invitation.supplierName || invitation.supplierKey;
    const button = (text: string, label: string, testId: string, onClick: () => void) => {
      const element = h('button', { type: 'button', 'aria-label': label, 'data-testid': testId }, text);
      element.addEventListener('click', onClick);
      return element;
    };
    const buttons: HTMLElement[] = [];
    if (canRemind(invitation)) {
      buttons.push(
        button(t.remind, t.remindLabel(name), `remind-${index}`, () =>
          this.act({ kind: 'remind', invitation }),
        ),
      );
    }
    const onAnswer = answerAction(invitation);
    if (onAnswer === 'set-aside') {
      buttons.push(
        button(t.setAsideAction, t.setAsideLabel(name), `set-aside-${index}`, () =>
          this.act({ kind: 'set-aside', invitation }),
        ),
      );
    } else if (onAnswer === 'use-again') {
      buttons.push(
        button(t.useAgain, t.useAgainLabel(name), `use-again-${index}`, () => void this.useAgain(invitation)),
      );
    }
    return buttons;
  }

  render(): void {
    preservingFocus(this.element, () => this.draw());
  }

  private draw(): void {
    const { messages, language } = this.context.i18n;
    const t = messages.surveys.invitations;
    const list = this.list;
    this.panel.render();
    replace(
      this.element,
      h('h2', { id: 'invitations-heading' }, t.heading),
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      h('p', { class: 'note', role: 'status', 'data-testid': 'invitations-notice' }, this.notice ?? ''),
      list &&
        h('p', { class: 'info', 'data-testid': 'survey-counts' }, t.counts(list.answered, list.notAnswered)),
      list &&
        (list.invitations.length === 0
          ? h('p', {}, t.none)
          : table(
              t.caption,
              t.columns,
              list.invitations.map((invitation, index) => {
                const answer = answerText(invitation, t, language);
                return [
                  invitation.supplierName || invitation.supplierKey,
                  formatCentsIn(invitation.amountCents, invitation.currency, language),
                  h('span', { 'data-testid': 'invitation-status' }, statusLabel(invitation, t)),
                  formatDate(invitation.invitedAt, language),
                  formatDate(invitation.expiresAt, language),
                  remindersText(invitation, t, language),
                  answer
                    ? [
                        h('p', {}, answer.summary),
                        answer.setAside && h('p', { class: 'set-aside' }, answer.setAside),
                      ]
                    : t.noAnswer,
                  h('div', { class: 'actions' }, ...this.actions(invitation, index)),
                ];
              }),
              new Set([1]),
            )),
      this.panel.element,
    );
  }
}
