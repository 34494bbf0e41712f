import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { callerOf } from '../../shared/runtime/api/caller.ts';
import { problem } from '../../shared/runtime/api/problem.ts';
import { route } from '../../shared/runtime/api/routes.ts';
import { apiDependencies } from '../../shared/runtime/api-dependencies.ts';
import { recordApiResponse } from '../../shared/runtime/observability/api-metrics.ts';
import { lambdaHandler } from '../../shared/runtime/observability/lambda-handler.ts';
import { observabilityOf } from '../../shared/runtime/observability/observability.ts';

const HttpEventSchema = z.object({
  routeKey: z.string(),
  pathParameters: z.record(z.string(), z.string()).optional(),
  queryStringParameters: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().optional(),
});

const observed = observabilityOf('api');

/** The portal's HTTP API (API Gateway HTTP API, JWT-authorised): one route per use case. */
async function api(event: unknown): Promise<APIGatewayProxyStructuredResultV2> {
  const http = HttpEventSchema.safeParse(event);
  if (!http.success) return problem(400, 'Not an HTTP API request');
  const response = await answer(event, http.data);
  recordApiResponse(observed.metrics, http.data.routeKey, response.statusCode);
  return response;
}

async function answer(
  event: unknown,
  http: z.infer<typeof HttpEventSchema>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const caller = callerOf(event);
  if (!caller) return problem(403, 'Your account is not attached to an institution');
  observed.logger.appendKeys({ anchorId: caller.anchorId, route: http.routeKey });
  let body: unknown;
  try {
    const text = http.isBase64Encoded ? Buffer.from(http.body ?? '', 'base64').toString('utf8') : http.body;
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return problem(400, 'The body is not JSON');
  }
  try {
    return await route(apiDependencies(), {
      routeKey: http.routeKey,
      pathParameters: http.pathParameters ?? {},
      queryStringParameters: http.queryStringParameters ?? {},
      body,
      caller,
    });
  } catch (error) {
    observed.logger.error('request failed', error instanceof Error ? error : String(error));
    return problem(500, 'Something went wrong on our side', 'The error was logged; try again in a moment.');
  }
}

export const handler = lambdaHandler(observed, api);
