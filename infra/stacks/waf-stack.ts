import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { resourceNames } from '../naming.ts';

/** AWS's managed rule groups the portal's WebACL applies, in order. */
export const PORTAL_MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
] as const;

/**
 * The portal's WebACL. A WebACL for CloudFront must be created in us-east-1, while the other stacks
 * deploy to whatever region the deployer's credentials name (eu-west-3 for a French collectivité): so
 * it gets a stack of its own, pinned to us-east-1, which publishes its ARN in an SSM parameter there
 * for the app stack to read (infra/constructs/us-east-1-parameter.ts).
 */
export class WafStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { readonly stage: string }) {
    super(scope, id, { ...props, env: { ...props.env, region: 'us-east-1' } });
    const names = resourceNames(props.stage);
    const webAcl = new CfnWebACL(this, 'PortalWebAcl', {
      name: `ancrage-${props.stage}-portal`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: `ancrage-${props.stage}-portal`,
        sampledRequestsEnabled: true,
      },
      rules: PORTAL_MANAGED_RULE_GROUPS.map((name, priority) => ({
        name,
        priority,
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        overrideAction: { none: {} },
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
      })),
    });
    new StringParameter(this, 'PortalWebAclArn', {
      parameterName: names.webAclArnParameter,
      stringValue: webAcl.attrArn,
    });
    new CfnOutput(this, 'WebAclArn', { value: webAcl.attrArn });
  }
}
