import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_THROTTLING } from '../../infra/constructs/portal-api.ts';
import { PORTAL_MANAGED_RULE_GROUPS } from '../../infra/stacks/waf-stack.ts';
import { findDependencyCycle } from './dependency-cycle.ts';
import { synthesise } from './synth.ts';
import { renderTokens, sdkCallOf } from './template-text.ts';

/** The findings of the security review of the templates (docs/security.md, "Infrastructure"), one block each. */

type Templates = ReturnType<typeof synthesise>;
let t: Templates;

beforeAll(() => {
  t = synthesise();
});

const all = (): Template[] => [t.storage, t.app, ...(t.waf ? [t.waf] : [])];
const templates = () => all().map((template) => template.toJSON());
const resources = (template: Template, type: string) => Object.entries(template.findResources(type));
const only = <T>(items: readonly T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};
/** cdk-nag findings acknowledged in a stack, by rule id: their reasons. */
const acknowledged = (synthesised: Templates, stackName: string, rule: string): string[] =>
  synthesised.assembly
    .getStackByName(stackName)
    .findMetadataByType('aws:cdk:acknowledged-rules')
    .flatMap((entry) => Object.entries(entry.data as unknown as Record<string, string>))
    .filter(([id]) => id === rule)
    .map(([, reason]) => reason);
const CFR2 = 'AwsSolutions::AwsSolutions-CFR2';
const sdkCalls = (action: string) =>
  resources(t.app, 'Custom::AWS').filter(([, r]) => sdkCallOf(r, 'Create').action === action);
/** The portal's distribution: the one in the app stack. */
const portalDistributionId = () => only(resources(t.app, 'AWS::CloudFront::Distribution'))[0];
const PORTAL_ORIGIN = () => `https://\${${portalDistributionId()}.DomainName}`;

describe('every template', () => {
  it('has no dependency cycle between its resources (CloudFormation would refuse it at deploy)', () => {
    for (const template of templates()) expect(findDependencyCycle(template as never)).toBeUndefined();
  });
});

describe('1. CORS: the portal origin only', () => {
  it('allows no origin "*" anywhere, and the storage stack sets no CORS rule of its own', () => {
    for (const template of templates()) {
      expect(JSON.stringify(template)).not.toMatch(/"Allow(ed)?Origins":\["\*"\]/);
    }
    for (const [, bucket] of resources(t.storage, 'AWS::S3::Bucket')) {
      expect(bucket.Properties.CorsConfiguration).toBeUndefined();
    }
    for (const [, api] of resources(t.app, 'AWS::ApiGatewayV2::Api')) {
      expect(api.Properties.CorsConfiguration).toBeUndefined();
    }
  });

  it("lets the portal's distribution domain, and only it, call the API from a browser", () => {
    const [, resource] = only(sdkCalls('updateApi'));
    const call = sdkCallOf(resource, 'Create');
    expect(call.service).toBe('ApiGatewayV2');
    expect(call.parameters.ApiId).toMatch(/^\$\{Ref:PortalApi/);
    expect(call.parameters.CorsConfiguration).toMatchObject({
      AllowOrigins: [PORTAL_ORIGIN()],
      AllowMethods: ['GET', 'POST', 'PUT'],
      AllowHeaders: ['authorization', 'content-type'],
    });
    expect(sdkCallOf(resource, 'Update')).toEqual(call);
    expect(sdkCallOf(resource, 'Delete').action).toBe('deleteCorsConfiguration');
  });

  it("lets the portal's distribution domain, and only it, post the presigned upload form", () => {
    const [, resource] = only(sdkCalls('putBucketCors'));
    const call = sdkCallOf(resource, 'Create');
    expect(call.parameters.Bucket).toMatch(/^ancrage-dev-uploads-/);
    expect(call.parameters.CORSConfiguration).toEqual({
      CORSRules: [
        {
          AllowedMethods: ['POST'],
          AllowedOrigins: [PORTAL_ORIGIN()],
          AllowedHeaders: ['*'],
          ExposeHeaders: ['ETag'],
          MaxAgeSeconds: 3600,
        },
      ],
    });
    expect(sdkCallOf(resource, 'Delete').action).toBe('deleteBucketCors');
  });
});

describe('2. API throttling', () => {
  it('throttles every route of the stage, tighter the routes that start work and the public survey form', () => {
    const [, stage] = only(resources(t.app, 'AWS::ApiGatewayV2::Stage'));
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 20,
      ThrottlingBurstLimit: 40,
    });
    const limits = (rate: number, burst: number) => ({
      ThrottlingRateLimit: rate,
      ThrottlingBurstLimit: burst,
    });
    expect(stage.Properties.RouteSettings).toEqual({
      'POST /uploads': limits(2, 5),
      'POST /reports/rebuild': limits(1, 2),
      'POST /surveys': limits(2, 5),
      'POST /surveys/answers': limits(1, 2),
      'POST /surveys/{key}/reminder': limits(1, 5),
      // Open to anyone with a link (tests/infra/surveys.test.ts).
      'GET /survey/{token}': limits(5, 10),
      'POST /survey/{token}': limits(5, 10),
      'POST /survey/{token}/withdraw': limits(5, 10),
    });
    for (const limits of Object.values(API_THROTTLING.routes)) {
      expect(limits.rate).toBeLessThan(API_THROTTLING.default.rate);
      expect(limits.burst).toBeLessThan(API_THROTTLING.default.burst);
    }
    // Route settings name routes: the stage waits for them.
    const routeIds = resources(t.app, 'AWS::ApiGatewayV2::Route')
      .filter(([, route]) => route.Properties.RouteKey in stage.Properties.RouteSettings)
      .map(([id]) => id);
    expect(routeIds).toHaveLength(Object.keys(stage.Properties.RouteSettings).length);
    expect([stage.DependsOn].flat()).toEqual(expect.arrayContaining(routeIds));
  });
});

describe('3. one report build at a time', () => {
  it('reserves a concurrency of 1 for the report function, which both rebuild rules invoke', () => {
    const [reportId, report] = only(
      resources(t.app, 'AWS::Lambda::Function').filter(([id]) => /^ReportFunction[A-F0-9]{8}$/.test(id)),
    );
    expect(report.Properties.ReservedConcurrentExecutions).toBe(1);
    const targetsOfReport = resources(t.app, 'AWS::Events::Rule').filter(([, rule]) =>
      JSON.stringify(rule.Properties.Targets).includes(`"${reportId}"`),
    );
    expect(targetsOfReport.map(([, rule]) => rule.Properties.EventPattern.source[0]).sort()).toEqual([
      'ancrage.ingest',
      'ancrage.portal',
    ]);
    // Besides the company lookups (one run at a time within the provider's rate limit:
    // tests/infra/company-lookup.test.ts), no other function is limited this way (the queues bound
    // ingest and registry-load instead).
    const reserved = resources(t.app, 'AWS::Lambda::Function').filter(
      ([, fn]) => fn.Properties.ReservedConcurrentExecutions !== undefined,
    );
    const [lookupId] = only(
      resources(t.app, 'AWS::Lambda::Function').filter(([id]) => id.startsWith('CompanyLookupFunction')),
    );
    expect(reserved.map(([id]) => id).sort()).toEqual([lookupId, reportId].sort());
  });
});

describe('4. WAF in front of the portal', () => {
  it('creates a CLOUDFRONT WebACL with the managed IP reputation list and common rule set, in us-east-1', () => {
    const waf = t.waf;
    if (!waf) throw new Error('the default configuration turns WAF on');
    expect(t.assembly.getStackByName('Ancrage-dev-Waf').environment.region).toBe('us-east-1');
    const [, acl] = only(resources(waf, 'AWS::WAFv2::WebACL'));
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} });
    expect(
      acl.Properties.Rules.map(
        (rule: { Statement: { ManagedRuleGroupStatement: { VendorName: string; Name: string } } }) =>
          [
            rule.Statement.ManagedRuleGroupStatement.VendorName,
            rule.Statement.ManagedRuleGroupStatement.Name,
          ].join(':'),
      ),
    ).toEqual(PORTAL_MANAGED_RULE_GROUPS.map((name) => `AWS:${name}`));
    const [, parameter] = only(resources(waf, 'AWS::SSM::Parameter'));
    expect(parameter.Properties.Name).toBe('/ancrage/dev/portal-web-acl-arn');
  });

  it("attaches that WebACL to the portal's distribution, read from us-east-1 at deploy time", () => {
    const [, distribution] = only(resources(t.app, 'AWS::CloudFront::Distribution'));
    const [readerId, reader] = only(sdkCalls('getParameter'));
    expect(sdkCallOf(reader, 'Create')).toMatchObject({
      service: 'SSM',
      region: 'us-east-1',
      parameters: { Name: '/ancrage/dev/portal-web-acl-arn' },
    });
    expect(distribution.Properties.DistributionConfig.WebACLId).toEqual({
      'Fn::GetAtt': [readerId, 'Parameter.Value'],
    });
    expect(acknowledged(t, 'Ancrage-dev-App', CFR2)).toEqual([]);
  });

  it('uses the WebACL the configuration names, with no WAF stack of its own', () => {
    const webAclArn =
      'arn:aws:wafv2:us-east-1:123456789012:global/webacl/shared/0123abcd-0000-4000-8000-000000000000';
    const named = synthesise({ config: { waf: { enabled: true, webAclArn } } });
    expect(named.waf).toBeUndefined();
    named.app.resourceCountIs('Custom::AWS', 3);
    const [, distribution] = only(resources(named.app, 'AWS::CloudFront::Distribution'));
    expect(distribution.Properties.DistributionConfig.WebACLId).toBe(webAclArn);
  });

  it('goes without WAF only when the configuration says so (and only then is CFR2 acknowledged)', () => {
    const off = synthesise({ config: { waf: { enabled: false } } });
    expect(off.waf).toBeUndefined();
    const [, distribution] = only(resources(off.app, 'AWS::CloudFront::Distribution'));
    expect(distribution.Properties.DistributionConfig.WebACLId).toBeUndefined();
    expect(only(acknowledged(off, 'Ancrage-dev-App', CFR2))).toMatch(
      /turned off by this deployment.s configuration/,
    );
    expect(() =>
      synthesise({ config: { waf: { enabled: false, webAclArn: 'arn:aws:wafv2:us-east-1:1:x' } } }),
    ).toThrow(/waf/);
  });
});

describe('5. CloudFront reads exactly what it serves, and the file copy touches only the portal', () => {
  const cloudFrontStatements = (template: Template) =>
    resources(template, 'AWS::S3::BucketPolicy').flatMap(([, policy]) =>
      policy.Properties.PolicyDocument.Statement.filter(
        (statement: { Principal?: { Service?: string } }) =>
          statement.Principal?.Service === 'cloudfront.amazonaws.com',
      ).map((statement: unknown) => ({ bucket: renderTokens(policy.Properties.Bucket), statement })),
    );

  it('lets the reports distribution, and no other, read reports/ of the reports bucket', () => {
    const [distributionId] = only(resources(t.storage, 'AWS::CloudFront::Distribution'));
    const { bucket, statement } = only(cloudFrontStatements(t.storage));
    expect(bucket).toMatch(/\$\{Ref:Reports/);
    expect(statement).toMatchObject({ Effect: 'Allow', Action: 's3:GetObject' });
    expect(renderTokens(statement.Resource)).toMatch(/\/reports\/\*$/);
    expect(statement.Condition).toEqual({
      StringEquals: { 'AWS:SourceArn': expect.anything() },
    });
    expect(renderTokens(statement.Condition.StringEquals['AWS:SourceArn'])).toBe(
      `arn:\${Ref:AWS::Partition}:cloudfront::\${Ref:AWS::AccountId}:distribution/\${Ref:${distributionId}}`,
    );
  });

  it("lets the portal distribution, and no other, read the portal's own bucket", () => {
    const distributionId = portalDistributionId();
    const { bucket, statement } = only(cloudFrontStatements(t.app));
    expect(bucket).toMatch(/\$\{Ref:PortalSitePortal/);
    expect(renderTokens(statement.Condition.StringEquals['AWS:SourceArn'])).toContain(
      `\${Ref:${distributionId}}`,
    );
    expect(JSON.stringify(templates())).not.toContain('distribution/*');
  });

  it('gives the bucket deployment no right on the reports bucket', () => {
    const policies = resources(t.app, 'AWS::IAM::Policy').filter(([, policy]) =>
      String(policy.Properties.Roles[0].Ref).startsWith('CustomCDKBucketDeployment'),
    );
    const text = renderTokens(JSON.parse(JSON.stringify(only(policies)[1].Properties.PolicyDocument)));
    expect(text).not.toContain('reports');
    const [, deployment] = only(resources(t.app, 'Custom::CDKBucketDeployment'));
    expect(renderTokens(deployment.Properties.DestinationBucketName)).toMatch(/\$\{Ref:PortalSitePortal/);
    expect(deployment.Properties.DestinationBucketKeyPrefix).toBeUndefined();
  });
});

describe('6. logs kept, dead letters kept, callers logged', () => {
  it('sends every function, CDK helpers included, to a log group with the configured retention', () => {
    for (const template of all()) {
      const groups = Object.fromEntries(resources(template, 'AWS::Logs::LogGroup'));
      for (const [id, fn] of resources(template, 'AWS::Lambda::Function')) {
        const groupRef = fn.Properties.LoggingConfig?.LogGroup?.Ref;
        expect(groupRef, id).toBeDefined();
        expect(groups[groupRef]?.Properties.RetentionInDays, id).toBe(90);
      }
      expect(resources(template, 'Custom::LogRetention')).toEqual([]);
    }
    const functionIds = resources(t.app, 'AWS::Lambda::Function').map(([id]) => id);
    expect(functionIds.some((id) => id.startsWith('CustomCDKBucketDeployment'))).toBe(true);
    expect(functionIds.some((id) => id.startsWith('AWS679f53fac002430cb0da5b7982bd2287'))).toBe(true);
  });

  it('keeps messages 14 days in every dead-letter queue', () => {
    const deadLetterQueues = resources(t.app, 'AWS::SQS::Queue').filter(([id]) => /Dlq/.test(id));
    // Ingest, registry load, report events, company-lookup events, and the registry refresh's schedule.
    expect(deadLetterQueues).toHaveLength(5);
    for (const [, queue] of deadLetterQueues)
      expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  it('writes the caller address in the API access log', () => {
    const [, stage] = only(resources(t.app, 'AWS::ApiGatewayV2::Stage'));
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toMatchObject({
      sourceIp: '$context.identity.sourceIp',
      user: '$context.authorizer.claims.sub',
    });
  });
});

describe('7. the portal on an origin of its own', () => {
  it('serves the reports and the portal from two distributions that share no origin', () => {
    const [, reports] = only(resources(t.storage, 'AWS::CloudFront::Distribution'));
    const [, portal] = only(resources(t.app, 'AWS::CloudFront::Distribution'));
    expect(reports.Properties.DistributionConfig.CacheBehaviors).toBeUndefined();
    expect(reports.Properties.DistributionConfig.Origins).toHaveLength(1);
    expect(reports.Properties.DistributionConfig.Origins[0].OriginPath).toBe('/reports');
    expect(portal.Properties.DistributionConfig.CacheBehaviors).toBeUndefined();
    const portalOrigin = only(portal.Properties.DistributionConfig.Origins as { DomainName: unknown }[]);
    expect(renderTokens(portalOrigin.DomainName)).toMatch(/^\$\{PortalSitePortal.*\.RegionalDomainName\}$/);
  });
});
