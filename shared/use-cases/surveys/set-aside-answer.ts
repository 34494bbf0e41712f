import type { SurveyInvitation } from '../../contracts/portal-api.ts';
import type { SurveyRecord } from '../../ports/surveys.ts';
import type { Caller } from '../portal.ts';
import { listedAnchorSuppliers } from '../portal-suppliers.ts';
import type { SurveyDependencies } from './survey-dependencies.ts';
import { refuse, type SurveyOutcome } from './survey-refusal.ts';
import { invitationView } from './survey-status.ts';
import { changeSurvey } from './write-survey.ts';

/**
 * Sets a doubted answer aside with a reason (reports then leave it out), or puts it back in use
 * (`reason` null). Who did it and when are kept with it.
 */
export async function setAsideAnswer(
  deps: Pick<SurveyDependencies, 'surveys' | 'datasets' | 'clock'>,
  caller: Caller,
  request: { readonly supplierKey: string; readonly reason: string | null },
): Promise<SurveyOutcome<SurveyInvitation>> {
  const now = deps.clock.now();
  const outcome = await changeSurvey<SurveyOutcome<SurveyRecord>>(
    deps.surveys,
    () => deps.surveys.getSurvey(caller.anchorId, request.supplierKey),
    (stored) => {
      if (!stored) return { refuse: refuse('not-found', 'no survey of your institution for this supplier') };
      const answer = stored.record.answer;
      if (!answer) return { refuse: refuse('conflict', 'this supplier has no answer in force') };
      const setAside =
        request.reason === null ? null : { reason: request.reason, by: caller.name, at: now.toISOString() };
      const record: SurveyRecord = { ...stored.record, answer: { ...answer, setAside } };
      return { write: record, result: { ok: true, value: record } };
    },
  );
  if (!outcome.ok) return outcome;
  const suppliers = await listedAnchorSuppliers(deps, caller);
  return { ok: true, value: invitationView(outcome.value, suppliers.get(request.supplierKey), now) };
}
