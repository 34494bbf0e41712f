import { type CfnResource, Duration, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { DeployConfig } from '../config.ts';
import { operatorAlarm } from './operator-alarm.ts';
import { MAX_REFRESH_ROUNDS, refreshLoop } from './refresh-loop.ts';

export interface RegistryRefreshProps {
  readonly refreshFunction: IFunction;
  /** The state machine's name: `ancrage-<stage>-registry-refresh`. */
  readonly name: string;
  readonly schedule: DeployConfig['registryRefresh'];
  readonly logRetention: RetentionDays;
  readonly alarms: ITopic;
  /** How long the schedule's dead-letter queue keeps a start it could not make. */
  readonly deadLetterRetention: Duration;
  /** X-Ray on the executions, as on the function they invoke (`observability.tracing`). */
  readonly tracing: boolean;
}

/**
 * The monthly refresh of the register: a standard state machine that invokes the function round
 * after round until it is done, started by EventBridge Scheduler, with alarms on a failed or
 * timed-out execution.
 */
export class RegistryRefresh extends Construct {
  readonly stateMachine: StateMachine;
  /** Where the schedule parks a start it could not make: the stack alarms on its depth. */
  readonly deadLetterQueue: Queue;
  /** A failed and a timed-out execution: the dashboard lists them with the stack's own. */
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: RegistryRefreshProps) {
    super(scope, id);
    // Under /aws/vendedlogs/: Step Functions then needs no entry in the account's CloudWatch Logs
    // resource policy, whose size is limited.
    const logs = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${props.name}`,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.name,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(refreshLoop(this, props.refreshFunction)),
      // Every round at most 15 minutes, plus retries of throttled invocations.
      timeout: Duration.minutes(MAX_REFRESH_ROUNDS * 15 + 60),
      // Every state's events, without the states' input and output: the function logs its summary.
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: props.tracing,
    });
    const functionId = Stack.of(this).getLogicalId(props.refreshFunction.node.defaultChild as CfnResource);
    Validations.of(this.stateMachine).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason:
          'Delivering a state machine\'s logs to CloudWatch Logs (logs:CreateLogDelivery, GetLogDelivery, … DescribeLogGroups) and, traced, sending X-Ray segments (xray:PutTraceSegments, GetSamplingRules, …) take no resource-level permission: AWS documents these actions on "*".',
      },
      {
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
        reason:
          "The versions and aliases of the one function the state machine invokes (CDK's invoke grant).",
      },
    );
    if (!props.tracing) {
      Validations.of(this.stateMachine).acknowledge({
        id: 'AwsSolutions::AwsSolutions-SF2',
        reason:
          "Tracing is turned off by the deployment's configuration (observability.tracing): the execution history still shows each round, its duration and its error, and the function's log says why.",
      });
    }

    this.deadLetterQueue = new Queue(this, 'ScheduleDlq', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: props.deadLetterRetention,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'This is a dead-letter queue.',
    });
    new Schedule(this, 'Monthly', {
      description: "Refreshes the supplier register from INSEE's monthly SIRENE stock.",
      schedule: ScheduleExpression.expression(props.schedule.schedule, TimeZone.of(props.schedule.timezone)),
      enabled: props.schedule.enabled,
      timeWindow: TimeWindow.off(),
      target: new StepFunctionsStartExecution(this.stateMachine, {
        input: ScheduleTargetInput.fromObject({}),
        // A start refused for a while (throttled, the state machine being updated) is tried again for
        // a few hours, then parked: a refresh a day late is as good as on time.
        retryAttempts: 10,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: this.deadLetterQueue,
      }),
    });

    const period = Duration.minutes(5);
    this.alarms = [
      operatorAlarm(this, 'Failed', {
        metric: this.stateMachine.metricFailed({ period, statistic: 'Sum' }),
        description:
          "A registry refresh failed: the execution's cause says why (a stock file missing or unreadable, too many rounds), or the function's log when it threw.",
        topic: props.alarms,
      }),
      operatorAlarm(this, 'TimedOut', {
        metric: this.stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
        description:
          'A registry refresh ran past its time limit: start it again, it resumes at its checkpoint.',
        topic: props.alarms,
      }),
    ];
  }
}
