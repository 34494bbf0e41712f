import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { type DistributionProps, SecurityPolicyProtocol } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import type { CustomDomain } from '../config.ts';

/**
 * The distribution settings that serve a site under the deployer's own name: the name, its ACM
 * certificate (in us-east-1, as CloudFront requires) and TLS 1.2 at least. None without a domain:
 * the site keeps its `*.cloudfront.net` address.
 */
export function customDomainProps(
  scope: Construct,
  domain: CustomDomain | undefined,
): Pick<DistributionProps, 'domainNames' | 'certificate' | 'minimumProtocolVersion'> {
  if (!domain) return {};
  return {
    domainNames: [domain.name],
    certificate: Certificate.fromCertificateArn(scope, 'Certificate', domain.certificateArn),
    minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
  };
}

/** The site's address: its own name when it has one, else the distribution's. */
export const siteOrigin = (domain: CustomDomain | undefined, distributionDomainName: string): string =>
  `https://${domain?.name ?? distributionDomainName}`;
