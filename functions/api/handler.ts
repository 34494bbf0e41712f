import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { callerOf } from '../../shared/runtime/api/caller.ts';
import { problem } from '../../shared/runtime/api/problem.ts';
import { route } from '../../shared/runtime/api/routes.ts';
import { apiDependencies } from '../../shared/runtime/api-dependencies.ts';
import { logErrors } from '../../shared/runtime/log-errors.ts';

const HttpEventSchema = z.object({
  routeKey: z.string(),
  pathParameters: z.record(z.string(), z.string()).optional(),
  queryStringParameters: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().optional(),
});

/** The portal's HTTP API (API Gateway HTTP API, JWT-authorised): one route per use case. */
async function api(event: unknown): Promise<APIGatewayProxyStructuredResultV2> {
  const http = HttpEventSchema.safeParse(event);
  if (!http.success) return problem(400, 'Not an HTTP API request');
  const caller = callerOf(event);
  if (!caller) return problem(403, 'Your account is not attached to an institution');
  let body: unknown;
  try {
    const text = http.data.isBase64Encoded
      ? Buffer.from(http.data.body ?? '', 'base64').toString('utf8')
      : http.data.body;
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return problem(400, 'The body is not JSON');
  }
  try {
    return await route(apiDependencies(), {
      routeKey: http.data.routeKey,
      pathParameters: http.data.pathParameters ?? {},
      queryStringParameters: http.data.queryStringParameters ?? {},
      body,
      caller,
    });
  } catch (error) {
    console.error(JSON.stringify({ level: 'ERROR', function: 'api', message: String(error) }));
    return problem(500, 'Something went wrong on our side', 'The error was logged; try again in a moment.');
  }
}

export const handler = middy(api).use(logErrors('api'));
