import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../shared/contracts/environment.ts';
import { repoRoot } from '../support/run-cli.ts';
import { synthesise } from './synth.ts';
import { renderTokens } from './template-text.ts';

/**
 * The options docs/deploy.md tells a deployer to set, synthesised from its example configuration
 * (cdk-nag included: a finding makes synth throw).
 */

const EXAMPLE = `${repoRoot}infra/config/example.json`;
const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

type Templates = ReturnType<typeof synthesise>;
let example: Templates;
let defaults: Templates;

beforeAll(() => {
  example = synthesise({ file: EXAMPLE });
  defaults = synthesise();
});

const distributionOf = (template: Templates['app']) => {
  const [distribution, ...others] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
  expect(others).toHaveLength(0);
  return distribution?.Properties.DistributionConfig;
};
const resourcesOf = (template: Templates['app'], type: string) => Object.values(template.findResources(type));
const outputOf = (template: Templates['app'], name: string) =>
  renderTokens(Object.entries(template.findOutputs('*')).find(([id]) => id === name)?.[1].Value);

describe('the example configuration of docs/deploy.md', () => {
  it('serves the reports site and the portal under their own names, with TLS 1.2 and the us-east-1 certificate', () => {
    for (const [template, name] of [
      [example.storage, 'rapports.ancrage.ville.example'],
      [example.app, 'portail.ancrage.ville.example'],
    ] as const) {
      const config = distributionOf(template);
      expect(config.Aliases).toEqual([name]);
      expect(config.ViewerCertificate).toEqual({
        AcmCertificateArn: CERTIFICATE,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      });
    }
    expect(outputOf(example.storage, 'ReportsUrl')).toBe('https://rapports.ancrage.ville.example/');
    expect(outputOf(example.app, 'PortalUrl')).toBe('https://portail.ancrage.ville.example/');
  });

  it('signs officers in and lets uploads and API calls come from the portal’s own name only', () => {
    const [client] = resourcesOf(example.app, 'AWS::Cognito::UserPoolClient');
    expect(client?.Properties.CallbackURLs).toEqual(['https://portail.ancrage.ville.example/']);
    expect(client?.Properties.LogoutURLs).toEqual(['https://portail.ancrage.ville.example/']);
    // The CORS rules are set by custom resources whose parameters are JSON text inside the template.
    const text = JSON.stringify(example.app.toJSON()).replaceAll('\\"', '"');
    expect(text).toContain('"AllowOrigins":["https://portail.ancrage.ville.example"]');
    expect(text).toContain('"AllowedOrigins":["https://portail.ancrage.ville.example"]');
  });

  it('keeps every bucket and the table, deletion-protected, when the stacks are destroyed', () => {
    for (const template of [example.storage, defaults.storage]) {
      const buckets = Object.values(template.toJSON().Resources as Record<string, { Type: string }>).filter(
        (resource) => resource.Type === 'AWS::S3::Bucket',
      ) as { DeletionPolicy?: string }[];
      expect(buckets.length).toBeGreaterThanOrEqual(5);
      for (const bucket of buckets) expect(bucket.DeletionPolicy).toBe('Retain');
      expect(resourcesOf(template, 'Custom::S3AutoDeleteObjects')).toHaveLength(0);
      const [table] = resourcesOf(template, 'AWS::DynamoDB::GlobalTable');
      expect(
        table?.Properties.DeletionProtectionEnabled ??
          table?.Properties.Replicas?.[0]?.DeletionProtectionEnabled,
      ).toBe(true);
    }
  });

  it('sends the survey’s e-mails from the address it names, and only the default configuration leaves them to the officers', () => {
    const senderOf = (template: Templates['app']) =>
      resourcesOf(template, 'AWS::Lambda::Function').find(
        (fn) => fn.Properties.Environment?.Variables?.[ENV.maxUploadMb] !== undefined,
      )?.Properties.Environment.Variables[ENV.surveySender];
    expect(senderOf(example.app)).toBe('enquete.fournisseurs@ville.example');
    expect(senderOf(defaults.app)).toBeUndefined();
  });

  it('without domains, keeps the CloudFront addresses', () => {
    expect(distributionOf(defaults.app).Aliases).toBeUndefined();
    expect(outputOf(defaults.storage, 'ReportsUrl')).toMatch(
      /^https:\/\/\$\{ReportsSiteDistribution\w+\.DomainName\}\/$/,
    );
  });
});

describe('a stage configured to remove its data on destroy', () => {
  it('empties every version of every bucket and deletes them and the table with the stack', () => {
    const trial = synthesise({ config: { stage: 'trial', dataOnDestroy: 'destroy' } });
    const resources = Object.values(
      trial.storage.toJSON().Resources as Record<string, Record<string, unknown>>,
    );
    const buckets = resources.filter((resource) => resource.Type === 'AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(5);
    for (const bucket of buckets) expect(bucket.DeletionPolicy).toBe('Delete');
    // One auto-delete per bucket: CDK's handler deletes every object version before the bucket goes.
    expect(resourcesOf(trial.storage, 'Custom::S3AutoDeleteObjects')).toHaveLength(buckets.length);
    const tables = resources.filter((resource) => resource.Type === 'AWS::DynamoDB::GlobalTable');
    expect(tables).toHaveLength(1);
    expect(tables[0]?.DeletionPolicy).toBe('Delete');
    expect(JSON.stringify(tables[0])).not.toContain('"DeletionProtectionEnabled":true');
  });
});
