import { Aws, Duration, Validations } from 'aws-cdk-lib';
import { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { LINES_PREFIX } from '../../shared/domain/lines/line-columns.ts';
import { nagNames, resourceNames } from '../naming.ts';
import { type DataOnDestroy, PrivateBucket } from './private-bucket.ts';

/** How long a query's results stay in the results bucket: enough to download them, not an archive. */
export const QUERY_RESULTS_DAYS = 30;
const BYTES_PER_GB = 1_000_000_000;

export interface LinesQueriesProps {
  readonly stage: string;
  /** Athena cancels a query that scans more (the deployment's `queryScanLimitGb`). */
  readonly scanLimitGb: number;
  readonly accessLogs: IBucket;
  readonly onDestroy?: DataOnDestroy | undefined;
}

/**
 * Where and how analysts query the lines table: an Athena workgroup whose settings a query cannot
 * override (encrypted results in a bucket of their own, a cap on bytes scanned), and a managed policy
 * to query through it and nothing else. The policy is attached to no one: the operator gives it to
 * the analysts' roles (docs/athena.md).
 */
export class LinesQueries extends Construct {
  readonly workGroup: CfnWorkGroup;
  readonly queryPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: LinesQueriesProps) {
    super(scope, id);
    const names = resourceNames(props.stage);
    const results = new PrivateBucket(this, 'Results', {
      bucketName: names.queries,
      accessLogs: props.accessLogs,
      onDestroy: props.onDestroy,
      // A result is written once and a query can be run again: no versions to keep, each file expires.
      lifecycleRules: [
        { id: 'expire-results', expiration: Duration.days(QUERY_RESULTS_DAYS) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(2) },
      ],
    });
    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: names.queryWorkgroup,
      description: 'Ancrage: queries over the spend lines (docs/athena.md).',
      state: 'ENABLED',
      workGroupConfiguration: {
        // Client-side settings (another output location, no encryption, no cap) are ignored.
        enforceWorkGroupConfiguration: true,
        bytesScannedCutoffPerQuery: props.scanLimitGb * BYTES_PER_GB,
        engineVersion: { selectedEngineVersion: 'AUTO' },
        publishCloudWatchMetricsEnabled: true,
        resultConfiguration: {
          outputLocation: `s3://${names.queries}/`,
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
          expectedBucketOwner: Aws.ACCOUNT_ID,
        },
      },
    });
    // It names the bucket rather than referencing it: created after it all the same.
    this.workGroup.node.addDependency(results);
    this.queryPolicy = new ManagedPolicy(this, 'QueryPolicy', {
      description: `Query the Ancrage spend lines with Athena, in the ${names.queryWorkgroup} workgroup only (docs/athena.md).`,
      statements: queryStatements(names),
    });
    const nag = nagNames(props.stage);
    const objectsFinding = (objects: string) =>
      `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${objects}]`;
    Validations.of(this.queryPolicy).acknowledge(
      {
        id: objectsFinding(`${nag.uploads}/${LINES_PREFIX}*`),
        reason:
          'Reads the objects under lines/ of the uploads bucket, the line files of counted datasets and nothing else: their keys are made at ingest; uploads/ and rejects/ stay out of reach.',
      },
      {
        id: objectsFinding(`${nag.queries}/*`),
        reason:
          'Reads and writes query results in the bucket that holds nothing else; Athena names each result object after its query id, unknown in advance.',
      },
    );
  }
}

const s3Arn = (bucket: string, path = '') => `arn:${Aws.PARTITION}:s3:::${bucket}${path}`;

/** Every statement names its resources: this workgroup, this database and table, these prefixes. */
function queryStatements(names: ReturnType<typeof resourceNames>): PolicyStatement[] {
  const athena = `arn:${Aws.PARTITION}:athena:${Aws.REGION}:${Aws.ACCOUNT_ID}`;
  const glue = `arn:${Aws.PARTITION}:glue:${Aws.REGION}:${Aws.ACCOUNT_ID}`;
  return [
    new PolicyStatement({
      actions: [
        'athena:StartQueryExecution',
        'athena:StopQueryExecution',
        'athena:GetQueryExecution',
        'athena:BatchGetQueryExecution',
        'athena:ListQueryExecutions',
        'athena:GetQueryResults',
        'athena:GetQueryResultsStream',
        'athena:GetQueryRuntimeStatistics',
        'athena:GetWorkGroup',
      ],
      resources: [`${athena}:workgroup/${names.queryWorkgroup}`],
    }),
    // What the console and the drivers read to show the database and its table.
    new PolicyStatement({
      actions: [
        'athena:GetDataCatalog',
        'athena:ListDatabases',
        'athena:GetDatabase',
        'athena:ListTableMetadata',
        'athena:GetTableMetadata',
      ],
      resources: [`${athena}:datacatalog/AwsDataCatalog`],
    }),
    // Glue checks the catalog, the database and the table of each call.
    new PolicyStatement({
      actions: [
        'glue:GetDatabase',
        'glue:GetDatabases',
        'glue:GetTable',
        'glue:GetTables',
        'glue:GetPartition',
        'glue:GetPartitions',
        'glue:BatchGetPartition',
      ],
      resources: [
        `${glue}:catalog`,
        `${glue}:database/${names.linesDatabase}`,
        `${glue}:table/${names.linesDatabase}/${names.linesTable}`,
      ],
    }),
    new PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [s3Arn(names.uploads, `/${LINES_PREFIX}*`)],
    }),
    // Listing the uploads bucket shows the line files' keys only, never the uploads or rejects.
    new PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [s3Arn(names.uploads)],
      conditions: { StringLike: { 's3:prefix': [LINES_PREFIX, `${LINES_PREFIX}*`] } },
    }),
    new PolicyStatement({
      actions: ['s3:GetBucketLocation'],
      resources: [s3Arn(names.uploads), s3Arn(names.queries)],
    }),
    new PolicyStatement({
      actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      resources: [s3Arn(names.queries, '/*')],
    }),
    new PolicyStatement({
      actions: ['s3:ListBucket', 's3:ListBucketMultipartUploads'],
      resources: [s3Arn(names.queries)],
    }),
  ];
}
