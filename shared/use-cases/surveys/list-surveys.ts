import type { SurveyList } from '../../contracts/portal-api.ts';
import type { Caller } from '../portal.ts';
import { listedAnchorSuppliers } from '../portal-suppliers.ts';
import type { SurveyDependencies } from './survey-dependencies.ts';
import { invitationView } from './survey-status.ts';

/** The caller's anchor's surveys, largest spend first, with how many answered and how many not. */
export async function listSurveys(
  deps: Pick<SurveyDependencies, 'surveys' | 'datasets' | 'clock'>,
  caller: Caller,
): Promise<SurveyList> {
  const [stored, suppliers] = await Promise.all([
    deps.surveys.listSurveys(caller.anchorId),
    listedAnchorSuppliers(deps, caller),
  ]);
  const now = deps.clock.now();
  const invitations = stored
    .map(({ record }) => invitationView(record, suppliers.get(record.supplierKey), now))
    .sort((a, b) => b.amountCents - a.amountCents || a.supplierKey.localeCompare(b.supplierKey));
  const answered = invitations.filter((invitation) => invitation.status === 'answered').length;
  return { invitations, answered, notAnswered: invitations.length - answered };
}
