import type { Language } from '../../contracts/portal-api.ts';
import type { SurveyAnswer, SurveyAnswerField } from '../../domain/multiplier/survey-answer.ts';
import type { StoredSurvey, SurveyRecord } from '../../ports/surveys.ts';
import { institutionLabel } from '../institution-name.ts';
import { readAnswerFields } from './answer-fields.ts';
import type { SurveyDependencies } from './survey-dependencies.ts';
import { SURVEY_TOKEN_PATTERN, tokenSha256 } from './survey-tokens.ts';
import { changeSurvey } from './write-survey.ts';

type Deps = Pick<SurveyDependencies, 'surveys' | 'territories' | 'datasets' | 'settings' | 'clock'>;

/** What the form's link leads to: nothing (forged, or replaced by a reminder), or a survey in a state. */
type Standing = 'expired' | 'withdrawn' | 'answered' | 'open';
export type FormState =
  | { readonly state: 'unknown' }
  | { [S in Standing]: { readonly state: S; readonly form: FormFacts } }[Standing];

export interface FormFacts {
  readonly institution: string;
  readonly supplierName: string;
  readonly expiresAt: string;
  readonly answer: SurveyAnswer | null;
}

async function factsOf(deps: Deps, record: SurveyRecord): Promise<FormFacts> {
  return {
    institution: await institutionLabel(deps, record.anchorId),
    supplierName: record.supplierName,
    expiresAt: record.invitation?.expiresAt ?? record.createdAt,
    answer: record.answer?.answer ?? null,
  };
}

/** The state of a token's survey, as the form shows it. */
function stateOf(stored: StoredSurvey | undefined, now: Date): FormState['state'] {
  const invitation = stored?.record.invitation;
  if (!invitation) return 'unknown';
  if (invitation.tokenUse === 'withdrawn' || stored.record.withdrawnAt) return 'withdrawn';
  if (invitation.tokenUse === 'answered') return 'answered';
  return Date.parse(invitation.expiresAt) <= now.getTime() ? 'expired' : 'open';
}

/** A path segment that is not a token we could have made opens nothing, and costs no read. */
const findByToken = (deps: Deps, token: string) =>
  SURVEY_TOKEN_PATTERN.test(token)
    ? deps.surveys.findByToken(tokenSha256(token))
    : Promise.resolve(undefined);

/** The page a survey shows at `now` (a refusal's: the instant it was decided at, so both agree). */
async function formOf(
  deps: Deps,
  stored: StoredSurvey | undefined,
  now = deps.clock.now(),
): Promise<FormState> {
  const state = stateOf(stored, now);
  if (state === 'unknown' || !stored) return { state: 'unknown' };
  return { state, form: await factsOf(deps, stored.record) } as FormState;
}

export async function lookUpSurvey(deps: Deps, token: string): Promise<FormState> {
  return formOf(deps, await findByToken(deps, token));
}

/** What a change through a link did: the record written, or the survey as it was read when refused. */
type Decided = { readonly written: SurveyRecord } | { readonly refused: StoredSurvey | undefined };

export type AnswerOutcome =
  | { readonly state: 'saved'; readonly form: FormFacts }
  | {
      readonly state: 'invalid';
      readonly form: FormFacts;
      readonly errors: ReadonlyMap<SurveyAnswerField, string>;
    }
  | Exclude<FormState, { state: 'open' }>;

/**
 * The supplier's answer through its link: checked (each field's problem in the page's language),
 * stored as the answer in force, and the token spent on it — once: of two posts of one token, the
 * second finds it spent (the write is conditional on the version read).
 */
export async function answerSurvey(
  deps: Deps,
  token: string,
  fields: (name: SurveyAnswerField) => string | undefined,
  language: Language,
): Promise<AnswerOutcome> {
  const reading = readAnswerFields(fields, language);
  const now = deps.clock.now();
  // A write that lost a race to another is decided anew; a refusal keeps the survey it read.
  const outcome = await changeSurvey<Decided>(
    deps.surveys,
    () => findByToken(deps, token),
    (stored) => {
      const invitation = stored?.record.invitation;
      if (stateOf(stored, now) !== 'open' || !stored || !invitation || !reading.ok)
        return { refuse: { refused: stored } };
      const record: SurveyRecord = {
        ...stored.record,
        invitation: { ...invitation, tokenUse: 'answered' },
        answer: {
          answeredOn: now.toISOString().slice(0, 10),
          source: 'form',
          answer: reading.answer,
          setAside: null,
        },
      };
      return { write: record, result: { written: record } };
    },
  );
  if ('written' in outcome) return { state: 'saved', form: await factsOf(deps, outcome.written) };
  const current = await formOf(deps, outcome.refused, now);
  if (current.state !== 'open') return current;
  // Refused at `now` with a valid answer: the survey was not open then, and so is not now.
  if (reading.ok) throw new Error('an open survey was neither answered nor refused');
  return { state: 'invalid', form: current.form, errors: reading.errors };
}

export type WithdrawOutcome =
  | { readonly state: 'withdrawn-now'; readonly form: FormFacts }
  | Exclude<FormState, { state: 'open' | 'answered' }>;

/**
 * The supplier withdraws through its link: its answer is deleted from the record (reports stop using
 * it), or, before any answer, it declines the survey (no reminder follows). The token is then spent.
 */
export async function withdrawSurvey(deps: Deps, token: string): Promise<WithdrawOutcome> {
  const now = deps.clock.now();
  // A write that lost a race to another is decided anew; a refusal keeps the survey it read.
  const outcome = await changeSurvey<Decided>(
    deps.surveys,
    () => findByToken(deps, token),
    (stored) => {
      const state = stateOf(stored, now);
      if ((state !== 'open' && state !== 'answered') || !stored?.record.invitation)
        return { refuse: { refused: stored } };
      const record: SurveyRecord = {
        ...stored.record,
        invitation: { ...stored.record.invitation, tokenUse: 'withdrawn' },
        answer: null,
        withdrawnAt: now.toISOString(),
      };
      return { write: record, result: { written: record } };
    },
  );
  if ('written' in outcome) return { state: 'withdrawn-now', form: await factsOf(deps, outcome.written) };
  const current = await formOf(deps, outcome.refused, now);
  if (current.state === 'open' || current.state === 'answered') {
    throw new Error('a survey that could be withdrawn was not');
  }
  return current;
}
