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
  it('is served by a distribution of its own from a bucket of its own, through OAC', () => {
    const distribution = only(t.app.findResources('AWS::CloudFront::Distribution'));
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
    });
    const origin = config.Origins.find(
      (o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId,
    );
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(origin.OriginPath ?? '').toBe('');
    expect(JSON.stringify(origin.DomainName)).toContain('PortalSitePortal');
    const deployment = only(t.app.findResources('Custom::CDKBucketDeployment'));
    expect(JSON.stringify(deployment.Properties.DestinationBucketName)).toContain('PortalSitePortal');
    // The deployment empties the bucket when the stack goes, so the bucket can go too.
    expect(deployment.Properties.RetainOnDelete).toBe(false);
  });

  it('keeps its files in a private bucket, removed with the app stack', () => {
    const [bucket] = Object.values(t.app.findResources('AWS::S3::Bucket'));
    expect(Object.keys(t.app.findResources('AWS::S3::Bucket'))).toHaveLength(1);
    expect(JSON.stringify(bucket?.Properties.BucketName)).toContain('ancrage-dev-portal-');
    expect(bucket?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket?.Properties.LoggingConfiguration).toBeDefined();
    expect(bucket?.DeletionPolicy).toBe('Delete');
    expect(JSON.stringify(t.app.findResources('AWS::S3::BucketPolicy'))).toContain('aws:SecureTransport');
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
    expect(JSON.stringify(client.Properties.CallbackURLs)).toMatch(/PortalSiteDistribution.*DomainName.*\/"/);
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

  it('grants the file copy only the CDK asset bucket and the portal bucket', () => {
    const policies = Object.values(t.app.findResources('AWS::IAM::Policy')).filter((policy) =>
      String(policy.Properties.Roles[0].Ref).startsWith('CustomCDKBucketDeployment'),
    );
    expect(policies).toHaveLength(1);
    for (const statement of policies[0]?.Properties.PolicyDocument.Statement ?? []) {
      const resources = JSON.stringify(statement.Resource);
      expect(resources).not.toBe('"*"');
      expect(resources).toMatch(/cdk-hnb659fds-assets-|PortalSitePortal/);
    }
  });
});
