import type { Language, SurveyInvitation } from '../../../../shared/contracts/portal-api.ts';
import { formatDate, formatInstant, formatShare } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';

/** The invitations' words; these functions stay apart from the DOM, for tests to read them. */
type Words = Messages['surveys']['invitations'];

/** An invitation's state in words: an answer the officer set aside is said apart from one in use. */
export function statusLabel(invitation: SurveyInvitation, t: Words): string {
  if (invitation.status === 'answered' && invitation.answer?.setAside) return t.setAside;
  return t.statuses[invitation.status];
}

/**
 * Whether a reminder may be sent: to a supplier that has not answered, its link still open or
 * expired. One that answered, or withdrew its answer, has said what it meant to.
 */
export function canRemind(invitation: SurveyInvitation): boolean {
  return invitation.status === 'open' || invitation.status === 'expired';
}

/** What may be done with the answer: set it aside, use it again once set aside, or nothing without one. */
export function answerAction(invitation: SurveyInvitation): 'set-aside' | 'use-again' | undefined {
  if (!invitation.answer) return undefined;
  return invitation.answer.setAside ? 'use-again' : 'set-aside';
}

/** "2, last on 3 Dec 2026", or "none". */
export function remindersText(invitation: SurveyInvitation, t: Words, language: Language): string {
  if (invitation.remindersSent === 0 || invitation.lastReminderAt === null) return t.noReminder;
  return t.reminders(invitation.remindersSent, formatInstant(invitation.lastReminderAt, language));
}

/** The answer in force, in one line, and why it was set aside when it was. */
export function answerText(
  invitation: SurveyInvitation,
  t: Words,
  language: Language,
): { readonly summary: string; readonly setAside: string | undefined } | undefined {
  const answer = invitation.answer;
  if (!answer) return undefined;
  return {
    summary: t.answer(
      formatShare(answer.localRespendPercent / 100, language),
      answer.respondentRole,
      formatDate(answer.answeredOn, language),
      t.sources[answer.source],
    ),
    setAside: answer.setAside
      ? t.setAsideBecause(
          answer.setAside.reason,
          answer.setAside.by,
          formatInstant(answer.setAside.at, language),
        )
      : undefined,
  };
}
