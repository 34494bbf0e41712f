import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { synthesise } from './synth.ts';
import { only, resources } from './template-queries.ts';
import { renderTokens } from './template-text.ts';

/** The operations dashboard: its widgets read from its body, the deploy-time names rendered `${Ref:…}`. */

type Templates = ReturnType<typeof synthesise>;
let t: Templates;

beforeAll(() => {
  t = synthesise();
});

interface Widget {
  readonly type: string;
  readonly x: number;
  readonly width: number;
  readonly properties: {
    readonly title?: string;
    readonly markdown?: string;
    readonly alarms?: readonly string[];
    readonly metrics?: readonly (readonly unknown[])[];
  };
}
interface Series {
  readonly namespace?: string;
  readonly metricName?: string;
  readonly dimensions: Readonly<Record<string, string>>;
  /** What the graph shows: the widget's default is the average. */
  readonly stat: string;
  readonly expression?: string;
}

const dashboardOf = (template: Template) => {
  const [, dashboard] = only(resources(template, 'AWS::CloudWatch::Dashboard'));
  const body = JSON.parse(renderTokens(dashboard.Properties.DashboardBody)) as { widgets: Widget[] };
  return { name: dashboard.Properties.DashboardName as string, widgets: body.widgets };
};

/** A graph's line: `[namespace, name, dimension, value, …, options]`, or `[{ expression, … }]`. */
function seriesOf(entry: readonly unknown[]): Series {
  const options = (entry.find((part) => typeof part === 'object') ?? {}) as {
    stat?: string;
    expression?: string;
  };
  const [namespace, metricName, ...dimensions] = entry.filter((part) => typeof part === 'string') as string[];
  const pairs = dimensions.flatMap((name, index) => (index % 2 === 0 ? [[name, dimensions[index + 1]]] : []));
  return {
    ...(namespace === undefined ? {} : { namespace, metricName }),
    dimensions: Object.fromEntries(pairs),
    stat: options.stat ?? 'Average',
    ...(options.expression === undefined ? {} : { expression: options.expression }),
  };
}
const allSeries = (widgets: readonly Widget[]) =>
  widgets.flatMap((widget) => widget.properties.metrics ?? []).map(seriesOf);
const refOf = (template: Template, type: string, prefix: string) =>
  `\${Ref:${only(resources(template, type).filter(([id]) => id.startsWith(prefix)))[0]}}`;

describe('the operations dashboard', () => {
  it('is named after the stage and opens on a pointer to the runbook, then the state of every alarm', () => {
    const { name, widgets } = dashboardOf(t.app);
    expect(name).toBe('ancrage-dev');
    expect(widgets[0]?.properties.markdown).toContain('docs/operations.md');
    const alarmWidget = only(widgets.filter((widget) => widget.type === 'alarm'));
    const alarmArns = resources(t.app, 'AWS::CloudWatch::Alarm').map(([id]) => `\${${id}.Arn}`);
    expect(alarmArns).toHaveLength(20);
    expect([...(alarmWidget.properties.alarms ?? [])].sort()).toEqual(alarmArns.sort());
  });

  it('graphs every metric the functions emit, in the stage’s namespace, by service', () => {
    const series = allSeries(dashboardOf(t.app).widgets);
    for (const metricName of Object.values(METRICS)) {
      const graphed = series.some(
        (line) =>
          (line.namespace === 'Ancrage/dev' &&
            line.metricName === metricName &&
            line.dimensions.service !== undefined) ||
          (line.expression?.includes('{"Ancrage/dev",service,') &&
            line.expression.includes(`MetricName="${metricName}"`)),
      );
      expect(graphed, metricName).toBe(true);
    }
  });

  it('finds the series of each flag, each route and each function’s cold starts with a search', () => {
    const expressions = allSeries(dashboardOf(t.app).widgets).flatMap((line) => line.expression ?? []);
    expect(expressions).toEqual(
      expect.arrayContaining([
        `SEARCH('{"Ancrage/dev",service,flag} MetricName="FlaggedLines"', 'Sum', 3600)`,
        `SEARCH('{"Ancrage/dev",service,route} MetricName="ApiResponses4xx"', 'Sum', 300)`,
        `SEARCH('{"Ancrage/dev",service,route} MetricName="ApiResponses5xx"', 'Sum', 300)`,
        `SEARCH('{"Ancrage/dev",service,function_name} MetricName="ColdStart"', 'Sum', 3600)`,
      ]),
    );
  });

  it('shows the depth of every dead-letter queue', () => {
    const series = allSeries(dashboardOf(t.app).widgets);
    const deadLetterQueues = resources(t.app, 'AWS::SQS::Queue')
      .filter(([, queue]) => queue.Properties.RedrivePolicy === undefined)
      .map(([id]) => id);
    expect(deadLetterQueues).toHaveLength(5);
    for (const id of deadLetterQueues) {
      expect(series).toContainEqual(
        expect.objectContaining({
          namespace: 'AWS/SQS',
          metricName: 'ApproximateNumberOfMessagesVisible',
          dimensions: { QueueName: `\${${id}.QueueName}` },
        }),
      );
    }
  });

  it('shows the cost drivers: the table’s consumed capacity, each function’s time and invocations', () => {
    const series = allSeries(dashboardOf(t.app).widgets);
    for (const metricName of ['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits']) {
      expect(series).toContainEqual({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensions: { TableName: 'ancrage-dev' },
        stat: 'Sum',
      });
    }
    for (const fn of ['Api', 'Ingest', 'Report', 'RegistryLoad', 'RegistryRefresh', 'CompanyLookup']) {
      const dimensions = { FunctionName: refOf(t.app, 'AWS::Lambda::Function', `${fn}Function`) };
      for (const metricName of ['Duration', 'Invocations', 'Errors']) {
        expect(series).toContainEqual({
          namespace: 'AWS/Lambda',
          metricName,
          dimensions,
          stat: 'Sum',
        });
      }
    }
  });

  it('shows the API’s requests and errors, and how long report rebuilds wait', () => {
    const series = allSeries(dashboardOf(t.app).widgets);
    const api = { ApiId: refOf(t.app, 'AWS::ApiGatewayV2::Api', 'PortalApi') };
    for (const metricName of ['Count', '4xx', '5xx']) {
      expect(series).toContainEqual({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensions: api,
        stat: 'Sum',
      });
    }
    expect(series).toContainEqual({
      namespace: 'AWS/Lambda',
      metricName: 'AsyncEventAge',
      dimensions: { FunctionName: refOf(t.app, 'AWS::Lambda::Function', 'ReportFunction') },
      stat: 'Maximum',
    });
  });

  it('lays its widgets out within the page’s 24 columns', () => {
    for (const widget of dashboardOf(t.app).widgets) expect(widget.x + widget.width).toBeLessThanOrEqual(24);
  });

  it('is left out when the configuration turns it off, the alarms kept', () => {
    const without = synthesise({ config: { observability: { dashboard: false } } });
    expect(resources(without.app, 'AWS::CloudWatch::Dashboard')).toEqual([]);
    expect(resources(without.app, 'AWS::CloudWatch::Alarm')).toHaveLength(20);
  });
});
