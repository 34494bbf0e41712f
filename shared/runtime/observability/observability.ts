import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';

/** The functions, by their folder under `functions/`: the `service` of their logs, metrics and traces. */
export type ServiceName =
  | 'api'
  | 'ingest'
  | 'report'
  | 'registry-load'
  | 'registry-refresh'
  | 'company-lookup';

export interface Observability {
  readonly logger: Logger;
  readonly metrics: Metrics;
}

const inLambda = (env: NodeJS.ProcessEnv): boolean => Boolean(env.AWS_LAMBDA_FUNCTION_NAME);

/**
 * Outside Lambda — the CLI, `serve`, the tests and the bench drive the same handlers in process — a
 * person reads the CLI's own lines: Powertools stays silent there unless a POWERTOOLS_* variable the
 * user set says otherwise. Set before the first instance reads them; only the unset ones.
 */
function quietOutsideLambda(env: NodeJS.ProcessEnv): void {
  if (inLambda(env)) return;
  env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
}
quietOutsideLambda(process.env);

/**
 * Whether this process traces: in a Lambda function, unless the deployment set
 * POWERTOOLS_TRACE_ENABLED=false (infra/config `observability.tracing`). Powertools' tracer decides
 * for itself whether to record (it also stays off under SAM local); this decides whether to load it.
 */
export const tracingEnabled = (env: NodeJS.ProcessEnv): boolean =>
  inLambda(env) && env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false';

/**
 * One tracer per process, loaded only where it traces. Loading the X-Ray SDK installs an async hook
 * that tracks every promise of the process, whether the tracer records or not: each `await` cost
 * twelve times as much, and `ancrage analyze` of 1 M lines spent seconds in it (BENCHMARKS.md).
 */
export const tracer: Tracer | undefined = tracingEnabled(process.env)
  ? new (await import('@aws-lambda-powertools/tracer')).Tracer()
  : undefined;

/** An AWS client whose calls are subsegments of the invocation's trace when tracing is on. */
export const traced = <Client>(client: Client): Client =>
  tracer ? tracer.captureAWSv3Client(client) : client;

/**
 * A function's logger and metrics, named after it whatever the environment says: the local stack
 * runs every function in one process. Their levels, namespace and switches come from the POWERTOOLS_*
 * variables the stack sets (infra/constructs/project-function.ts).
 */
export function observabilityOf(service: ServiceName): Observability {
  const logger = new Logger({ serviceName: service });
  // Its warnings (a dimension dropped, a metric over the limit) go out as structured log lines too.
  const metrics = new Metrics({ serviceName: service, logger });
  return { logger, metrics };
}
