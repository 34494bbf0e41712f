import * as z from 'zod';
import type { PublicSurveyRouteKey } from '../../contracts/portal-api.ts';
import { recordSurveyEvent } from '../observability/api-metrics.ts';
import type { Observability } from '../observability/observability.ts';
import { MAX_API_BODY_BYTES } from './bodies.ts';
import { isBodyOver } from './body-bound.ts';
import { callerOf } from './caller.ts';
import { problem } from './problem.ts';
import { isPublicSurveyRoute, publicSurveyRequest, requestOrigin } from './public-survey-request.ts';
import type { ApiDependencies, ApiResponse } from './request.ts';
import { route } from './routes.ts';

/** What the API function reads of an API Gateway HTTP API event (payload 2.0). */
export const HttpEventSchema = z.object({
  routeKey: z.string(),
  pathParameters: z.record(z.string(), z.string()).optional(),
  queryStringParameters: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().optional(),
});
export type HttpEvent = z.infer<typeof HttpEventSchema>;

/** The API function's dependencies, built when a request first needs them, and its logger and metrics. */
export interface HttpDispatch {
  readonly dependencies: () => ApiDependencies;
  readonly observed: Observability;
}

/**
 * One request to the API: the survey's public form (no caller: the token in its path is the
 * authorisation) or a portal route (the caller from the JWT authorizer's claims, the body JSON).
 */
export function dispatchHttp(dispatch: HttpDispatch, event: unknown, http: HttpEvent): Promise<ApiResponse> {
  const { routeKey } = http;
  return isPublicSurveyRoute(routeKey)
    ? surveyForm(dispatch, { ...http, routeKey })
    : portalRoute(dispatch, event, http);
}

async function surveyForm(
  { dependencies, observed }: HttpDispatch,
  http: HttpEvent & { routeKey: PublicSurveyRouteKey },
): Promise<ApiResponse> {
  observed.logger.appendKeys({ route: http.routeKey });
  // Loaded on the form's first request, as the survey routes are (routes.ts).
  const { publicSurveyRoute } = await import('./survey-form-routes.ts');
  const answered = await publicSurveyRoute(dependencies(), publicSurveyRequest(http));
  recordSurveyEvent(observed.metrics, answered.done);
  return answered.response;
}

async function portalRoute(
  { dependencies, observed }: HttpDispatch,
  event: unknown,
  http: HttpEvent,
): Promise<ApiResponse> {
  const caller = callerOf(event);
  if (!caller) return problem(403, 'Your account is not attached to an institution');
  observed.logger.appendKeys({ anchorId: caller.anchorId, route: http.routeKey });
  // API Gateway would pass 10 MB: no body of this API comes near the bound, and none past it is read.
  if (isBodyOver(http, MAX_API_BODY_BYTES)) return problem(413, 'The request is too large');
  let body: unknown;
  try {
    const text = http.isBase64Encoded ? Buffer.from(http.body ?? '', 'base64').toString('utf8') : http.body;
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return problem(400, 'The body is not JSON');
  }
  return route(dependencies(), {
    routeKey: http.routeKey,
    pathParameters: http.pathParameters ?? {},
    queryStringParameters: http.queryStringParameters ?? {},
    body,
    caller,
    origin: requestOrigin(event),
  });
}
