import { importAnswers } from '../../use-cases/surveys/import-answers.ts';
import { listSurveys } from '../../use-cases/surveys/list-surveys.ts';
import { openSurveys } from '../../use-cases/surveys/open-surveys.ts';
import { sendReminder } from '../../use-cases/surveys/send-reminder.ts';
import { setAsideAnswer } from '../../use-cases/surveys/set-aside-answer.ts';
import { surveyCandidates } from '../../use-cases/surveys/survey-candidates.ts';
import type { SurveyRefusal } from '../../use-cases/surveys/survey-refusal.ts';
import {
  SetAsideBodySchema,
  SupplierPathSchema,
  SurveyAnswersBodySchema,
  SurveyAnswersQuerySchema,
  SurveyCandidatesQuerySchema,
  SurveyOpenBodySchema,
  SurveyReminderBodySchema,
} from './bodies.ts';
import { json, problem } from './problem.ts';
import { type ApiResponse, parse, type RouteHandler } from './request.ts';

/** The supplier surveys of the caller's anchor (the public form's routes are in survey-form-routes.ts). */

const STATUS = { 'not-found': 404, conflict: 409, invalid: 400 } as const;
const TITLE = {
  'not-found': 'No such supplier or survey for your institution',
  conflict: 'The survey does not allow this now',
  invalid: 'The request is not valid',
} as const;

const refused = (refusal: SurveyRefusal): ApiResponse =>
  problem(STATUS[refusal.code], TITLE[refusal.code], refusal.reason);

const NO_ORIGIN = problem(
  400,
  'The request does not say which address it came to',
  'The form’s links are made from it: call the API at its own address.',
);

export const listSurveysRoute: RouteHandler = async (deps, { caller }) =>
  json(200, await listSurveys(deps, caller));

export const surveyCandidatesRoute: RouteHandler = async (deps, request) => {
  const query = parse(
    SurveyCandidatesQuerySchema,
    request.queryStringParameters,
    'The page asked for is not valid',
  );
  if (!query.ok) return query.response;
  const { cursor, limit } = query.value;
  return json(200, await surveyCandidates(deps, request.caller, { offset: cursor, limit }));
};

export const openSurveysRoute: RouteHandler = async (deps, request) => {
  const body = parse(SurveyOpenBodySchema, request.body, 'The survey request is not valid');
  if (!body.ok) return body.response;
  if (!request.origin) return NO_ORIGIN;
  const opened = await openSurveys(deps, request.caller, { ...body.value, origin: request.origin });
  return opened.ok ? json(201, opened.value) : refused(opened);
};

export const importAnswersRoute: RouteHandler = async (deps, request) => {
  const body = parse(SurveyAnswersBodySchema, request.body, 'The answers are not valid');
  if (!body.ok) return body.response;
  const query = parse(SurveyAnswersQuerySchema, request.queryStringParameters, 'The language is not valid');
  if (!query.ok) return query.response;
  const { csv } = body.value;
  return json(200, await importAnswers(deps, request.caller, { csv, language: query.value.lang }));
};

export const reminderRoute: RouteHandler = async (deps, request) => {
  const path = parse(SupplierPathSchema, request.pathParameters, 'The supplier key is not valid');
  if (!path.ok) return path.response;
  const body = parse(SurveyReminderBodySchema, request.body, 'The reminder request is not valid');
  if (!body.ok) return body.response;
  if (!request.origin) return NO_ORIGIN;
  const reminder = await sendReminder(deps, request.caller, {
    supplierKey: path.value.key,
    language: body.value?.language,
    email: body.value?.email,
    origin: request.origin,
  });
  return reminder.ok ? json(200, reminder.value) : refused(reminder);
};

export const setAsideRoute: RouteHandler = async (deps, request) => {
  const path = parse(SupplierPathSchema, request.pathParameters, 'The supplier key is not valid');
  if (!path.ok) return path.response;
  const body = parse(SetAsideBodySchema, request.body, 'The reason is not valid');
  if (!body.ok) return body.response;
  const outcome = await setAsideAnswer(deps, request.caller, {
    supplierKey: path.value.key,
    reason: body.value.reason,
  });
  return outcome.ok ? json(200, outcome.value) : refused(outcome);
};
