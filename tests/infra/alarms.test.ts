import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { synthesise } from './synth.ts';
import { only, resources } from './template-queries.ts';

/**
 * The alarms an operator acts on (docs/operations.md#alarms): what each watches, when it goes off,
 * and that every one reaches the Alarms topic. The ids are the ones the runbook lists.
 */

type Templates = ReturnType<typeof synthesise>;
let t: Templates;

beforeAll(() => {
  t = synthesise();
});

/** An alarm by its construct id: its logical id without CDK's hash. */
const alarm = (template: Template, id: string) =>
  only(
    resources(template, 'AWS::CloudWatch::Alarm').filter(([logicalId]) => logicalId.slice(0, -8) === id),
  )[1].Properties;
const logicalIdOf = (template: Template, type: string, prefix: string) =>
  only(resources(template, type).filter(([logicalId]) => logicalId.startsWith(prefix)))[0];
const alarmTopic = (template: Template) => ({ Ref: logicalIdOf(template, 'AWS::SNS::Topic', 'Alarms') });

/** One of our metrics as the function of `service` emits it, the whole of its dimensions. */
const emitted = (service: string, metricName: string) => ({
  Namespace: 'Ancrage/dev',
  MetricName: metricName,
  Dimensions: [{ Name: 'service', Value: service }],
});
const ONE_IN_FIVE_MINUTES = {
  Statistic: 'Sum',
  Period: 300,
  Threshold: 1,
  EvaluationPeriods: 1,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
};

describe('the operator alarms', () => {
  it('go off on one dataset failed, report not built or registry file that gave nothing, in five minutes', () => {
    for (const [id, service, metricName] of [
      ['IngestFailures', 'ingest', METRICS.datasetsFailed],
      ['ReportsNotBuiltAlarm', 'report', METRICS.reportsNotBuilt],
      ['RegistryLoadEmpty', 'registry-load', METRICS.registryLoadsEmpty],
    ] as const) {
      expect(alarm(t.app, id), id).toMatchObject({ ...emitted(service, metricName), ...ONE_IN_FIVE_MINUTES });
    }
  });

  it('go off when a report rebuild waited an hour, or was dropped by Lambda', () => {
    const report = [
      { Name: 'FunctionName', Value: { Ref: logicalIdOf(t.app, 'AWS::Lambda::Function', 'ReportFunction') } },
    ];
    expect(alarm(t.app, 'ReportRebuildLate')).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'AsyncEventAge',
      Dimensions: report,
      Statistic: 'Maximum',
      Period: 300,
      Threshold: 3_600_000,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarm(t.app, 'ReportRebuildsDropped')).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'AsyncEventsDropped',
      Dimensions: report,
      ...ONE_IN_FIVE_MINUTES,
    });
  });

  it('go off when 5 % of the API’s requests fail on the server in 2 of 3 periods, busy periods only', () => {
    const api = [
      { Name: 'ApiId', Value: { Ref: logicalIdOf(t.app, 'AWS::ApiGatewayV2::Api', 'PortalApi') } },
    ];
    const properties = alarm(t.app, 'Api5xxRate');
    expect(properties).toMatchObject({
      Threshold: 5,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    const [expression, ...inputs] = properties.Metrics;
    expect(expression).toMatchObject({
      Expression: 'IF(requests >= 10, 100 * errors / requests, 0)',
      ReturnData: true,
    });
    expect(inputs).toEqual(
      [
        ['errors', '5xx'],
        ['requests', 'Count'],
      ].map(([id, metricName]) => ({
        Id: id,
        MetricStat: {
          Metric: { Namespace: 'AWS/ApiGateway', MetricName: metricName, Dimensions: api },
          Period: 300,
          Stat: 'Sum',
        },
        ReturnData: false,
      })),
    );
  });

  it('go off on one event refused by any function, in five minutes', () => {
    const properties = alarm(t.app, 'EventsRefused');
    expect(properties).toMatchObject({ Threshold: 1, EvaluationPeriods: 1 });
    const [expression, ...inputs] = properties.Metrics;
    const services = ['api', 'ingest', 'report', 'registry-load', 'registry-refresh', 'company-lookup'];
    expect(expression.Expression.split(' + ')).toHaveLength(services.length);
    expect(
      inputs.map((input: { MetricStat: { Metric: { Dimensions: { Value: string }[] } } }) => ({
        ...input.MetricStat.Metric,
        service: input.MetricStat.Metric.Dimensions[0]?.Value,
      })),
    ).toEqual(
      expect.arrayContaining(
        services.map((service) =>
          expect.objectContaining({ ...emitted(service, METRICS.eventsRefused), service }),
        ),
      ),
    );
    expect(inputs).toHaveLength(services.length);
  });

  it('keep watching every dead-letter queue and every function’s errors', () => {
    for (const queue of [
      'IngestDlq',
      'RegistryDlq',
      'ReportEventsDlq',
      'CompanyLookupEventsDlq',
      'RegistryRefreshScheduleDlq',
    ]) {
      expect(alarm(t.app, `${queue}NotEmpty`)).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
      });
    }
    for (const fn of ['Api', 'Ingest', 'Report', 'RegistryLoad', 'RegistryRefresh', 'CompanyLookup']) {
      expect(alarm(t.app, `${fn}Errors`)).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [
          {
            Name: 'FunctionName',
            Value: { Ref: logicalIdOf(t.app, 'AWS::Lambda::Function', `${fn}Function`) },
          },
        ],
        ...ONE_IN_FIVE_MINUTES,
      });
    }
  });

  it('all tell the Alarms topic, say what happened and where the runbook is, and treat no data as fine', () => {
    const topic = alarmTopic(t.app);
    const all = resources(t.app, 'AWS::CloudWatch::Alarm');
    expect(all).toHaveLength(20);
    for (const [id, { Properties }] of all) {
      expect(Properties.AlarmActions, id).toEqual([topic]);
      expect(Properties.AlarmDescription, id).toMatch(/^[A-Z0-9].{30,}docs\/operations\.md#alarms\.$/);
      expect(Properties.TreatMissingData, id).toBe('notBreaching');
    }
  });

  it('read the functions’ metrics, not their logs: no metric filter is left', () => {
    expect(resources(t.app, 'AWS::Logs::MetricFilter')).toEqual([]);
  });
});
