import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesise } from './synth.ts';

type Templates = ReturnType<typeof synthesise>;
let t: Templates;

beforeAll(() => {
  t = synthesise();
});

const only = <T>(record: Record<string, T>): T => {
  const values = Object.values(record);
  expect(values.length).toBe(1);
  return values[0] as T;
};

describe('the portal site', () => {
  it('is served on /portal/* of the reports distribution from portal/ of the reports bucket, through OAC', () => {
    const distribution = only(t.app.findResources('AWS::CloudFront::Distribution'));
    const config = distribution.Properties.DistributionConfig;
    const behaviour = config.CacheBehaviors.find(
      (b: { PathPattern: string }) => b.PathPattern === '/portal/*',
    );
    expect(behaviour).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
    });
    expect(behaviour.FunctionAssociations[0].EventType).toBe('viewer-request');
    const origin = config.Origins.find((o: { Id: string }) => o.Id === behaviour.TargetOriginId);
    expect(origin.OriginAccessControlId).toBeDefined();
    // No origin path: /portal/index.html is the object portal/index.html.
    expect(origin.OriginPath ?? '').toBe('');
    const deployment = only(t.app.findResources('Custom::CDKBucketDeployment'));
    expect(deployment.Properties.DestinationBucketKeyPrefix).toBe('portal/');
    expect(JSON.stringify(deployment.Properties.DestinationBucketName)).toContain('ancrage-dev-reports-');
  });

  it('lets CloudFront read the portal files, and nothing else new, from the private reports bucket', () => {
    const policies = Object.values(t.storage.findResources('AWS::S3::BucketPolicy'));
    const cloudFront = policies
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement) => statement.Principal?.Service === 'cloudfront.amazonaws.com');
    expect(cloudFront).toHaveLength(1);
    expect(cloudFront[0].Action).toBe('s3:GetObject');
    const resources = JSON.stringify(cloudFront[0].Resource);
    expect(resources).toContain('/reports/*');
    expect(resources).toContain('/portal/*');
    expect(cloudFront[0].Resource).toHaveLength(2);
  });

  it('gives the page a CSP that loads only its own files and connects only to the API, sign-in and uploads', () => {
    const policies = Object.values(t.app.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const portal = policies.find((policy) => JSON.stringify(policy).includes("script-src 'self'"));
    const csp = JSON.stringify(
      portal?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy
        .ContentSecurityPolicy,
    );
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(csp).toContain('ApiEndpoint');
    expect(csp).toContain('amazoncognito.com');
    expect(csp).toContain('ancrage-dev-uploads-');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('signs in through the hosted pages with the code flow only, back to the portal URL', () => {
    const client = only(t.app.findResources('AWS::Cognito::UserPoolClient'));
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email'],
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(JSON.stringify(client.Properties.CallbackURLs)).toMatch(/ReportsSite.*DomainName.*\/portal\//);
    expect(client.Properties.GenerateSecret).not.toBe(true);
    t.app.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    // The API's JWT authorizer accepts this client's tokens.
    t.app.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: Match.objectLike({
        Audience: [{ Ref: Match.stringLikeRegexp('PortalUsersPortal') }],
      }),
    });
  });

  it('writes config.json with the API URL, the hosted sign-in and the client id, resolved at deploy time', () => {
    const deployment = only(t.app.findResources('Custom::CDKBucketDeployment'));
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    expect(markers).toContain('ApiEndpoint');
    expect(markers).toMatch(/PortalUsersSignIn/);
    expect(markers).toMatch(/PortalUsersPortal/);
    t.app.hasOutput('PortalUrl', Match.anyValue());
  });

  it('grants the file copy only the CDK asset bucket and the reports bucket', () => {
    const policies = Object.values(t.app.findResources('AWS::IAM::Policy')).filter((policy) =>
      String(policy.Properties.Roles[0].Ref).startsWith('CustomCDKBucketDeployment'),
    );
    expect(policies).toHaveLength(1);
    for (const statement of policies[0]?.Properties.PolicyDocument.Statement ?? []) {
      const resources = JSON.stringify(statement.Resource);
      expect(resources).not.toBe('"*"');
      expect(resources).toMatch(/cdk-hnb659fds-assets-|ancrage-dev-reports-/);
    }
  });
});
