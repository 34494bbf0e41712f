import type { SurveyOpened } from '../../../../shared/contracts/portal-api.ts';
import type { Page, PortalContext } from '../../context.ts';
import { h, preservingFocus, replace } from '../../dom.ts';
import { AnswersUploadView } from './answers-upload-view.ts';
import { CandidatesView } from './candidates-view.ts';
import { emailToSendView } from './email-to-send.ts';
import { InvitationsView } from './invitations-view.ts';

/**
 * « Enquêtes fournisseurs » (`#/surveys`): invite the anchor's suppliers to the local-multiplier
 * survey, hand on the links made (shown once), follow who answered, remind, set answers aside, and
 * import answers gathered elsewhere.
 */
export class SurveysPage implements Page {
  readonly element = h('div', { class: 'page surveys-page' });
  private readonly candidates: CandidatesView;
  private readonly invitations: InvitationsView;
  private readonly answers: AnswersUploadView;
  private readonly openedSection = h('section', {
    'aria-labelledby': 'opened-heading',
    'data-testid': 'opened',
  });
  /** The links of the survey just opened: kept in this page only, gone once the officer leaves it. */
  private opened: SurveyOpened | undefined;

  constructor(private readonly context: PortalContext) {
    this.invitations = new InvitationsView(context);
    this.candidates = new CandidatesView(context, (result) => this.showOpened(result));
    this.answers = new AnswersUploadView(context, () => void this.invitations.load());
    void this.candidates.load();
    void this.invitations.load();
  }

  dispose(): void {}

  private showOpened(result: SurveyOpened): void {
    this.opened = result;
    this.context.announce(this.context.i18n.messages.surveys.opened.done(result.invitations.length));
    this.render();
    this.openedSection.querySelector<HTMLElement>('h2')?.focus();
    void this.invitations.load();
  }

  private drawOpened(): void {
    const { messages, language } = this.context.i18n;
    const t = messages.surveys.opened;
    const opened = this.opened;
    if (!opened) return;
    replace(
      this.openedSection,
      h('h2', { id: 'opened-heading', tabindex: -1 }, t.heading),
      h('p', { class: 'info' }, t.done(opened.invitations.length)),
      h('p', { class: 'once-note' }, t.onceNote),
      opened.invitations.map((invitation, rank) =>
        emailToSendView(invitation, `opened-${rank}`, messages, language, this.context.announce),
      ),
    );
  }

  render(): void {
    preservingFocus(this.element, () => {
      const t = this.context.i18n.messages.surveys;
      this.candidates.render();
      this.drawOpened();
      this.invitations.render();
      this.answers.render();
      replace(
        this.element,
        h('h1', {}, t.heading),
        h('p', {}, t.intro),
        this.candidates.element,
        this.opened && this.openedSection,
        this.invitations.element,
        this.answers.element,
      );
    });
  }
}
