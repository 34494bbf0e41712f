import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import type { Caller, PortalDependencies } from '../../use-cases/portal.ts';
import type { SurveyDependencies } from '../../use-cases/surveys/survey-dependencies.ts';
import { problem } from './problem.ts';

export type ApiDependencies = PortalDependencies & SurveyDependencies;
export type ApiResponse = APIGatewayProxyStructuredResultV2;

/** One API call as the routes see it: the route matched, its raw parameters, the parsed body. */
export interface ApiRequest {
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string | undefined>>;
  readonly queryStringParameters: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly caller: Caller;
  /**
   * The public origin the request came to (`https://<api domain>`), which links to the survey's form
   * start with; undefined when the request does not say.
   */
  readonly origin: string | undefined;
}

export type RouteHandler = (deps: ApiDependencies, request: ApiRequest) => Promise<ApiResponse>;

/** A 400 that names each field in error and what it should be. */
export function invalid(error: z.ZodError, what = 'The request is not valid'): ApiResponse {
  const detail = error.issues
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
  return problem(400, what, detail);
}

/** Parses one input with its schema: the value, or the 400 to answer. */
export function parse<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what?: string,
): { ok: true; value: z.infer<T> } | { ok: false; response: ApiResponse } {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, response: invalid(parsed.error, what) };
}

/**
 * API Gateway HTTP APIs pass path parameters decoded; a client or a proxy may still hand one over
 * encoded. Supplier keys never hold `%`, so decoding once more is harmless for a decoded key and
 * right for an encoded one; a malformed escape is a 400, not a 500.
 */
export const EncodedSegmentSchema = z.string().transform((value, context) => {
  try {
    return decodeURIComponent(value);
  } catch {
    context.addIssue({ code: 'custom', message: 'not a valid percent-encoded value' });
    return z.NEVER;
  }
});
