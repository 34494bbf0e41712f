import { type Stack, Validations } from 'aws-cdk-lib';

/** Findings accepted stack-wide, each with the reason it is right here. */
export function acknowledgeProjectWide(stack: Stack): void {
  Validations.of(stack).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'AWSLambdaBasicExecutionRole only lets a function write its own logs (CloudWatch Logs CreateLogStream/PutLogEvents); everything else is granted statement by statement.',
  });
}
