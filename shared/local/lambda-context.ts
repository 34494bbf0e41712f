import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

/** The context Lambda would pass, for driving handlers in-process. */
export function localLambdaContext(functionName: string): Context {
  const deadline = Date.now() + FIFTEEN_MINUTES_MS;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
