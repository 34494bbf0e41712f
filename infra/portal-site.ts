import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Annotations, DockerImage, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  type ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { CfnUserPoolClient, UserPool, UserPoolClient, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { Bucket, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { portalCsp } from '../shared/contracts/content-security.ts';
import type { CustomDomain } from './config.ts';
import { customDomainProps, siteOrigin } from './constructs/custom-domain.ts';
import { PrivateBucket } from './constructs/private-bucket.ts';
import { securityHeaders } from './constructs/security-headers.ts';
import { resourceNames } from './naming.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export interface PortalSiteProps {
  readonly stage: string;
  readonly userPool: UserPool;
  /** The app client the API's JWT authorizer accepts: the portal signs in through it. */
  readonly client: UserPoolClient;
  readonly apiUrl: string;
  /** Origins the page uploads to (the uploads bucket's presigned POST URL). */
  readonly uploadOrigins: readonly string[];
  /** The CLOUDFRONT WebACL in front of the portal; none when the deployment turns WAF off. */
  readonly webAclArn: string | undefined;
  /** The portal under the deployer's own name. */
  readonly domain?: CustomDomain | undefined;
}

/**
 * The web portal in the cloud: its built files in a bucket of their own, served by a distribution of
 * their own (origin access control; a content-security policy of its own; WAF unless turned off), sign-in
 * through the user pool's hosted pages (authorization code + PKCE), and a generated `config.json`
 * telling the page where the API and the sign-in are.
 *
 * Its own origin, not a path of the public reports site: the page keeps the user's token in
 * sessionStorage, which any script of the same origin can read, so the portal shares its origin with
 * nothing else — no published report, nor anything a future report might embed.
 */
export class PortalSite extends Construct {
  readonly url: string;
  /** `https://<distribution domain>`: what CORS lets call the API and post uploads. */
  readonly origin: string;
  readonly domain: UserPoolDomain;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: PortalSiteProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const names = resourceNames(props.stage);
    // Built files only, rewritten on every deployment: emptied by the deployment and deleted with the
    // stack (a fixed name must be free again for the next deployment).
    const bucket = new PrivateBucket(this, 'Portal', {
      bucketName: names.portal,
      removalPolicy: RemovalPolicy.DESTROY,
      accessLogs: Bucket.fromBucketName(this, 'AccessLogs', names.accessLogs),
    });
    Annotations.of(bucket).acknowledgeWarning(
      '@aws-cdk/aws-s3:accessLogsPolicyNotAdded',
      'The access-log bucket lets the S3 log delivery group write by ACL (LogDeliveryWrite): it needs no policy naming this bucket.',
    );
    // A hosted sign-in prefix is unique per region across all accounts: the account id makes it so.
    this.domain = props.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: `ancrage-${props.stage}-${stack.account}` },
    });
    const signIn = this.domain.baseUrl();

    this.distribution = new Distribution(this, 'Distribution', {
      defaultBehavior: {
        // The bucket is this stack's own: CDK's grant lets this distribution, and no other, read it.
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: this.cachePolicy(),
        responseHeadersPolicy: this.headers([props.apiUrl, signIn, ...props.uploadOrigins]),
      },
      defaultRootObject: 'index.html',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      ...customDomainProps(this, props.domain),
    });
    this.origin = siteOrigin(props.domain, this.distribution.distributionDomainName);
    this.url = `${this.origin}/`;
    this.acknowledgeDistribution(props.webAclArn !== undefined, props.domain !== undefined);
    this.signInThroughHostedPages(props.client);

    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [
        Source.asset(`${repoRoot}portal`, {
          bundling: {
            // Built by Vite on this machine (never in Docker): the image is never pulled.
            image: DockerImage.fromRegistry('unused'),
            local: {
              tryBundle(outputDir) {
                execFileSync(
                  process.execPath,
                  ['--import', 'tsx', `${repoRoot}portal/build.ts`, outputDir, '--without-config'],
                  {
                    cwd: repoRoot,
                    stdio: 'inherit',
                  },
                );
                return true;
              },
            },
          },
        }),
        Source.jsonData('config.json', {
          apiUrl: props.apiUrl,
          auth: { mode: 'cognito', domain: signIn, clientId: props.client.userPoolClientId },
        }),
      ],
      // The whole bucket is the portal's: files of an older build are pruned, nothing else is reachable.
      destinationBucket: bucket,
      retainOnDelete: false,
      memoryLimit: 512,
      // Its handler's log group: infra/function-logs.ts.
    });
    this.acknowledgeDeployment(deployment, bucket);
  }

  private acknowledgeDistribution(withWaf: boolean, withDomain: boolean): void {
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-CFR1',
        reason:
          'Officers sign in from wherever they work (on the road, abroad); sign-in and the API decide access, not geography.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR3',
        reason:
          'No CloudFront standard logs: the portal bucket has S3 access logs of every read of its static files, and every action is an API call, in the API access log with source IP and user.',
      },
      ...(withDomain
        ? []
        : [
            {
              id: 'AwsSolutions::AwsSolutions-CFR4',
              reason:
                'The default CloudFront certificate is used until the deployer adds a custom domain (config `domains.portal`), served with TLS 1.2 at least.',
            },
          ]),
      ...(withWaf
        ? []
        : [
            {
              id: 'AwsSolutions::AwsSolutions-CFR2',
              reason:
                'WAF is turned off by this deployment’s configuration (`waf.enabled: false`): the portal pages are static, every API call needs a user-pool token and the API is throttled (docs/security.md).',
            },
          ]),
    );
  }

  /** The deployment's handler is a stack-wide singleton: acknowledge on it, through its role. */
  private acknowledgeDeployment(deployment: BucketDeployment, bucket: Bucket): void {
    const handler = deployment.handlerRole.node.scope;
    if (!handler) throw new Error('the bucket deployment has no handler');
    const copyReason =
      "CDK's bucket deployment copies the built portal from the CDK asset bucket into the portal's own bucket (and prunes older files there); these are the grants aws-cdk-lib gives it on those two buckets.";
    Validations.of(handler).acknowledge(
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions::AwsSolutions-IAM5[Action::${action}]`,
        reason: copyReason,
      })),
      ...[
        'arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
        `<${Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnBucket)}.Arn>/*`,
      ].map((resource) => ({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::${resource}]`,
        reason: copyReason,
      })),
      {
        id: 'AwsSolutions::AwsSolutions-L1',
        reason: "The runtime of CDK's own bucket-deployment handler is chosen and upgraded by aws-cdk-lib.",
      },
    );
  }

  /** The portal's app client gets the hosted sign-in: authorization code only (PKCE), back to the portal. */
  private signInThroughHostedPages(client: UserPoolClient): void {
    const cfn = client.node.defaultChild as CfnUserPoolClient;
    cfn.allowedOAuthFlowsUserPoolClient = true;
    cfn.allowedOAuthFlows = ['code'];
    cfn.allowedOAuthScopes = ['openid', 'email'];
    cfn.supportedIdentityProviders = ['COGNITO'];
    cfn.callbackUrLs = [this.url];
    cfn.logoutUrLs = [this.url];
  }

  /** The page loads only its own files and talks only to the API, the sign-in and the uploads bucket. */
  private headers(connectTo: readonly string[]): ResponseHeadersPolicy {
    return securityHeaders(this, 'Headers', portalCsp(connectTo));
  }

  /**
   * A minute by default: a new deployment shows within a minute without an invalidation (which would
   * need a `cloudfront:CreateInvalidation` grant on every distribution). Vite's hashed files never change.
   */
  private cachePolicy(): CachePolicy {
    return new CachePolicy(this, 'Cache', {
      defaultTtl: Duration.minutes(1),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
  }
}
