import type { InvitationStatus, SurveyAnswerSummary, SurveyInvitation } from '../../contracts/portal-api.ts';
import { localRespendShare } from '../../domain/multiplier/survey-answer.ts';
import type { SurveyRecord } from '../../ports/surveys.ts';
import type { SupplierSpendTotal } from '../portal-supplier-spend.ts';

/** Where a survey stands: an answer in force wins; else a withdrawal; else whether the link still works. */
export function statusOf(record: SurveyRecord, now: Date): InvitationStatus {
  if (record.answer) return 'answered';
  if (record.withdrawnAt) return 'withdrawn';
  const expiresAt = record.invitation?.expiresAt;
  return expiresAt && Date.parse(expiresAt) <= now.getTime() ? 'expired' : 'open';
}

function answerSummary(record: SurveyRecord): SurveyAnswerSummary | null {
  const recorded = record.answer;
  if (!recorded) return null;
  return {
    answeredOn: recorded.answeredOn,
    source: recorded.source,
    respondentRole: recorded.answer.respondentRole,
    localRespendPercent: Math.round(localRespendShare(recorded.answer) * 1000) / 10,
    setAside: recorded.setAside,
  };
}

/**
 * A survey as the officer sees it. An answer imported without an invitation had no link: its
 * `invitedAt` and `expiresAt` are the moment it was imported.
 */
export function invitationView(
  record: SurveyRecord,
  spend: SupplierSpendTotal | undefined,
  now: Date,
): SurveyInvitation {
  const invitation = record.invitation;
  return {
    supplierKey: record.supplierKey,
    supplierName: spend?.name ?? record.supplierName,
    amountCents: spend?.amountCents ?? 0,
    currency: spend?.currency ?? null,
    language: invitation?.language ?? 'fr',
    invitedAt: invitation?.invitedAt ?? record.createdAt,
    expiresAt: invitation?.expiresAt ?? record.createdAt,
    status: statusOf(record, now),
    remindersSent: invitation?.reminders.length ?? 0,
    lastReminderAt: invitation?.reminders.at(-1) ?? null,
    answer: answerSummary(record),
  };
}
