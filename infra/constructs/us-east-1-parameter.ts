import { Aws } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { sdkCall } from './sdk-call.ts';

/**
 * The value of an SSM parameter of us-east-1, read at deploy time from a stack of any region
 * (CloudFormation resolves parameters in its own region only). Read again whenever `name` changes.
 */
export function readUsEast1Parameter(scope: Construct, id: string, name: string): string {
  const region = 'us-east-1';
  return sdkCall(scope, id, {
    onUpdate: {
      service: 'SSM',
      action: 'getParameter',
      parameters: { Name: name },
      region,
      physicalResourceId: PhysicalResourceId.of(name),
      outputPaths: ['Parameter.Value'],
    },
    statements: [
      new PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: [`arn:${Aws.PARTITION}:ssm:${region}:${Aws.ACCOUNT_ID}:parameter${name}`],
      }),
    ],
  }).getResponseField('Parameter.Value');
}
