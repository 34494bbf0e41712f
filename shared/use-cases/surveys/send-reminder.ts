import { type Language, SURVEY_LIMITS, type SurveyReminder } from '../../contracts/portal-api.ts';
import type { SurveyRecord } from '../../ports/surveys.ts';
import { institutionLabel } from '../institution-name.ts';
import type { Caller } from '../portal.ts';
import type { SurveyDependencies } from './survey-dependencies.ts';
import { surveyEmail } from './survey-email.ts';
import { refuse, type SurveyOutcome } from './survey-refusal.ts';
import { linkExpiry, newSurveyToken, surveyLink, tokenSha256 } from './survey-tokens.ts';
import { changeSurvey } from './write-survey.ts';

export interface ReminderRequest {
  readonly supplierKey: string;
  readonly language?: Language | undefined;
  /** Where SES sends it, when the stack has a sender; else ignored and the text returned. */
  readonly email?: string | undefined;
  readonly origin: string;
}

/**
 * A reminder to a supplier that has not answered: a fresh link (the previous one stops working, so a
 * forwarded or leaked old e-mail opens nothing) valid as long as the first, and its e-mail text; sent
 * through SES when the stack has a sender and an address is given.
 */
export async function sendReminder(
  deps: SurveyDependencies,
  caller: Caller,
  request: ReminderRequest,
): Promise<SurveyOutcome<SurveyReminder>> {
  const now = deps.clock.now();
  const token = newSurveyToken();
  const written = await changeSurvey(
    deps.surveys,
    () => deps.surveys.getSurvey(caller.anchorId, request.supplierKey),
    (
      stored,
    ):
      | { write: SurveyRecord; result: SurveyOutcome<SurveyRecord> }
      | { refuse: SurveyOutcome<SurveyRecord> } => {
      const invitation = stored?.record.invitation;
      if (!stored || !invitation) {
        return { refuse: refuse('not-found', 'no survey of your institution was opened for this supplier') };
      }
      if (stored.record.answer) return { refuse: refuse('conflict', 'this supplier has answered already') };
      if (stored.record.withdrawnAt) {
        return { refuse: refuse('conflict', 'this supplier declined the survey: it is not reminded') };
      }
      if (invitation.reminders.length >= SURVEY_LIMITS.maxReminders) {
        const message = `this supplier was reminded ${SURVEY_LIMITS.maxReminders} times already: open its survey again for a new link`;
        return { refuse: refuse('conflict', message) };
      }
      const record: SurveyRecord = {
        ...stored.record,
        invitation: {
          ...invitation,
          language: request.language ?? invitation.language,
          expiresAt: linkExpiry(now, invitation.validDays).toISOString(),
          tokenSha256: tokenSha256(token),
          tokenUse: 'unused',
          reminders: [...invitation.reminders, now.toISOString()],
        },
      };
      return { write: record, result: { ok: true, value: record } };
    },
  );
  if (!written.ok) return written;
  const invitation = written.value.invitation;
  if (!invitation) throw new Error('a reminder was written without its invitation');
  const link = surveyLink(request.origin, token);
  const expiresAt = new Date(invitation.expiresAt);
  const institution = await institutionLabel(deps, caller.anchorId);
  const email = surveyEmail(
    { institution, supplierName: written.value.supplierName, link, expiresAt, reminder: true },
    invitation.language,
  );
  const sendTo = deps.mailer && request.email ? request.email : undefined;
  if (sendTo) await deps.mailer?.send({ to: sendTo, ...email });
  return { ok: true, value: { link, expiresAt: invitation.expiresAt, email, sentTo: sendTo ?? null } };
}
