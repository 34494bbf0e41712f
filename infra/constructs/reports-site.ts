import { Annotations, Validations } from 'aws-cdk-lib';
import { Distribution, ViewerProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { REPORTS_CSP } from '../../shared/contracts/content-security.ts';
import { OBJECT_PREFIXES } from '../../shared/contracts/table.ts';
import type { CustomDomain } from '../config.ts';
import { customDomainProps } from './custom-domain.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * The public reports, read-only through CloudFront from `reports/` of the private reports bucket (origin
 * access control). It lives beside the bucket, in the storage stack: its address is the one citizens
 * bookmark and other sites link to, so redeploying or tearing down the app stack must not change it.
 */
export class ReportsSite extends Construct {
  readonly distribution: Distribution;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly bucket: IBucket; readonly domain?: CustomDomain | undefined },
  ) {
    super(scope, id);
    // Through an imported reference, so CloudFront's grant is not CDK's default one on the whole
    // bucket: the storage stack grants `reports/*` to this distribution only.
    const origin = Bucket.fromBucketAttributes(this, 'Origin', {
      bucketName: props.bucket.bucketName,
      bucketRegionalDomainName: props.bucket.bucketRegionalDomainName,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(origin, {
          originPath: `/${OBJECT_PREFIXES.reports.replace(/\/$/, '')}`,
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders(this, 'SecurityHeaders', REPORTS_CSP),
      },
      defaultRootObject: 'index.html',
      ...customDomainProps(this, props.domain),
    });
    Annotations.of(this.distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      'Deliberate: the storage stack writes the bucket policy itself, for reports/* only.',
    );
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-CFR1',
        reason: 'The reports are public information for every citizen: no geographic restriction.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR2',
        reason:
          'Static, read-only public pages (no script, no form, no cookie, no API behind them): the portal and its sign-in have their own distribution, behind WAF.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR3',
        reason:
          'Access logs need an ACL-enabled bucket; S3 access logs on the reports bucket already record every read.',
      },
    );
    if (!props.domain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions::AwsSolutions-CFR4',
        reason:
          'The default CloudFront certificate is used until the deployer adds a custom domain (config `domains.reports`), served with TLS 1.2 at least.',
      });
  }
}
