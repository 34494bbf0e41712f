import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice,
  Condition,
  Fail,
  type IChainable,
  JitterType,
  JsonPath,
  Pass,
  Succeed,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/**
 * The most rounds one refresh may take. A round is one invocation of up to 15 minutes; the national
 * stock takes a few. The cap is there so that a function that answers `again` forever (a bug, a
 * checkpoint that never moves) fails the execution instead of invoking it for ever.
 */
export const MAX_REFRESH_ROUNDS = 20;

/**
 * Invokes the registry-refresh function until it is done: `again: true` (it stopped at a checkpoint
 * near Lambda's limit) calls it once more with the execution's own input; `status: 'failed'` fails
 * the execution with the function's reason as the cause. The state carries the round and the last
 * outcome only.
 */
export function refreshLoop(scope: Construct, refreshFunction: IFunction): IChainable {
  const firstRound = new Pass(scope, 'FirstRound', { parameters: { round: 1 } });
  const refresh = new LambdaInvoke(scope, 'Refresh', {
    lambdaFunction: refreshFunction,
    payloadResponseOnly: true,
    // Every round gets what the execution was started with (`{ base?, force? }`): the function finds
    // where the previous round stopped in its checkpoint, not in its input.
    inputPath: '$$.Execution.Input',
    // Beside the round (a result path applies to the state's input, not to what the input path chose).
    resultPath: '$.outcome',
    // Lambda's own faults (service errors, SDK errors) are retried by the task's default retrier.
    retryOnServiceExceptions: true,
  });
  // A throttled invocation did not run: waiting and asking again is always safe. An error of the
  // function itself is not retried here: it has its alarm, and a new execution resumes at the checkpoint.
  refresh.addRetry({
    errors: ['Lambda.TooManyRequestsException'],
    interval: Duration.seconds(30),
    maxAttempts: 6,
    backoffRate: 2,
    jitterStrategy: JitterType.FULL,
  });
  const nextRound = new Pass(scope, 'NextRound', {
    parameters: { round: JsonPath.mathAdd(JsonPath.numberAt('$.round'), 1) },
  });
  const tooManyRounds = new Fail(scope, 'TooManyRounds', {
    error: 'TooManyRounds',
    cause: `The refresh still asked to go on after ${MAX_REFRESH_ROUNDS} rounds: see the function's log.`,
  });
  const failed = new Fail(scope, 'RefreshFailed', { error: 'RefreshFailed', causePath: '$.outcome.reason' });
  const roundsLeft = new Choice(scope, 'RoundsLeft')
    .when(Condition.numberGreaterThanEquals('$.round', MAX_REFRESH_ROUNDS), tooManyRounds)
    .otherwise(nextRound.next(refresh));
  const outcome = new Choice(scope, 'Outcome')
    .when(Condition.booleanEquals('$.outcome.again', true), roundsLeft)
    .when(Condition.stringEquals('$.outcome.status', 'failed'), failed)
    .otherwise(new Succeed(scope, 'Done'));
  return firstRound.next(refresh).next(outcome);
}
