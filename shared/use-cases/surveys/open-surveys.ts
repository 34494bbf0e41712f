import {
  type Language,
  type OpenedInvitation,
  SURVEY_LIMITS,
  type SurveyOpened,
} from '../../contracts/portal-api.ts';
import { mapInFlight } from '../../domain/in-flight.ts';
import { MAX_SURVEYS_PER_ANCHOR, type SurveyRecord } from '../../ports/surveys.ts';
import { institutionLabel } from '../institution-name.ts';
import type { Caller } from '../portal.ts';
import { listedAnchorSuppliers } from '../portal-suppliers.ts';
import { readingOnce } from '../territory-read-once.ts';
import type { SurveyDependencies } from './survey-dependencies.ts';
import { surveyEmail } from './survey-email.ts';
import { surveyLanguage } from './survey-language.ts';
import { refuse, type SurveyOutcome, someKeys } from './survey-refusal.ts';
import { linkExpiry, newSurveyToken, surveyLink, tokenSha256 } from './survey-tokens.ts';
import { changeSurvey } from './write-survey.ts';

/** Suppliers opened at once: 200 of them in a few round trips' time, not 400 one after another. */
const WRITES_IN_FLIGHT = 16;

export interface OpenRequest {
  readonly supplierKeys: readonly string[];
  readonly validDays?: number | undefined;
  readonly language?: Language | undefined;
  /** The public origin the form is served from (the request's own), e.g. `https://api.example.org`. */
  readonly origin: string;
}

/**
 * Opens a survey for chosen suppliers of the caller's anchor: a fresh link each, shown this once (its
 * token's hash alone is stored). Asking again for a supplier not yet answered replaces its link; a
 * supplier whose answer is in force is refused (set the answer aside first), as is one that declined
 * the survey and any supplier the anchor does not pay.
 */
export async function openSurveys(
  deps: SurveyDependencies,
  caller: Caller,
  request: OpenRequest,
): Promise<SurveyOutcome<SurveyOpened>> {
  const keys = [...new Set(request.supplierKeys)];
  const suppliers = await listedAnchorSuppliers(deps, caller);
  const unpaid = keys.filter((key) => !suppliers.has(key));
  if (unpaid.length > 0) {
    return refuse('not-found', `not among the suppliers your institution pays: ${someKeys(unpaid)}`);
  }
  const existing = new Map(
    (await deps.surveys.listSurveys(caller.anchorId)).map((stored) => [stored.record.supplierKey, stored]),
  );
  const answered = keys.filter((key) => existing.get(key)?.record.answer);
  if (answered.length > 0) {
    return refuse('conflict', `these suppliers have an answer in force: ${someKeys(answered)}`);
  }
  // A supplier that declined said no to being asked: no new link, which would also clear its refusal.
  const declined = keys.filter((key) => existing.get(key)?.record.withdrawnAt);
  if (declined.length > 0) {
    return refuse(
      'conflict',
      `these suppliers declined the survey: they are not asked again: ${someKeys(declined)}`,
    );
  }
  const added = keys.filter((key) => !existing.has(key)).length;
  if (existing.size + added > MAX_SURVEYS_PER_ANCHOR) {
    return refuse(
      'conflict',
      `an institution surveys at most ${MAX_SURVEYS_PER_ANCHOR} suppliers; ${existing.size} are surveyed already`,
    );
  }
  // The territory gives both the default language and the institution's name: read once.
  const territories = readingOnce(deps.territories);
  const language = await surveyLanguage({ ...deps, territories }, request.language);
  const validDays = request.validDays ?? SURVEY_LIMITS.defaultValidDays;
  const institution = await institutionLabel({ ...deps, territories }, caller.anchorId);
  const now = deps.clock.now();
  const expiresAt = linkExpiry(now, validDays);
  const opened = await mapInFlight(
    keys,
    WRITES_IN_FLIGHT,
    async (key): Promise<OpenedInvitation | undefined> => {
      const supplierName = suppliers.get(key)?.name ?? key;
      const token = newSurveyToken();
      const written = await changeSurvey(
        deps.surveys,
        () => deps.surveys.getSurvey(caller.anchorId, key),
        (stored) => {
          if (stored?.record.answer || stored?.record.withdrawnAt) return { refuse: false };
          const record: SurveyRecord = {
            anchorId: caller.anchorId,
            supplierKey: key,
            supplierName,
            invitation: {
              language,
              invitedAt: now.toISOString(),
              expiresAt: expiresAt.toISOString(),
              validDays,
              tokenSha256: tokenSha256(token),
              tokenUse: 'unused',
              reminders: [],
            },
            answer: null,
            withdrawnAt: null,
            createdAt: stored?.record.createdAt ?? now.toISOString(),
          };
          return { write: record, result: true };
        },
        // Listed above: the first attempt starts from it rather than reading each survey again.
        { stored: existing.get(key) },
      );
      // An answer or a refusal that arrived meanwhile keeps its survey: that supplier gets no new link.
      if (!written) return undefined;
      const link = surveyLink(request.origin, token);
      return {
        supplierKey: key,
        supplierName,
        link,
        expiresAt: expiresAt.toISOString(),
        email: surveyEmail({ institution, supplierName, link, expiresAt, reminder: false }, language),
      };
    },
  );
  const invitations = opened.filter((invitation) => invitation !== undefined);
  return { ok: true, value: { invitations } };
}
