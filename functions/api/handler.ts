import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dispatchHttp, HttpEventSchema } from '../../shared/runtime/api/http-dispatch.ts';
import { problem } from '../../shared/runtime/api/problem.ts';
import { apiDependencies } from '../../shared/runtime/api-dependencies.ts';
import { recordApiResponse } from '../../shared/runtime/observability/api-metrics.ts';
import { lambdaHandler } from '../../shared/runtime/observability/lambda-handler.ts';
import { observabilityOf } from '../../shared/runtime/observability/observability.ts';

const observed = observabilityOf('api');

/** The portal's HTTP API (JWT-authorised) and the survey's public form: one route per use case. */
async function api(event: unknown): Promise<APIGatewayProxyStructuredResultV2> {
  const http = HttpEventSchema.safeParse(event);
  if (!http.success) return problem(400, 'Not an HTTP API request');
  let response: APIGatewayProxyStructuredResultV2;
  try {
    response = await dispatchHttp({ dependencies: apiDependencies, observed }, event, http.data);
  } catch (error) {
    // A fault answers 500 rather than failing the invocation: API Gateway would say less.
    observed.logger.error('request failed', error instanceof Error ? error : String(error));
    response = problem(
      500,
      'Something went wrong on our side',
      'The error was logged; try again in a moment.',
    );
  }
  recordApiResponse(observed.metrics, http.data.routeKey, response.statusCode);
  return response;
}

export const handler = lambdaHandler(observed, api);
