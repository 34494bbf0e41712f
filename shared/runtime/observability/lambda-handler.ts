import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { type Observability, tracer } from './observability.ts';

/**
 * Publishes what the invocation recorded, and the cold start. Powertools' own `logMetrics` warns on
 * every invocation that recorded nothing — most API calls — so this publishes only when there is
 * something to publish.
 */
function publishMetrics(metrics: Metrics): MiddlewareObj<unknown, unknown, Error, Context> {
  const publish = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return {
    before: async (request) => metrics.captureColdStartMetric(request.context.functionName),
    after: publish,
    onError: publish,
  };
}

/** A failed invocation, logged once with its error before Lambda records it and retries. */
function logFailure(observed: Observability): MiddlewareObj<unknown, unknown, Error, Context> {
  return {
    onError: async (request) => observed.logger.error('invocation failed', request.error ?? 'unknown error'),
  };
}

/**
 * A function's handler with the house middleware: traced (X-Ray, when on), logging with the Lambda
 * context and whatever keys the handler appends — cleared at the end of each invocation —, its
 * metrics published and its failure logged.
 */
export function lambdaHandler<Event, Result>(
  observed: Observability,
  handler: (event: Event, context: Context) => Promise<Result>,
) {
  const traced = tracer ? [captureLambdaHandler(tracer, { captureResponse: false })] : [];
  return middy(handler)
    .use(traced)
    .use(injectLambdaContext(observed.logger, { resetKeys: true }))
    .use(publishMetrics(observed.metrics))
    .use(logFailure(observed));
}
