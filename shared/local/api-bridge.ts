import type { IncomingMessage, ServerResponse } from 'node:http';
import { handler } from '../../functions/api/handler.ts';
import { MAX_API_BODY_BYTES } from '../runtime/api/bodies.ts';
import { MAX_FORM_BODY_BYTES } from '../runtime/api/public-survey-request.ts';
import {
  type MatchedRoute,
  matchPublicRoute,
  matchRoute,
  pathExists,
  publicPathExists,
} from './api-route-table.ts';
import { httpApiEvent, type LocalUser } from './http-api-event.ts';
import { BodyTooLarge, flatHeaders, readBody, sendProblem, sendResult } from './http-helpers.ts';
import { localLambdaContext } from './lambda-context.ts';

/**
 * The survey form's answers: the handler refuses past its own bound with its page, as in AWS; this
 * only stops reading a body far past it (twice the bound) sooner.
 */
const MAX_FORM_READ_BYTES = 2 * MAX_FORM_BODY_BYTES;

export interface ApiBridgeOptions {
  /** The emulator's endpoint, which presigned forms point to. */
  readonly s3Endpoint: string;
}

/**
 * `/api/<route>` → an API Gateway HTTP API v2 event → the API Lambda handler → the HTTP answer.
 * The only change to an answer: a presigned form's URL points at the local same-origin proxy
 * `/s3/<bucket>`, since the page may not reach the emulator's port (CSP `connect-src 'self'`).
 * The portal server has checked `Host` and `Origin` and decoded the path safely before.
 */
export async function bridgeToApi(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  rawQueryString: string,
  user: LocalUser,
  options: ApiBridgeOptions,
): Promise<void> {
  const method = request.method ?? 'GET';
  const route = matchRoute(method, path);
  if (!route) {
    if (pathExists(path)) return sendProblem(response, 405, `${method} is not allowed here`);
    return sendProblem(response, 404, 'No such route');
  }
  const body = await boundedBody(request, response, MAX_API_BODY_BYTES);
  if (!body) return;
  const event = httpApiEvent(
    { method, path, rawQueryString, headers: flatHeaders(request), body },
    route,
    user,
  );
  const answer = await handler(event, localLambdaContext('api'));
  if (route.routeKey === 'POST /uploads' && answer.statusCode === 201) {
    const form = JSON.parse(answer.body ?? '') as { url: string };
    const emulator = `${options.s3Endpoint}/`;
    if (form.url.startsWith(emulator)) form.url = `/s3/${form.url.slice(emulator.length)}`;
    return sendResult(response, { ...answer, body: JSON.stringify(form) });
  }
  sendResult(response, answer);
}

/** The body, or undefined once a 413 is sent. */
async function boundedBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
): Promise<Buffer | undefined> {
  try {
    return await readBody(request, limit);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    sendProblem(response, 413, 'The request is too large');
    return undefined;
  }
}

/**
 * `/survey/<token>` → the API handler, with no session and no authorizer claims: the survey's form is
 * open to whoever holds a link, in AWS as here. Its HTML answer is passed on as it is.
 */
export async function bridgeToSurveyForm(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  rawQueryString: string,
): Promise<void> {
  const method = request.method ?? 'GET';
  const route: MatchedRoute | undefined = matchPublicRoute(method, path);
  if (!route) {
    if (publicPathExists(path)) return sendProblem(response, 405, `${method} is not allowed here`);
    return sendProblem(response, 404, 'No such page');
  }
  const body = await boundedBody(request, response, MAX_FORM_READ_BYTES);
  if (!body) return;
  const event = httpApiEvent(
    { method, path, rawQueryString, headers: flatHeaders(request), body },
    route,
    null,
  );
  sendResult(response, await handler(event, localLambdaContext('api')));
}
