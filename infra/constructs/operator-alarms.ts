import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { type Alarm, MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { projectMetric, type Service } from '../project-metrics.ts';
import { operatorAlarm } from './operator-alarm.ts';

export interface OperatorAlarmsProps {
  readonly stage: string;
  readonly topic: ITopic;
  readonly functions: Readonly<Record<Service, IFunction>>;
  /** By the name the alarm and the dashboard give them, e.g. `IngestDlq`. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  readonly api: IHttpApi;
}

const PERIOD = Duration.minutes(5);
/** A rebuild that waited this long in the report function's event queue is late: an hour, in milliseconds. */
export const LATE_REBUILD_MS = 3_600_000;

/** `registry-load` → `RegistryLoad`: the id its function's construct has. */
const pascalCase = (service: string) =>
  service.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

/**
 * The alarms an operator acts on (docs/operations.md, "Alarms"), all to the Alarms topic. Made in the
 * given scope, the stack, rather than in a construct of their own: each keeps the logical id, so the
 * name, it had before they moved here, and the ids docs/operations.md lists stay true.
 */
export function createOperatorAlarms(scope: Construct, props: OperatorAlarmsProps): Alarm[] {
  const { stage, topic, functions } = props;
  const alarms = Object.entries(props.deadLetterQueues).map(([name, queue]) =>
    operatorAlarm(scope, `${name}NotEmpty`, {
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD }),
      description: `Messages that kept failing are parked in ${name}: look at them and replay.`,
      topic,
    }),
  );
  for (const [service, fn] of Object.entries(functions)) {
    alarms.push(
      operatorAlarm(scope, `${pascalCase(service)}Errors`, {
        metric: fn.metricErrors({ period: PERIOD }),
        description: `The ${service} function ended in an error (an exception, a timeout, out of memory): its log says why; what came from a queue or an event is retried.`,
        topic,
      }),
    );
  }
  alarms.push(
    operatorAlarm(scope, 'IngestFailures', {
      metric: projectMetric(stage, 'ingest', METRICS.datasetsFailed, { period: PERIOD }),
      description:
        "A dataset's ingest failed (a fault, not a file refused for its content): the dataset's status and the ingest function's log say why.",
      topic,
    }),
    // A report its data cannot make ends without an error, so the function's error alarm stays quiet.
    operatorAlarm(scope, 'ReportsNotBuiltAlarm', {
      metric: projectMetric(stage, 'report', METRICS.reportsNotBuilt, { period: PERIOD }),
      description:
        'A report could not be built: the status.json beside its report.json says why (e.g. datasets in two currencies).',
      topic,
    }),
    // Builds run one at a time (reserved concurrency 1): asked faster than they finish, they queue
    // in Lambda's event queue, and the age of the oldest says how far behind the reports are.
    operatorAlarm(scope, 'ReportRebuildLate', {
      metric: functions.report.metric('AsyncEventAge', { period: PERIOD, statistic: 'Maximum' }),
      threshold: LATE_REBUILD_MS,
      description:
        'A report rebuild waited an hour or more before it ran: rebuilds are queuing up behind one another (or failing and being retried), and the published reports lag the uploads.',
      topic,
    }),
    operatorAlarm(scope, 'ReportRebuildsDropped', {
      metric: functions.report.metric('AsyncEventsDropped', { period: PERIOD, statistic: 'Sum' }),
      description:
        'Lambda dropped a report rebuild (retries exhausted, or older than six hours): the reports stay stale until the next ingest or a rebuild asked from the portal.',
      topic,
    }),
    operatorAlarm(scope, 'Api5xxRate', {
      // A share, not a count: one error among a handful of requests is no trend, so a period with
      // fewer than 10 requests counts as 0 %.
      metric: new MathExpression({
        expression: 'IF(requests >= 10, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: props.api.metricServerError({ period: PERIOD, statistic: 'Sum' }),
          requests: props.api.metricCount({ period: PERIOD, statistic: 'Sum' }),
        },
        period: PERIOD,
        label: 'Server errors (% of requests)',
      }),
      threshold: 5,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description:
        "5 % or more of the portal API's requests answered a server error (5xx) in 2 of the last 3 five-minute periods: the API function's log and the dashboard's per-route graph say which route.",
      topic,
    }),
    // Refused events are answered, not retried: nothing else would tell that something sends the wrong shape.
    operatorAlarm(scope, 'EventsRefused', {
      metric: new MathExpression({
        expression: Object.keys(functions)
          .map((_, index) => `FILL(refused${index}, 0)`)
          .join(' + '),
        usingMetrics: Object.fromEntries(
          (Object.keys(functions) as Service[]).map((service, index) => [
            `refused${index}`,
            projectMetric(stage, service, METRICS.eventsRefused, { period: PERIOD }),
          ]),
        ),
        period: PERIOD,
        label: 'Events refused, every function',
      }),
      description:
        'A function was sent an event or message it cannot act on (not the shape it takes); it was refused, not retried, and is lost: its "event refused" log line says what it looked like and which message it was.',
      topic,
    }),
    operatorAlarm(scope, 'RegistryLoadEmpty', {
      metric: projectMetric(stage, 'registry-load', METRICS.registryLoadsEmpty, { period: PERIOD }),
      description:
        'A registry or directory file gave no fact at all (wrong file, wrong columns, empty): the register was not updated from it.',
      topic,
    }),
  );
  return alarms;
}
