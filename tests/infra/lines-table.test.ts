import { beforeAll, describe, expect, it } from 'vitest';
import { QUERY_RESULTS_DAYS } from '../../infra/constructs/lines-queries.ts';
import { DatasetKindSchema } from '../../shared/domain/dataset-kind.ts';
import { LINE_COLUMNS } from '../../shared/domain/lines/line-columns.ts';
import { synthesise } from './synth.ts';
import { renderTokens } from './template-text.ts';

/** The Athena table over the line files, its workgroup and the analysts' policy (docs/athena.md). */

type Templates = ReturnType<typeof synthesise>;
let t: Templates;

beforeAll(() => {
  t = synthesise();
});

const only = <T>(items: readonly T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};
const resources = (templates: Templates, type: string) =>
  Object.entries(templates.storage.findResources(type));
const bucketId = (templates: Templates, kind: string) =>
  only(
    resources(templates, 'AWS::S3::Bucket').filter(([, bucket]) =>
      renderTokens(bucket.Properties.BucketName).startsWith(`ancrage-dev-${kind}-`),
    ),
  )[0];
const tableInput = (templates: Templates) =>
  only(resources(templates, 'AWS::Glue::Table'))[1].Properties.TableInput;
const workGroup = (templates: Templates) =>
  only(resources(templates, 'AWS::Athena::WorkGroup'))[1].Properties;

const ACCOUNT_REGION = `\${Ref:AWS::AccountId}-\${Ref:AWS::Region}`;
const ARN = (service: string) =>
  `arn:\${Ref:AWS::Partition}:${service}:\${Ref:AWS::Region}:\${Ref:AWS::AccountId}`;

describe('the lines table', () => {
  it('declares the columns of the line files, in their order, typed and documented', () => {
    const athenaType = { STRING: 'string', INT64: 'bigint', INT32: 'int' } as const;
    expect(tableInput(t).StorageDescriptor.Columns).toEqual(
      LINE_COLUMNS.map((column) => ({
        Name: column.name,
        Type: athenaType[column.type],
        Comment: column.doc,
      })),
    );
  });

  it('is an external Parquet table over lines/ of the uploads bucket, in the stage’s database', () => {
    const input = tableInput(t);
    expect(input.Name).toBe('lines');
    expect(input.TableType).toBe('EXTERNAL_TABLE');
    expect(input.StorageDescriptor).toMatchObject({
      InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
      OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
      SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
    });
    expect(renderTokens(input.StorageDescriptor.Location)).toBe(
      `s3://\${Ref:${bucketId(t, 'uploads')}}/lines/`,
    );
    const [databaseId, database] = only(resources(t, 'AWS::Glue::Database'));
    expect(database.Properties.DatabaseInput.Name).toBe('ancrage_dev');
    expect(only(resources(t, 'AWS::Glue::Table'))[1].Properties.DatabaseName).toEqual({ Ref: databaseId });
  });

  it('is partitioned by kind alone, projected from the dataset kinds: each kind’s folder is read whole', () => {
    const input = tableInput(t);
    expect(input.PartitionKeys).toEqual([{ Name: 'kind', Type: 'string', Comment: 'payments or contracts' }]);
    const projection = Object.fromEntries(
      Object.entries(input.Parameters).filter(([key]) => key.startsWith('projection.')),
    );
    // No crawler and no partition to register; no injected projection that would forbid queries across anchors.
    expect(projection).toEqual({
      'projection.enabled': 'true',
      'projection.kind.type': 'enum',
      'projection.kind.values': DatasetKindSchema.options.join(','),
    });
    expect(renderTokens(input.Parameters['storage.location.template'])).toBe(
      `s3://\${Ref:${bucketId(t, 'uploads')}}/lines/kind=\${kind}/`,
    );
    // The files are encrypted by S3 (SSE-S3), not on the client: Athena reads them as they are.
    expect(input.Parameters.has_encrypted_data).toBe(false);
  });

  it('names the database after the stage, without the hyphens Athena would make queries quote', () => {
    const other = synthesise({ config: { stage: 'saint-egreve' } });
    expect(only(resources(other, 'AWS::Glue::Database'))[1].Properties.DatabaseInput.Name).toBe(
      'ancrage_saint_egreve',
    );
    expect(workGroup(other).Name).toBe('ancrage-saint-egreve');
  });
});

describe('the Athena workgroup', () => {
  it('enforces its settings: encrypted results in the queries bucket, a 10 GB scan cutoff, the AUTO engine', () => {
    expect(workGroup(t)).toMatchObject({
      Name: 'ancrage-dev',
      State: 'ENABLED',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: 10_000_000_000,
        EngineVersion: { SelectedEngineVersion: 'AUTO' },
        PublishCloudWatchMetricsEnabled: true,
        ResultConfiguration: { EncryptionConfiguration: { EncryptionOption: 'SSE_S3' } },
      },
    });
    const results = workGroup(t).WorkGroupConfiguration.ResultConfiguration;
    expect(renderTokens(results.OutputLocation)).toBe(`s3://ancrage-dev-queries-${ACCOUNT_REGION}/`);
    expect(results.ExpectedBucketOwner).toEqual({ Ref: 'AWS::AccountId' });
  });

  it('keeps results 30 days in a private, encrypted, logged bucket', () => {
    const [, bucket] = only(resources(t, 'AWS::S3::Bucket').filter(([id]) => id === bucketId(t, 'queries')));
    expect(QUERY_RESULTS_DAYS).toBe(30);
    expect(bucket.Properties.LifecycleConfiguration.Rules).toContainEqual({
      Id: 'expire-results',
      ExpirationInDays: 30,
      Status: 'Enabled',
    });
    expect(bucket.Properties.BucketEncryption).toBeDefined();
    expect(bucket.Properties.LoggingConfiguration).toBeDefined();
    expect(bucket.Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets).toBe(true);
  });

  it('takes the cutoff from the deployment configuration, a whole number of gigabytes', () => {
    const small = synthesise({ config: { queryScanLimitGb: 3 } });
    expect(workGroup(small).WorkGroupConfiguration.BytesScannedCutoffPerQuery).toBe(3_000_000_000);
    expect(() => synthesise({ config: { queryScanLimitGb: 0 } })).toThrow(/queryScanLimitGb/);
  });
});

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

describe('the query policy', () => {
  const policy = () => only(resources(t, 'AWS::IAM::ManagedPolicy'));
  const statements = () =>
    (policy()[1].Properties.PolicyDocument.Statement as Statement[]).map((statement) => ({
      actions: [statement.Action].flat(),
      resources: [statement.Resource].flat().map(renderTokens),
      condition: statement.Condition,
    }));

  it('is attached to no one, and its ARN is an output for the operator to hand to analysts', () => {
    const [policyId, managed] = policy();
    expect(managed.Properties.Roles).toBeUndefined();
    expect(managed.Properties.Users).toBeUndefined();
    expect(managed.Properties.Groups).toBeUndefined();
    expect(JSON.stringify(t.storage.findResources('AWS::IAM::Role'))).not.toContain(policyId);
    const outputs = t.storage.toJSON().Outputs;
    expect(outputs.LinesQueryPolicyArn.Value).toEqual({ Ref: policyId });
    expect(outputs.LinesWorkgroup.Value).toBe('ancrage-dev');
  });

  it('names every resource: this workgroup, this database and table, lines/ and the results bucket', () => {
    const allowed = {
      athena: [`${ARN('athena')}:workgroup/ancrage-dev`, `${ARN('athena')}:datacatalog/AwsDataCatalog`],
      glue: [
        `${ARN('glue')}:catalog`,
        `${ARN('glue')}:database/ancrage_dev`,
        `${ARN('glue')}:table/ancrage_dev/lines`,
      ],
      s3: [
        `arn:\${Ref:AWS::Partition}:s3:::ancrage-dev-uploads-${ACCOUNT_REGION}`,
        `arn:\${Ref:AWS::Partition}:s3:::ancrage-dev-uploads-${ACCOUNT_REGION}/lines/*`,
        `arn:\${Ref:AWS::Partition}:s3:::ancrage-dev-queries-${ACCOUNT_REGION}`,
        `arn:\${Ref:AWS::Partition}:s3:::ancrage-dev-queries-${ACCOUNT_REGION}/*`,
      ],
    };
    for (const { actions, resources: named } of statements()) {
      const services = new Set(actions.map((action) => action.split(':')[0]));
      expect(services.size).toBe(1);
      const service = [...services][0] as keyof typeof allowed;
      expect(Object.keys(allowed)).toContain(service);
      for (const action of actions) expect(action).not.toContain('*');
      for (const resource of named) expect(allowed[service]).toContain(resource);
    }
  });

  it('reads the uploads bucket under lines/ only, never writes it, and lists it with that prefix only', () => {
    const onUploads = statements().filter((statement) =>
      statement.resources.some((resource) => resource.includes('ancrage-dev-uploads-')),
    );
    expect(onUploads.flatMap((statement) => statement.actions).sort()).toEqual([
      's3:GetBucketLocation',
      's3:GetObject',
      's3:ListBucket',
    ]);
    const objects = onUploads.flatMap((statement) => statement.resources).filter((r) => r.includes('/'));
    expect(objects).toEqual([
      `arn:\${Ref:AWS::Partition}:s3:::ancrage-dev-uploads-${ACCOUNT_REGION}/lines/*`,
    ]);
    const listing = only(onUploads.filter((statement) => statement.actions.includes('s3:ListBucket')));
    expect(listing.condition).toEqual({ StringLike: { 's3:prefix': ['lines/', 'lines/*'] } });
  });

  it('passes cdk-nag with only its two object-prefix wildcards acknowledged, each with a reason', () => {
    // synthesise() throws on any unacknowledged finding: reaching here means the stacks are clean.
    const acknowledged = t.assembly
      .getStackByName('Ancrage-dev-Storage')
      .findMetadataByType('aws:cdk:acknowledged-rules')
      .filter((entry) => entry.path === '/Ancrage-dev-Storage/LinesQueries/QueryPolicy')
      .flatMap((entry) => Object.entries(entry.data as unknown as Record<string, string>));
    const nag = (objects: string) =>
      `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${objects}]`;
    expect(acknowledged.map(([id]) => id).sort()).toEqual(
      [
        nag('ancrage-dev-queries-<AWS::AccountId>-<AWS::Region>/*'),
        nag('ancrage-dev-uploads-<AWS::AccountId>-<AWS::Region>/lines/*'),
      ].sort(),
    );
    for (const [, reason] of acknowledged) expect(reason.length).toBeGreaterThan(40);
  });
});
