import { CfnResource, type IAspect, RemovalPolicy } from 'aws-cdk-lib';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';

/**
 * Gives every Lambda function of the app that has no log group of its own — CDK's helpers: the bucket
 * deployment's handler, the SDK-call handler, the bucket-notifications handler — one with the
 * deployment's retention. Without it, Lambda creates `/aws/lambda/<name>` on first run, kept forever.
 * An aspect, so a helper a future CDK version adds is covered too.
 */
export class EveryFunctionLogged implements IAspect {
  constructor(private readonly retention: RetentionDays) {}

  visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node) || node.cfnResourceType !== 'AWS::Lambda::Function') return;
    if (node instanceof CfnFunction && node.loggingConfig !== undefined) return;
    const scope = node.node.scope;
    if (!scope) return;
    const logGroup = new LogGroup(scope, 'RetainedLogs', {
      retention: this.retention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    if (node instanceof CfnFunction) node.loggingConfig = { logGroup: logGroup.logGroupName };
    // CDK's bucket-notifications handler is a bare CloudFormation resource, with no typed property.
    else node.addPropertyOverride('LoggingConfig', { LogGroup: logGroup.logGroupName });
  }
}
