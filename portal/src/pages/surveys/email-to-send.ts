import type { Language, SurveyEmail } from '../../../../shared/contracts/portal-api.ts';
import { h } from '../../dom.ts';
import { formatInstant } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import { copyField } from './copy-field.ts';

/** What the officer hands on to one supplier: its link, until when it works, and the e-mail to send. */
export interface EmailToSend {
  readonly supplierKey: string;
  readonly supplierName: string;
  readonly link: string;
  readonly expiresAt: string;
  readonly email: SurveyEmail;
}

/**
 * One supplier's link and e-mail, each with a copy button. `testId` names the block and prefixes its
 * fields' (a supplier key may hold any character), so a test can follow the link it means to.
 */
export function emailToSendView(
  item: EmailToSend,
  testId: string,
  messages: Messages,
  language: Language,
  announce: (text: string) => void,
): HTMLElement {
  const t = messages.surveys.opened;
  const name = item.supplierName || item.supplierKey;
  return h(
    'article',
    { class: 'email-to-send', 'data-testid': testId },
    h('h3', {}, name),
    h('p', {}, t.expires(formatInstant(item.expiresAt, language))),
    copyField(t.link(name), item.link, t, announce, { testId: `${testId}-link` }),
    copyField(t.subject(name), item.email.subject, t, announce, { testId: `${testId}-subject` }),
    copyField(t.body(name), item.email.body, t, announce, { multiline: true, testId: `${testId}-body` }),
  );
}
