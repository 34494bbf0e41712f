import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_REFRESH_ROUNDS } from '../../infra/constructs/refresh-loop.ts';
import { keys } from '../../shared/adapters/dynamodb-keys.ts';
import { ENV } from '../../shared/contracts/environment.ts';
import { REGISTRY_STATE_PARTITION } from '../../shared/contracts/table.ts';
import { synthesise } from './synth.ts';
import {
  FUNCTION_TRACING_STATEMENT,
  only,
  resources,
  statementsOfRoles,
  TABLE_ARN,
} from './template-queries.ts';
import { renderTokens } from './template-text.ts';

/** The monthly registry refresh: its function, the state machine that loops it, its schedule, its alarms. */

type Templates = ReturnType<typeof synthesise>;
let t: Templates;

beforeAll(() => {
  t = synthesise();
});

const refreshFunction = (template: Template) =>
  only(
    resources(template, 'AWS::Lambda::Function').filter(([id]) => id.startsWith('RegistryRefreshFunction')),
  );
const stateMachine = (template: Template) => only(resources(template, 'AWS::StepFunctions::StateMachine'));
const schedule = (template: Template) => only(resources(template, 'AWS::Scheduler::Schedule'))[1];

interface State {
  Type: string;
  Next?: string;
  Default?: string;
  Choices?: { Variable: string; Next: string; [test: string]: unknown }[];
  Retry?: { ErrorEquals: string[]; MaxAttempts: number; BackoffRate: number; IntervalSeconds: number }[];
  [field: string]: unknown;
}
/** The state machine's definition, its function's ARN written `${RegistryRefreshFunction….Arn}`. */
const definition = (template: Template) =>
  JSON.parse(renderTokens(stateMachine(template)[1].Properties.DefinitionString)) as {
    StartAt: string;
    States: Record<string, State>;
    TimeoutSeconds: number;
  };
/** The statements of the policies attached to a role, found by its logical id's prefix. */
const statementsOf = (template: Template, rolePrefix: string) =>
  statementsOfRoles(template, (logicalId) => logicalId.startsWith(rolePrefix));

const TABLE = TABLE_ARN;

describe('the registry-refresh function', () => {
  it('runs 15 minutes with a whole vCPU, the default ephemeral storage and the deployment’s environment', () => {
    const [, fn] = refreshFunction(t.app);
    expect(fn.Properties.Timeout).toBe(900);
    expect(fn.Properties.MemorySize).toBe(1769);
    expect(fn.Properties.EphemeralStorage).toBeUndefined();
    expect(fn.Properties.VpcConfig).toBeUndefined();
    const variables = fn.Properties.Environment.Variables;
    expect(variables[ENV.tableName]).toBe('ancrage-dev');
    expect(variables[ENV.territoryId]).toBe('grenoble-alpes-metropole');
    expect(renderTokens(variables[ENV.referenceBucket])).toMatch(/^ancrage-dev-reference-/);
    // The runtime's default base (data.gouv.fr) unless the configuration names another.
    expect(variables[ENV.registryStockBase]).toBeUndefined();
  });

  it('reads the stock from the base the configuration names', () => {
    const base = 'https://miroir.ville.example/insee-sirene/';
    const mirrored = synthesise({ config: { registryRefresh: { ...REFRESH_DEFAULTS, stockBase: base } } });
    const [, fn] = refreshFunction(mirrored.app);
    expect(fn.Properties.Environment.Variables[ENV.registryStockBase]).toBe(base);
  });

  it('may read the counted datasets and write facts, delete the register’s own items only, read the territories', () => {
    const [, fn] = refreshFunction(t.app);
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    expect(statementsOf(t.app, role)).toEqual([
      FUNCTION_TRACING_STATEMENT,
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:GetItem',
          'dynamodb:BatchGetItem',
          'dynamodb:Query',
          'dynamodb:PutItem',
          'dynamodb:BatchWriteItem',
        ],
        Resource: [TABLE, `${TABLE}/index/gsi1`],
      },
      {
        Effect: 'Allow',
        Action: 'dynamodb:DeleteItem',
        Resource: [TABLE],
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['REGISTRY'] } },
      },
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: [
          `arn:\${Ref:AWS::Partition}:s3:::ancrage-dev-reference-\${Ref:AWS::AccountId}-\${Ref:AWS::Region}/territories/*`,
        ],
      },
    ]);
  });

  it('deletes in the partition the adapter keeps the register’s status and checkpoint in', () => {
    expect(keys.registryStatus.pk).toBe(REGISTRY_STATE_PARTITION);
    expect(keys.registryCheckpoint.pk).toBe(REGISTRY_STATE_PARTITION);
  });
});

describe('the refresh state machine', () => {
  it('is a standard state machine with a known name, logging every event without the data, with a time limit', () => {
    const [, machine] = stateMachine(t.app);
    expect(machine.Properties.StateMachineName).toBe('ancrage-dev-registry-refresh');
    expect(machine.Properties.StateMachineType).toBe('STANDARD');
    expect(machine.Properties.LoggingConfiguration).toMatchObject({
      Level: 'ALL',
      IncludeExecutionData: false,
    });
    const groupId =
      machine.Properties.LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn[
        'Fn::GetAtt'
      ][0];
    const group = t.app.toJSON().Resources[groupId];
    expect(group.Properties).toMatchObject({
      LogGroupName: '/aws/vendedlogs/states/ancrage-dev-registry-refresh',
      RetentionInDays: 90,
    });
    // Every round may take 15 minutes, plus an hour of retries.
    expect(definition(t.app).TimeoutSeconds).toBe((MAX_REFRESH_ROUNDS * 15 + 60) * 60);
    expect(
      renderTokens(Object.values(t.app.findOutputs('RegistryRefreshStateMachineArn'))[0]?.Value),
    ).toMatch(/^\$\{Ref:RegistryRefreshLoopStateMachine/);
  });

  it('invokes the function with the execution’s input every round, and again while it answers again', () => {
    const { StartAt, States } = definition(t.app);
    const [functionId] = refreshFunction(t.app);
    expect(StartAt).toBe('FirstRound');
    expect(States.FirstRound).toMatchObject({ Type: 'Pass', Parameters: { round: 1 }, Next: 'Refresh' });
    expect(States.Refresh).toMatchObject({
      Type: 'Task',
      Resource: `\${${functionId}.Arn}`,
      InputPath: '$$.Execution.Input',
      ResultPath: '$.outcome',
      Next: 'Outcome',
    });
    expect(States.Outcome?.Choices).toEqual([
      { Variable: '$.outcome.again', BooleanEquals: true, Next: 'RoundsLeft' },
      { Variable: '$.outcome.status', StringEquals: 'failed', Next: 'RefreshFailed' },
    ]);
    expect(States.Outcome?.Default).toBe('Done');
    expect(States.Done).toEqual({ Type: 'Succeed' });
    expect(States.RoundsLeft?.Default).toBe('NextRound');
    expect(States.NextRound).toEqual({
      Type: 'Pass',
      Parameters: { 'round.$': 'States.MathAdd($.round, 1)' },
      Next: 'Refresh',
    });
  });

  it('fails with the function’s reason, and after the last round it allows', () => {
    const { States } = definition(t.app);
    expect(States.RefreshFailed).toEqual({
      Type: 'Fail',
      Error: 'RefreshFailed',
      CausePath: '$.outcome.reason',
    });
    expect(States.RoundsLeft?.Choices).toEqual([
      { Variable: '$.round', NumericGreaterThanEquals: MAX_REFRESH_ROUNDS, Next: 'TooManyRounds' },
    ]);
    expect(States.TooManyRounds).toMatchObject({ Type: 'Fail', Error: 'TooManyRounds' });
  });

  it('retries Lambda’s own errors and throttling with backoff, and nothing else', () => {
    const retries = definition(t.app).States.Refresh?.Retry ?? [];
    expect(retries.map((retry) => retry.ErrorEquals)).toEqual([
      [
        'Lambda.ClientExecutionTimeoutException',
        'Lambda.ServiceException',
        'Lambda.AWSLambdaException',
        'Lambda.SdkClientException',
      ],
      ['Lambda.TooManyRequestsException'],
    ]);
    for (const retry of retries) {
      expect(retry.BackoffRate).toBe(2);
      expect(retry.MaxAttempts).toBeLessThanOrEqual(6);
    }
  });

  it('may invoke the refresh function, deliver its logs and send its traces, nothing else', () => {
    const [functionId] = refreshFunction(t.app);
    const statements = statementsOf(t.app, 'RegistryRefreshLoopStateMachineRole');
    expect(statements.map(({ Action, Resource }) => ({ Action, Resource }))).toEqual([
      { Action: 'lambda:InvokeFunction', Resource: [`\${${functionId}.Arn}`, `\${${functionId}.Arn}:*`] },
      { Action: expect.arrayContaining(['logs:CreateLogDelivery']), Resource: ['*'] },
      {
        Action: [
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          'xray:GetSamplingRules',
          'xray:GetSamplingTargets',
        ],
        Resource: ['*'],
      },
    ]);
  });

  it('acknowledges the log-delivery and X-Ray wildcard, and X-Ray turned off, with their reasons', () => {
    /** The state machine's acknowledgements, by rule: the functions acknowledge the same wildcard for their own reason. */
    const reasonsIn = (synthesised: Templates) => {
      const reasons = synthesised.assembly
        .getStackByName('Ancrage-dev-App')
        .findMetadataByType('aws:cdk:acknowledged-rules')
        .filter((entry) => entry.path.includes('/RegistryRefreshLoop/StateMachine'))
        .flatMap((entry) => Object.entries(entry.data as unknown as Record<string, string>));
      return (rule: string) => reasons.find(([id]) => id === rule)?.[1];
    };
    const reasonOf = reasonsIn(t);
    expect(reasonOf('AwsSolutions::AwsSolutions-IAM5[Resource::*]')).toMatch(/CreateLogDelivery/);
    // Traced by default: nothing to acknowledge.
    expect(reasonOf('AwsSolutions::AwsSolutions-SF2')).toBeUndefined();
    const untraced = reasonsIn(synthesise({ config: { observability: { tracing: false } } }));
    expect(untraced('AwsSolutions::AwsSolutions-SF2')).toMatch(/observability\.tracing.*execution history/);
  });
});

const REFRESH_DEFAULTS = { enabled: true, schedule: 'cron(0 3 3 * ? *)', timezone: 'Europe/Paris' };

describe('the refresh schedule', () => {
  it('starts the state machine at 03:00 Paris time on the 3rd of each month, on the dot', () => {
    const [machineId] = stateMachine(t.app);
    const { Properties } = schedule(t.app);
    expect(Properties).toMatchObject({
      ScheduleExpression: 'cron(0 3 3 * ? *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
    expect(Properties.Target.Arn).toEqual({ Ref: machineId });
    expect(JSON.parse(Properties.Target.Input)).toEqual({});
  });

  it('retries a start for a few hours, then parks it in a dead-letter queue that alarms', () => {
    const { Target } = schedule(t.app).Properties;
    expect(Target.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 6 * 3600, MaximumRetryAttempts: 10 });
    const queueId = Target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
    expect(t.app.toJSON().Resources[queueId].Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    t.app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
    });
  });

  it('may start this state machine and park in its queue, nothing else', () => {
    const { Target } = schedule(t.app).Properties;
    const role = Target.RoleArn['Fn::GetAtt'][0];
    const [machineId] = stateMachine(t.app);
    const queueId = Target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
    expect(statementsOf(t.app, role).map(({ Action, Resource }) => ({ Action, Resource }))).toEqual([
      { Action: 'states:StartExecution', Resource: [`\${Ref:${machineId}}`] },
      { Action: 'sqs:SendMessage', Resource: [`\${${queueId}.Arn}`] },
    ]);
  });

  it('follows the configuration: another time, another zone, or kept but disabled', () => {
    const other = synthesise({
      config: {
        registryRefresh: { enabled: false, schedule: 'cron(30 6 5 * ? *)', timezone: 'Europe/London' },
      },
    });
    expect(schedule(other.app).Properties).toMatchObject({
      ScheduleExpression: 'cron(30 6 5 * ? *)',
      ScheduleExpressionTimezone: 'Europe/London',
      State: 'DISABLED',
    });
  });

  it('refuses a schedule, a time zone or a stock base it cannot use', () => {
    for (const [wrong, message] of [
      [{ schedule: '0 3 3 * *' }, /registryRefresh\.schedule/],
      [{ timezone: 'Paris' }, /registryRefresh\.timezone/],
      [{ stockBase: 'http://files.data.gouv.fr/insee-sirene/' }, /registryRefresh\.stockBase/],
      [{ stockBase: 'https://files.data.gouv.fr/insee-sirene' }, /registryRefresh\.stockBase/],
    ] as const) {
      expect(() => synthesise({ config: { registryRefresh: { ...REFRESH_DEFAULTS, ...wrong } } })).toThrow(
        message,
      );
    }
  });
});

describe('the refresh alarms', () => {
  const alarmOn = (metricName: string, namespace: string) =>
    only(
      resources(t.app, 'AWS::CloudWatch::Alarm').filter(
        ([, alarm]) =>
          alarm.Properties.MetricName === metricName &&
          alarm.Properties.Namespace === namespace &&
          renderTokens(alarm.Properties.Dimensions?.[0]?.Value).includes('RegistryRefresh'),
      ),
    )[1].Properties;

  it('tell the alarm topic when an execution fails or times out, or the function throws', () => {
    const [machineId] = stateMachine(t.app);
    const [functionId] = refreshFunction(t.app);
    const [topicId] = only(resources(t.app, 'AWS::SNS::Topic'));
    for (const [metric, namespace, dimension] of [
      ['ExecutionsFailed', 'AWS/States', { Name: 'StateMachineArn', Value: { Ref: machineId } }],
      ['ExecutionsTimedOut', 'AWS/States', { Name: 'StateMachineArn', Value: { Ref: machineId } }],
      ['Errors', 'AWS/Lambda', { Name: 'FunctionName', Value: { Ref: functionId } }],
    ] as const) {
      const alarm = alarmOn(metric, namespace);
      expect(alarm, metric).toMatchObject({
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topicId }],
      });
      expect(alarm.Dimensions).toEqual([dimension]);
    }
  });
});
