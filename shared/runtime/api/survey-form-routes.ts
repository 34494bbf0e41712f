import { surveyFormCsp } from '../../contracts/content-security.ts';
import type { Language } from '../../contracts/portal-api.ts';
import { SURVEY_ANSWER_FIELDS, type SurveyAnswerField } from '../../domain/multiplier/survey-answer.ts';
import {
  renderSurveyFormPage,
  SURVEY_FORM_STYLE_SHA256,
  type SurveyPageView,
} from '../../render/survey-form-page.ts';
import {
  answerSurvey,
  type FormFacts,
  lookUpSurvey,
  withdrawSurvey,
} from '../../use-cases/surveys/survey-form.ts';
import type { PublicSurveyRequest } from './public-survey-request.ts';
import type { ApiDependencies, ApiResponse } from './request.ts';

/** A value typed back into the form after an error is shown at most this long. */
const MAX_ECHOED_CHARACTERS = 100;

const CSP = surveyFormCsp(SURVEY_FORM_STYLE_SHA256);

/** What the request did, for the metrics: an answer stored, an answer withdrawn, or neither. */
export interface PublicSurveyAnswer {
  readonly response: ApiResponse;
  readonly done?: 'answered' | 'withdrawn';
}

/** An HTML page; the token in the address must never leave with a link followed (`no-referrer`). */
export function surveyPage(
  status: number,
  view: SurveyPageView,
  token: string,
  language: Language,
): ApiResponse {
  return {
    statusCode: status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'x-robots-tag': 'noindex, nofollow',
    },
    body: renderSurveyFormPage(view, token, language),
  };
}

const factsView = (form: FormFacts) => ({
  institution: form.institution,
  supplierName: form.supplierName,
  expiresAt: form.expiresAt,
});

/** Where a link stands that can no longer be answered, as its page and status. */
const STANDING = {
  unknown: 404,
  expired: 410,
  withdrawn: 410,
} as const;

/**
 * The form's fields from a form-urlencoded body, into a Map: a field named `__proto__` is one more
 * unknown name, never a property. Fields not the form's are ignored; a field sent twice counts once.
 */
export function formFields(body: string | undefined): ReadonlyMap<SurveyAnswerField, string> {
  const fields = new Map<SurveyAnswerField, string>();
  const known: ReadonlySet<string> = new Set(SURVEY_ANSWER_FIELDS);
  for (const [name, value] of new URLSearchParams(body ?? '')) {
    if (known.has(name) && !fields.has(name as SurveyAnswerField))
      fields.set(name as SurveyAnswerField, value);
  }
  return fields;
}

/** The three routes of the public form: open it, answer it, withdraw through it. */
export async function publicSurveyRoute(
  deps: ApiDependencies,
  request: PublicSurveyRequest & { readonly tooLarge: boolean },
): Promise<PublicSurveyAnswer> {
  const { token, language } = request;
  const page = (status: number, view: SurveyPageView) => ({
    response: surveyPage(status, view, token, language),
  });
  if (request.tooLarge) return page(413, { kind: 'tooLarge' });
  if (request.routeKey === 'GET /survey/{token}') {
    const found = await lookUpSurvey(deps, token);
    if (found.state === 'open') return page(200, { kind: 'form', facts: factsView(found.form) });
    if (found.state === 'answered') return page(409, { kind: 'answered', facts: factsView(found.form) });
    return page(STANDING[found.state], { kind: found.state });
  }
  if (request.routeKey === 'POST /survey/{token}') {
    const fields = formFields(request.body);
    const outcome = await answerSurvey(deps, token, (name) => fields.get(name), language);
    if (outcome.state === 'saved') {
      return { ...page(200, { kind: 'saved', facts: factsView(outcome.form) }), done: 'answered' };
    }
    if (outcome.state === 'invalid') {
      const values = new Map(
        [...fields].map(([name, value]) => [name, value.slice(0, MAX_ECHOED_CHARACTERS)]),
      );
      return page(400, { kind: 'form', facts: factsView(outcome.form), values, errors: outcome.errors });
    }
    if (outcome.state === 'answered') return page(409, { kind: 'answered', facts: factsView(outcome.form) });
    return page(STANDING[outcome.state], { kind: outcome.state });
  }
  const outcome = await withdrawSurvey(deps, token);
  if (outcome.state === 'withdrawn-now')
    return { ...page(200, { kind: 'withdrawn-now' }), done: 'withdrawn' };
  return page(STANDING[outcome.state], { kind: outcome.state });
}
