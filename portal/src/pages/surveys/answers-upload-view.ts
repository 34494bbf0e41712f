import { SURVEY_LIMITS, type SurveyAnswersImport } from '../../../../shared/contracts/portal-api.ts';
import type { PortalContext } from '../../context.ts';
import { field, h, preservingFocus, replace, table } from '../../dom.ts';
import { formatBytes, formatCount } from '../../i18n/format.ts';

/**
 * A CSV of answers gathered another way (by telephone, on paper): read in the browser as UTF-8 and
 * sent as text; the API checks each row and says which it refused, by line number and why.
 */
export class AnswersUploadView {
  readonly element = h('section', { 'aria-labelledby': 'answers-heading', 'data-testid': 'answers-upload' });
  private result: SurveyAnswersImport | undefined;
  private error: string | undefined;
  private busy = false;

  constructor(
    private readonly context: PortalContext,
    /** Told after answers were accepted: the invitations list shows them. */
    private readonly imported: () => void,
  ) {}

  private async send(file: File | undefined): Promise<void> {
    const { messages, language } = this.context.i18n;
    const t = messages.surveys.answers;
    this.result = undefined;
    this.error = !file
      ? t.noFile
      : file.size > SURVEY_LIMITS.maxAnswersCsvBytes
        ? t.tooLarge(formatBytes(file.size, language))
        : undefined;
    if (!file || this.error) return this.render();
    this.busy = true;
    this.render();
    try {
      this.result = await this.context.api.uploadSurveyAnswers({ csv: await file.text() }, language);
      this.context.announce(t.result(this.result.accepted, this.result.rejected.length));
      if (this.result.accepted > 0) this.imported();
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.busy = false;
    this.render();
  }

  render(): void {
    preservingFocus(this.element, () => this.draw());
  }

  private draw(): void {
    const { messages, language } = this.context.i18n;
    const t = messages.surveys.answers;
    const input = h('input', {
      id: 'answers-file',
      type: 'file',
      name: 'answersFile',
      accept: '.csv,text/csv',
    });
    const form = h(
      'form',
      {},
      field(t.file, input, t.fileHint),
      h('button', { type: 'submit', disabled: this.busy, 'data-testid': 'send-answers' }, t.send),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send(input.files?.[0]);
    });
    const result = this.result;
    replace(
      this.element,
      h('h2', { id: 'answers-heading' }, t.heading),
      h('p', {}, t.intro),
      form,
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      result &&
        h(
          'p',
          { class: 'info', 'data-testid': 'answers-result' },
          t.result(result.accepted, result.rejected.length),
        ),
      result &&
        result.rejected.length > 0 &&
        table(
          t.rejectedCaption,
          t.rejectedColumns,
          result.rejected.map((row) => [formatCount(row.line, language), row.reason]),
          new Set([0]),
        ),
    );
  }
}
