import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DockerImage, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  type Distribution,
  FunctionCode,
  FunctionEventType,
  type ResponseHeadersPolicy,
  S3OriginAccessControl,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { CfnUserPoolClient, UserPool, UserPoolClient, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { portalCsp } from '../shared/contracts/content-security.ts';
import { securityHeaders } from './constructs/security-headers.ts';
import { nagNames } from './naming.ts';

/** Where the portal's files live in the reports bucket, and the path CloudFront serves them on. */
export const PORTAL_PREFIX = 'portal/';
const PORTAL_PATH = '/portal/*';
const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export interface PortalSiteProps {
  readonly stage: string;
  /** The reports distribution: the portal gets its own path on it, so it needs no domain of its own. */
  readonly distribution: Distribution;
  readonly reportsBucketName: string;
  readonly userPool: UserPool;
  /** The app client the API's JWT authorizer accepts: the portal signs in through it. */
  readonly client: UserPoolClient;
  readonly apiUrl: string;
  /** Origins the page uploads to (the uploads bucket's presigned POST URL). */
  readonly uploadOrigins: readonly string[];
}

/**
 * The web portal in the cloud: its built files deployed to `portal/` of the reports bucket and served
 * by the reports distribution on `/portal/*` (origin access control, a content-security policy of its
 * own), sign-in through the user pool's hosted pages (authorization code + PKCE), and a generated
 * `config.json` telling the page where the API and the sign-in are.
 */
export class PortalSite extends Construct {
  readonly url: string;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: PortalSiteProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.url = `https://${props.distribution.distributionDomainName}/portal/`;
    // A hosted sign-in prefix is unique per region across all accounts: the account id makes it so.
    this.domain = props.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: `ancrage-${props.stage}-${stack.account}` },
    });
    this.signInThroughHostedPages(props.client);

    const bucket = Bucket.fromBucketAttributes(this, 'ReportsBucket', {
      bucketName: props.reportsBucketName,
      bucketRegionalDomainName: `${props.reportsBucketName}.s3.${stack.region}.${stack.urlSuffix}`,
    });
    const signIn = this.domain.baseUrl();
    props.distribution.addBehavior(
      PORTAL_PATH,
      S3BucketOrigin.withOriginAccessControl(bucket, {
        originAccessControl: new S3OriginAccessControl(this, 'Access'),
      }),
      {
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: this.cachePolicy(),
        responseHeadersPolicy: this.headers([props.apiUrl, signIn, ...props.uploadOrigins]),
        functionAssociations: [
          { eventType: FunctionEventType.VIEWER_REQUEST, function: this.indexRewrite() },
        ],
      },
    );

    const deployment = new BucketDeployment(this, 'Files', {
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
      destinationBucket: bucket,
      destinationKeyPrefix: PORTAL_PREFIX,
      memoryLimit: 512,
    });
    // The deployment's handler is a stack-wide singleton: acknowledge on it, through its role.
    const handler = deployment.handlerRole.node.scope;
    if (!handler) throw new Error('the bucket deployment has no handler');
    const copyReason =
      "CDK's bucket deployment copies the built portal from the CDK asset bucket into the reports bucket; these are the grants aws-cdk-lib gives it on those two buckets.";
    const reports = nagNames(props.stage).reports;
    Validations.of(handler).acknowledge(
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions::AwsSolutions-IAM5[Action::${action}]`,
        reason: copyReason,
      })),
      ...[
        'arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
        `arn:<AWS::Partition>:s3:::${reports}/*`,
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

  /** `/portal/` and any folder-like path serve the folder's index.html (S3 has no directory index). */
  private indexRewrite(): CloudFrontFunction {
    return new CloudFrontFunction(this, 'IndexRewrite', {
      code: FunctionCode.fromInline(
        "function handler(event) { var r = event.request; if (r.uri.endsWith('/')) { r.uri += 'index.html'; } return r; }",
      ),
    });
  }
}
