import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';

/** `arn:aws:sqs:eu-west-3:123456789012:queue-name` → the queue's URL. */
export function queueUrlOfArn(arn: string): string {
  const [, partition, , region, account, name] = arn.split(':');
  const domain = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sqs.${region}.${domain}/${account}/${name}`;
}

/**
 * Makes a message visible again at once: a run paused at a checkpoint continues now, not after the
 * queue's visibility timeout.
 */
export function createSqsRequeue(client: SQSClient = new SQSClient({})) {
  return async (record: { readonly eventSourceARN: string; readonly receiptHandle: string }) => {
    await client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrlOfArn(record.eventSourceARN),
        ReceiptHandle: record.receiptHandle,
        VisibilityTimeout: 0,
      }),
    );
  };
}
