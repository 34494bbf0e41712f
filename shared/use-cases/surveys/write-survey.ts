import type { StoredSurvey, SurveyRecord, SurveyStore } from '../../ports/surveys.ts';

/** How often a write is tried again after another write to the same survey came first. */
const ATTEMPTS = 3;

/**
 * Reads a survey, lets `change` decide on what is stored now, writes conditionally on that version;
 * when another write came first, reads and decides again. `change` returns the record to write, or
 * a value saying why nothing is written (then returned as it is). A caller that has just read the
 * survey with others (a listing) gives it as `seen`: the first attempt starts from it, unread again.
 */
export async function changeSurvey<R>(
  surveys: SurveyStore,
  read: () => Promise<StoredSurvey | undefined>,
  change: (
    stored: StoredSurvey | undefined,
  ) => { readonly write: SurveyRecord; readonly result: R } | { readonly refuse: R },
  seen?: { readonly stored: StoredSurvey | undefined },
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const stored = attempt === 1 && seen ? seen.stored : await read();
    const decided = change(stored);
    if ('refuse' in decided) return decided.refuse;
    if (await surveys.putSurvey(decided.write, stored?.version ?? null)) return decided.result;
    if (attempt === ATTEMPTS) throw new Error('the survey kept changing while it was written: try again');
  }
}
