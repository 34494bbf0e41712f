import {
  Alarm,
  type AlarmProps,
  ComparisonOperator,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/** Where an operator who received an alarm reads what it means and what to do, alarm by alarm. */
export const ALARMS_RUNBOOK = 'docs/operations.md#alarms';

export interface OperatorAlarmProps extends Partial<Omit<AlarmProps, 'metric' | 'alarmDescription'>> {
  readonly metric: IMetric;
  /** What happened, in the operator's words: the e-mail shows it. */
  readonly description: string;
  readonly topic: ITopic;
}

/**
 * An alarm e-mailed through the Alarms topic, by default on one occurrence in five minutes (an
 * `≥ 1` threshold on a count). No data is not a breach: most of what is counted happens rarely, and
 * a month without an upload is not a failure.
 */
export function operatorAlarm(scope: Construct, id: string, props: OperatorAlarmProps): Alarm {
  const { metric, description, topic, ...overrides } = props;
  const alarm = new Alarm(scope, id, {
    metric,
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: `${description} What to do: ${ALARMS_RUNBOOK}.`,
    ...overrides,
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}
