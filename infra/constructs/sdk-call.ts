import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, type AwsSdkCall } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';

export interface SdkCallProps {
  /** Made on create and on every change of its parameters. */
  readonly onUpdate: AwsSdkCall;
  readonly onDelete?: AwsSdkCall;
  /** Exactly what the calls need, on named resources. */
  readonly statements: readonly PolicyStatement[];
}

/**
 * An AWS API call CloudFormation makes while deploying (CDK's `AwsCustomResource`: one handler per
 * stack), for a setting CloudFormation cannot wire itself. The handler uses the SDK of its runtime:
 * nothing is downloaded at deploy time. Its log group: infra/function-logs.ts.
 */
export function sdkCall(scope: Construct, id: string, props: SdkCallProps): AwsCustomResource {
  return new AwsCustomResource(scope, id, {
    onUpdate: props.onUpdate,
    ...(props.onDelete ? { onDelete: props.onDelete } : {}),
    policy: AwsCustomResourcePolicy.fromStatements([...props.statements]),
    installLatestAwsSdk: false,
  });
}
