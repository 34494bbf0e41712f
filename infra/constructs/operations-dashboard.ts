import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  type IWidget,
  Metric,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC_DIMENSIONS, METRICS } from '../../shared/contracts/metrics.ts';
import { resourceNames } from '../naming.ts';
import {
  COLD_START,
  type MetricName,
  projectMetric,
  projectSearch,
  type Service,
} from '../project-metrics.ts';
import { LATE_REBUILD_MS } from './operator-alarms.ts';

export interface OperationsDashboardProps {
  readonly stage: string;
  readonly functions: Readonly<Record<Service, IFunction>>;
  /** By the name the alarms give them, e.g. `IngestDlq`. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  readonly api: IHttpApi;
  /** Listed, with their state, at the top. */
  readonly alarms: readonly IAlarm[];
}

/** Counts are summed per hour: uploads come a few a day, a finer grain is mostly empty. */
const HOUR = Duration.hours(1);
/** What needs watching as it happens (queues, errors) is shown per five minutes. */
const FIVE_MINUTES = Duration.minutes(5);
const HALF = 12;
const THIRD = 8;
const QUARTER = 6;

/**
 * One page that answers "is it working, and what does it cost": what the uploads became, how fast
 * ingests and report builds run, what is parked or failing, the register and the company lookups,
 * the supplier surveys' answers, the cost drivers. docs/operations.md explains each graph; its alarms are listed at the top.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { stage, functions } = props;
    const counts = (service: Service, metricNames: readonly MetricName[]): IMetric[] =>
      metricNames.map((name) => projectMetric(stage, service, name, { period: HOUR, label: name }));
    const percentiles = (service: Service, name: MetricName): IMetric[] =>
      ['p50', 'Maximum'].map((statistic) =>
        projectMetric(stage, service, name, { period: HOUR, statistic, label: `${name} ${statistic}` }),
      );
    const perFunction = (metricOf: (fn: IFunction, service: Service) => IMetric): IMetric[] =>
      (Object.entries(functions) as [Service, IFunction][]).map(([service, fn]) => metricOf(fn, service));
    const graph = (title: string, width: number, left: IMetric[], right: IMetric[] = []) =>
      new GraphWidget({ title, width, height: 6, left, right, leftYAxis: { min: 0 } });
    const heading = (text: string) => new TextWidget({ markdown: `### ${text}`, width: 24, height: 1 });
    const names = resourceNames(stage);
    const tableMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: names.table },
        statistic: 'Sum',
        period: HOUR,
        label: metricName,
      });

    const rows: IWidget[][] = [
      [
        new TextWidget({
          markdown: `## Ancrage — ${stage}\nWhat the graphs show: \`docs/operations.md\` in the project's repository; what to do when an alarm goes off: its section *Alarms* (\`docs/operations.md#alarms\`).`,
          width: 24,
          height: 2,
        }),
      ],
      [new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24, height: 6 })],
      [heading('Uploads (per hour)')],
      [
        graph(
          'Datasets and their outcomes',
          THIRD,
          counts('ingest', [
            METRICS.datasetsIngested,
            METRICS.datasetsRejected,
            METRICS.datasetsFailed,
            METRICS.datasetsSuperseded,
          ]),
        ),
        graph(
          'Lines accepted and rejected (right: rejected amount, cents)',
          THIRD,
          counts('ingest', [METRICS.linesAccepted, METRICS.linesRejected]),
          counts('ingest', [METRICS.rejectedAmountCents]),
        ),
        graph('Flagged lines, per flag', THIRD, [
          projectSearch(stage, METRICS.flaggedLines, {
            dimensions: [METRIC_DIMENSIONS.flag],
            labelBy: METRIC_DIMENSIONS.flag,
            statistic: 'Sum',
            period: HOUR,
          }),
        ]),
      ],
      [
        graph('Ingest duration (ms)', HALF, percentiles('ingest', METRICS.ingestDuration)),
        graph('Ingest speed (lines per second)', HALF, [
          projectMetric(stage, 'ingest', METRICS.ingestLinesPerSecond, {
            period: HOUR,
            statistic: 'Average',
            label: METRICS.ingestLinesPerSecond,
          }),
        ]),
      ],
      [heading('Reports (counts per hour)')],
      [
        graph(
          'Reports built and not built',
          QUARTER,
          counts('report', [METRICS.reportsBuilt, METRICS.reportsNotBuilt]),
        ),
        graph('Report build duration (ms)', QUARTER, percentiles('report', METRICS.reportBuildDuration)),
        graph('Items read per build', QUARTER, percentiles('report', METRICS.reportReads)),
        new GraphWidget({
          title: 'Wait before a rebuild runs (ms; right: rebuilds dropped)',
          width: QUARTER,
          height: 6,
          left: [functions.report.metric('AsyncEventAge', { period: FIVE_MINUTES, statistic: 'Maximum' })],
          right: [functions.report.metric('AsyncEventsDropped', { period: FIVE_MINUTES, statistic: 'Sum' })],
          leftYAxis: { min: 0 },
          leftAnnotations: [{ value: LATE_REBUILD_MS, label: 'ReportRebuildLate' }],
        }),
      ],
      [heading('Failures')],
      [
        graph(
          'Messages parked in the dead-letter queues',
          THIRD,
          Object.entries(props.deadLetterQueues).map(([name, queue]) =>
            queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, label: name }),
          ),
        ),
        graph(
          'Function errors',
          THIRD,
          perFunction((fn, service) => fn.metricErrors({ period: FIVE_MINUTES, label: service })),
        ),
        // Not retried: an event or message of a shape the function does not take, dropped with this count.
        graph(
          'Events refused',
          THIRD,
          perFunction((_fn, service) =>
            projectMetric(stage, service, METRICS.eventsRefused, { period: FIVE_MINUTES, label: service }),
          ),
        ),
      ],
      [
        graph('Portal API requests and errors', THIRD, [
          props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum', label: 'Count' }),
          props.api.metricClientError({ period: FIVE_MINUTES, label: '4xx' }),
          props.api.metricServerError({ period: FIVE_MINUTES, label: '5xx' }),
        ]),
        ...[METRICS.apiResponses4xx, METRICS.apiResponses5xx].map((name) =>
          graph(`${name} per route`, THIRD, [
            projectSearch(stage, name, {
              dimensions: [METRIC_DIMENSIONS.route],
              labelBy: METRIC_DIMENSIONS.route,
              statistic: 'Sum',
              period: FIVE_MINUTES,
            }),
          ]),
        ),
      ],
      [heading('Register and company lookups (per hour)')],
      [
        ...(['registry-load', 'registry-refresh'] as const).map((service) =>
          graph(
            `Register: ${service}`,
            THIRD,
            counts(service, [METRICS.registryRowsRead, METRICS.registryFactsStored]),
            counts(service, [METRICS.registryLoadsEmpty]),
          ),
        ),
        graph(
          'Company lookups',
          THIRD,
          counts('company-lookup', [
            METRICS.companyLookupsAsked,
            METRICS.companyLookupsFound,
            METRICS.companyLookupsUnanswered,
          ]),
        ),
      ],
      [heading('Supplier surveys (per hour)')],
      [
        // Counted by the api function when a supplier's form is stored or withdrawn: how a survey
        // fills up, and a sudden run of withdrawals worth a look. No alarm: none of it needs an operator.
        graph(
          'Survey answers and withdrawals through the form',
          HALF,
          counts('api', [METRICS.surveyAnswers, METRICS.surveyWithdrawals]),
        ),
      ],
      [heading('Cost drivers (per hour)')],
      [
        graph('Table capacity consumed', QUARTER, [
          tableMetric('ConsumedReadCapacityUnits'),
          tableMetric('ConsumedWriteCapacityUnits'),
        ]),
        graph(
          'Lambda run time (ms, sum)',
          QUARTER,
          perFunction((fn, service) => fn.metricDuration({ period: HOUR, statistic: 'Sum', label: service })),
        ),
        graph(
          'Invocations',
          QUARTER,
          perFunction((fn, service) => fn.metricInvocations({ period: HOUR, label: service })),
        ),
        // Each one adds its init time to a request (the portal's API) and to the bill.
        graph('Cold starts', QUARTER, [
          projectSearch(stage, COLD_START.metricName, {
            dimensions: [COLD_START.functionDimension],
            labelBy: METRIC_DIMENSIONS.service,
            statistic: 'Sum',
            period: HOUR,
          }),
        ]),
      ],
    ];
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: names.dashboard,
      defaultInterval: Duration.days(7),
      widgets: rows,
    });
  }
}
