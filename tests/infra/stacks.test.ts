import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_API_ROUTES, PUBLIC_SURVEY_ROUTES, routeKeyOf } from '../../shared/contracts/portal-api.ts';
import { CONSORTIUM_ADMINISTRATORS_GROUP } from '../../shared/contracts/roles.ts';
import { territoryKey } from '../../shared/contracts/table.ts';
import {
  BUNDLED_TERRITORIES,
  DEFAULT_TERRITORY_ID,
} from '../../shared/domain/territory/bundled-territories.ts';
import { synthesise } from './synth.ts';
import { renderTokens, sdkCallOf } from './template-text.ts';

type Templates = ReturnType<typeof synthesise>;
let t: Templates;

beforeAll(() => {
  t = synthesise();
});

describe('the storage stack', () => {
  it('blocks public access, enforces TLS and encrypts every bucket (cdk-nag lets a missing block pass)', () => {
    const buckets = t.storage.findResources('AWS::S3::Bucket');
    // Access logs, uploads, reference, reports and Athena's query results.
    expect(Object.keys(buckets).length).toBe(5);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
      expect(bucket.DeletionPolicy).toBe('Retain');
    }
    const policies = Object.values(t.storage.findResources('AWS::S3::BucketPolicy'));
    expect(policies.length).toBe(5);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('aws:SecureTransport');
    }
  });

  it('serves the reports through CloudFront with origin access control and security headers', () => {
    t.storage.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    t.storage.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue(), OriginPath: '/reports' })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
      }),
    });
    t.storage.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'none'"),
          }),
          StrictTransportSecurity: Match.anyValue(),
        }),
      }),
    });
    // The app stack reads the site's address from here at deploy time, with no export.
    t.storage.hasResourceProperties('AWS::SSM::Parameter', { Name: '/ancrage/dev/reports-url' });
    t.storage.hasOutput('ReportsUrl', Match.anyValue());
  });

  it('versions the uploads and sends their events to EventBridge', () => {
    t.storage.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.objectLike({
        'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('uploads')])]),
      }),
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('has an on-demand table with point-in-time recovery, deletion protection, kept on delete', () => {
    const tables = t.storage.findResources('AWS::DynamoDB::GlobalTable');
    const [table] = Object.values(tables);
    expect(table?.DeletionPolicy).toBe('Retain');
    expect(table?.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table?.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({
      PointInTimeRecoveryEnabled: true,
    });
    expect(table?.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
    expect(table?.Properties.GlobalSecondaryIndexes[0].IndexName).toBe('gsi1');
  });
});

/** What delivering a state machine's logs needs, on "*" as AWS documents it. */
const STATE_MACHINE_LOG_DELIVERY = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
];

/** What X-Ray tracing adds to a function's role and to the state machine's, on "*" as AWS documents it. */
const FUNCTION_TRACING = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];
const STATE_MACHINE_TRACING = [...FUNCTION_TRACING, 'xray:GetSamplingRules', 'xray:GetSamplingTargets'];

/** CDK's bucket deployment that copies the portal's files: checked in tests/infra/portal-site.test.ts. */
const isBucketDeployment = (logicalId: string) => logicalId.startsWith('CustomCDKBucketDeployment');
/** CDK's handler of SDK calls (CORS rules, the WebACL's ARN): checked in tests/infra/security.test.ts. */
const isCdkHelper = (logicalId: string) =>
  isBucketDeployment(logicalId) || logicalId.startsWith('AWS679f53fac002430cb0da5b7982bd2287');

describe('the app stack', () => {
  it('runs every function on Node 22, arm64, with an explicit log group with retention', () => {
    const functions = Object.entries(t.app.findResources('AWS::Lambda::Function'))
      .filter(([id]) => !isCdkHelper(id))
      .map(([, fn]) => fn);
    expect(functions.length).toBe(6);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.LoggingConfig?.LogGroup).toBeDefined();
    }
    for (const group of Object.values(t.app.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.RetentionInDays).toBe(90);
    }
  });

  it('parks messages that keep failing in a dead-letter queue after 5 receives', () => {
    const queues = Object.values(t.app.findResources('AWS::SQS::Queue')).filter(
      (q) => q.Properties.RedrivePolicy,
    );
    expect(queues.length).toBe(2);
    for (const queue of queues) expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
  });

  it('reports batch item failures and bounds the concurrency of each event source', () => {
    const mappings = Object.values(t.app.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings.length).toBe(2);
    for (const mapping of mappings) {
      expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(mapping.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 5 });
      expect(mapping.Properties.BatchSize).toBe(1);
    }
  });

  it('grants IAM actions on the project table and bucket prefixes only, never on * but for log delivery and X-Ray', () => {
    const policies = Object.values(t.app.findResources('AWS::IAM::Policy')).filter(
      (policy) => !isBucketDeployment(policy.Properties.Roles[0].Ref),
    );
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        const resources = [statement.Resource].flat();
        // The state machine's log delivery and X-Ray's actions take no resource: the wildcard
        // acknowledged in infra/constructs/registry-refresh.ts and project-function.ts covers them only.
        if (resources.includes('*')) {
          const [role, ...others] = policy.Properties.Roles.map((entry: { Ref: string }) => entry.Ref);
          expect(others).toEqual([]);
          if (/^RegistryRefreshLoopStateMachineRole/.test(role)) {
            expect([STATE_MACHINE_LOG_DELIVERY, STATE_MACHINE_TRACING]).toContainEqual(statement.Action);
          } else {
            expect(statement.Action).toEqual(FUNCTION_TRACING);
          }
          continue;
        }
        const text = JSON.stringify(resources);
        if (
          String(statement.Action).startsWith('dynamodb:') ||
          [statement.Action].flat().some((a: string) => a.startsWith('dynamodb:'))
        ) {
          expect(text).toContain(':table/ancrage-dev');
        }
        if ([statement.Action].flat().some((a: string) => a.startsWith('s3:'))) {
          expect(text).toMatch(/ancrage-dev-(uploads|reference|reports)-/);
        }
      }
    }
  });

  it('rebuilds reports when a dataset is ingested, and alarms on dead letters and errors', () => {
    t.app.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['ancrage.ingest'], 'detail-type': ['DatasetIngested'] },
    });
    t.app.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: ['aws.s3'], 'detail-type': ['Object Created'] }),
    });
    // 4 dead-letter queues and the schedule's, 6 functions' errors, refresh failed and timed out, and
    // the 6 of tests/infra/alarms.test.ts.
    expect(Object.keys(t.app.findResources('AWS::CloudWatch::Alarm')).length).toBe(20);
  });

  it('rebuilds reports on a portal request, handing the report function the event detail only', () => {
    t.app.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['ancrage.portal'], 'detail-type': ['ReportRebuildRequested'] },
      Targets: [Match.objectLike({ InputPath: '$.detail', DeadLetterConfig: Match.anyValue() })],
    });
  });

  it('lets the API function put events, read report.json and the mapping profiles, and link to the site', () => {
    const apiFunction = Object.values(t.app.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.MAX_UPLOAD_MB !== undefined,
    );
    // Read at deploy time from the storage stack's parameter.
    expect(JSON.stringify(apiFunction?.Properties.Environment.Variables.REPORTS_BASE_URL)).toMatch(/Ref/);
    expect(JSON.stringify(t.app.toJSON().Parameters)).toContain('/ancrage/dev/reports-url');
    const statements = Object.values(t.app.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement,
    );
    const text = JSON.stringify(statements);
    expect(text).toContain('events:PutEvents');
    const writesMappings = statements.filter(
      (statement) =>
        statement.Action === 's3:PutObject' && JSON.stringify(statement.Resource).includes('/mappings/*'),
    );
    expect(JSON.stringify(writesMappings)).toContain('ancrage-dev-reference-');
    // Table writes stay PutItem and BatchWriteItem: no UpdateItem anywhere, and DeleteItem only for
    // the registry refresh, on the register's own partition (tests/infra/registry-refresh.test.ts).
    expect(text).not.toMatch(/dynamodb:(UpdateItem|\*)/);
    const deletes = statements.filter((statement) =>
      [statement.Action].flat().includes('dynamodb:DeleteItem'),
    );
    expect(deletes.map((statement) => statement.Condition)).toEqual([
      { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['REGISTRY'] } },
    ]);
    // The company lookups' PutItem is fenced the same way (tests/infra/company-lookup.test.ts).
    const conditionalPuts = statements.filter(
      (statement) => statement.Action === 'dynamodb:PutItem' && statement.Condition,
    );
    expect(conditionalPuts.map((statement) => statement.Condition)).toEqual([
      { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['REGISTRY'] } },
    ]);
  });

  /** A function's statements on the uploads bucket, found by an environment variable only it has. */
  const onUploadsOf = (variable: string) => {
    const fn = Object.values(t.app.findResources('AWS::Lambda::Function')).find(
      (candidate) => candidate.Properties.Environment?.Variables?.[variable] !== undefined,
    );
    const role = fn?.Properties.Role['Fn::GetAtt'][0];
    return Object.values(t.app.findResources('AWS::IAM::Policy'))
      .filter((policy) => policy.Properties.Roles.some((entry: { Ref: string }) => entry.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement) => renderTokens(statement.Resource).includes('ancrage-dev-uploads-'));
  };
  const actions = (statement: { Action: string | string[] }) => [statement.Action].flat();
  const prefixesWith = (statements: { Action: string | string[]; Resource: unknown }[], action: string) =>
    statements
      .filter((statement) => actions(statement).includes(action))
      .map((statement) => renderTokens(statement.Resource).replace(/^.*ancrage-dev-uploads-[^/]*/, ''))
      .sort();
  const LINES_LISTING = { StringLike: { 's3:prefix': ['lines/', 'lines/*'] } };

  it('lets the API function read the line files and list their folder, and nothing else of the uploads bucket', () => {
    const onUploads = onUploadsOf('MAX_UPLOAD_MB');
    expect(prefixesWith(onUploads, 's3:GetObject')).toEqual(['/lines/*', '/rejects/*']);
    const listings = onUploads.filter((statement) => actions(statement).includes('s3:ListBucket'));
    expect(listings).toHaveLength(1);
    expect(listings[0]?.Condition).toEqual(LINES_LISTING);
  });

  it('lets the ingest function write and remove line files, and list their folder only', () => {
    const onUploads = onUploadsOf('MAX_REJECTED_RATIO');
    expect(prefixesWith(onUploads, 's3:PutObject')).toEqual(['/lines/*', '/rejects/*']);
    expect(prefixesWith(onUploads, 's3:DeleteObject')).toEqual(['/lines/*']);
    expect(prefixesWith(onUploads, 's3:AbortMultipartUpload')).toEqual(['/lines/*']);
    const listings = onUploads.filter((statement) => actions(statement).includes('s3:ListBucket'));
    expect(listings.map((statement) => statement.Condition)).toEqual([LINES_LISTING]);
  });
});

/** The deploy-time write of the territory: its logical id, its SDK call, its policy's statements. */
function territoryWrite(template: Template) {
  const writes = Object.entries(template.findResources('Custom::AWS')).filter(
    ([, resource]) => sdkCallOf(resource, 'Create').action === 'putObject',
  );
  expect(writes).toHaveLength(1);
  const [id, resource] = writes[0] as [string, { DependsOn: string[] }];
  const policies = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([policyId]) =>
    resource.DependsOn.includes(policyId),
  );
  expect(policies).toHaveLength(1);
  const [, policy] = policies[0] as [
    string,
    { Properties: { PolicyDocument: { Statement: { Resource: unknown }[] } } },
  ];
  return {
    id,
    call: sdkCallOf(resource, 'Create') as ReturnType<typeof sdkCallOf> & {
      physicalResourceId: { id: string };
    },
    statements: policy.Properties.PolicyDocument.Statement.map((statement) => ({
      ...statement,
      Resource: renderTokens(statement.Resource),
    })),
  };
}

const REFERENCE_BUCKET = `ancrage-dev-reference-\${Ref:AWS::AccountId}-\${Ref:AWS::Region}`;

describe('the territory', () => {
  it('is written to territories/<id>.json of the reference bucket on deploy, with a right on that object only', () => {
    const { call, statements } = territoryWrite(t.app);
    expect(call.service).toBe('S3');
    const { Body, ...parameters } = call.parameters;
    expect(parameters).toEqual({
      Bucket: REFERENCE_BUCKET,
      Key: territoryKey(DEFAULT_TERRITORY_ID),
      ContentType: 'application/json',
    });
    expect(JSON.parse(String(Body))).toEqual(BUNDLED_TERRITORIES.get(DEFAULT_TERRITORY_ID));
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: `arn:\${Ref:AWS::Partition}:s3:::${REFERENCE_BUCKET}/territories/${DEFAULT_TERRITORY_ID}.json`,
      },
    ]);
  });

  it('is written before the functions that read it are created or updated, the registry load aside', () => {
    const { id } = territoryWrite(t.app);
    const waiting = Object.entries(t.app.findResources('AWS::Lambda::Function'))
      .filter(([, fn]) => [fn.DependsOn].flat().includes(id))
      .map(([functionId]) => functionId.replace(/[A-F0-9]{8}$/, ''));
    expect(waiting.sort()).toEqual([
      'ApiFunction',
      'IngestFunction',
      'RegistryRefreshFunction',
      'ReportFunction',
    ]);
  });

  it("uploads a territory file of the deployer's own, and writes again when its content changes", () => {
    const writeOf = (territory: object) => {
      const path = join(mkdtempSync(join(tmpdir(), 'ancrage-territory-')), 'territory.json');
      writeFileSync(path, JSON.stringify(territory));
      return territoryWrite(synthesise({ config: { territory: path } }).app);
    };
    const bundled = BUNDLED_TERRITORIES.get(DEFAULT_TERRITORY_ID);
    const own = writeOf({ ...bundled, id: 'my-territory', name: 'Mon territoire' });
    expect(own.call.parameters.Key).toBe('territories/my-territory.json');
    expect(JSON.parse(String(own.call.parameters.Body))).toMatchObject({
      id: 'my-territory',
      name: 'Mon territoire',
    });
    expect(own.statements.map((statement) => statement.Resource)).toEqual([
      `arn:\${Ref:AWS::Partition}:s3:::${REFERENCE_BUCKET}/territories/my-territory.json`,
    ]);
    // Same id, other content: the same key, written again under a new physical id.
    const renamed = writeOf({ ...bundled, name: 'Grenoble renamed' });
    const bundledWrite = territoryWrite(t.app);
    expect(renamed.call.parameters.Key).toBe(bundledWrite.call.parameters.Key);
    expect(renamed.call.physicalResourceId.id).not.toBe(bundledWrite.call.physicalResourceId.id);
  });
});

describe('the portal API', () => {
  it('puts every route behind the user pool JWT authorizer but the survey form’s, with access logs', () => {
    const routes = Object.values(t.app.findResources('AWS::ApiGatewayV2::Route'));
    // The contract's two route lists, every one of them and nothing else.
    const portalKeys = PORTAL_API_ROUTES.map(routeKeyOf);
    const publicKeys = PUBLIC_SURVEY_ROUTES.map(routeKeyOf);
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual([...portalKeys, ...publicKeys].sort());
    expect(routes.map((r) => r.Properties.RouteKey)).toContain('GET /datasets/{id}/unmatched-suppliers');
    const [authorizerId] = Object.keys(t.app.findResources('AWS::ApiGatewayV2::Authorizer'));
    for (const route of routes) {
      const key = route.Properties.RouteKey;
      // Only the form's routes are open: tests/infra/surveys.test.ts says why and checks their throttle.
      if (publicKeys.includes(key)) expect(route.Properties.AuthorizationType, key).toBe('NONE');
      else {
        expect(route.Properties.AuthorizationType, key).toBe('JWT');
        expect(route.Properties.AuthorizerId, key).toEqual({ Ref: authorizerId });
      }
    }
    t.app.hasResourceProperties('AWS::ApiGatewayV2::Stage', { AccessLogSettings: Match.anyValue() });
  });

  it('has a user pool without self sign-up, with a strong password policy and an anchor attribute', () => {
    t.app.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'anchor', Mutable: false })]),
    });
  });

  it('has the group of the consortium administrators, who upload files that count for every anchor', () => {
    t.app.resourceCountIs('AWS::Cognito::UserPoolGroup', 1);
    t.app.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: CONSORTIUM_ADMINISTRATORS_GROUP,
      UserPoolId: { Ref: Match.stringLikeRegexp('^PortalUsers') },
      Description: Match.stringLikeRegexp('consortium-wide files .*DECP.* every anchor'),
    });
  });
});
