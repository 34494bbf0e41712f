import { CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { OBJECT_PREFIXES, TABLE_KEYS } from '../../shared/contracts/table.ts';
import type { CustomDomain } from '../config.ts';
import { siteOrigin } from '../constructs/custom-domain.ts';
import { LinesQueries } from '../constructs/lines-queries.ts';
import { LinesTable } from '../constructs/lines-table.ts';
import { bucketRemoval, type DataOnDestroy, PrivateBucket } from '../constructs/private-bucket.ts';
import { ReportsSite } from '../constructs/reports-site.ts';
import { resourceNames } from '../naming.ts';

export interface StorageStackProps extends StackProps {
  readonly stage: string;
  /** The most one Athena query over the lines may scan, in gigabytes. */
  readonly queryScanLimitGb: number;
  /** The reports site under the deployer's own name. */
  readonly reportsDomain?: CustomDomain | undefined;
  /** Whether deleting the stack keeps the data (the default) or removes it (docs/deploy.md). */
  readonly dataOnDestroy?: DataOnDestroy;
}

/**
 * The stateful half: the buckets, the table, the public reports site (its address is durable) and
 * the Athena table over the line files the uploads bucket keeps.
 * Deployed apart from the functions, kept on delete, protected against deletion, so redeploying or
 * tearing down the app never touches the data or the published address.
 */
export class StorageStack extends Stack {
  readonly uploads: Bucket;
  readonly reference: Bucket;
  readonly reports: Bucket;
  readonly table: TableV2;
  readonly reportsSite: Distribution;

  constructor(scope: Construct, id: string, props: StorageStackProps) {
    super(scope, id, props);
    const names = resourceNames(props.stage);
    const accessLogs = new Bucket(this, 'AccessLogs', {
      bucketName: names.accessLogs,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      versioned: true,
      ...bucketRemoval(props.dataOnDestroy),
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'This is the access-log bucket: logging it into itself would loop.',
    });
    // Object events go to EventBridge, where the app stack routes them: no bucket → queue reference
    // back from this stack to the app stack.
    this.uploads = new PrivateBucket(this, 'Uploads', {
      onDestroy: props.dataOnDestroy,
      bucketName: names.uploads,
      versioned: true,
      eventBridgeEnabled: true,
      accessLogs,
      // No CORS rule here: the only page that posts the presigned form is the portal, whose origin
      // (a CloudFront domain) exists only once the app stack is deployed. The app stack sets the rule,
      // for that origin alone (infra/constructs/portal-origin-cors.ts).
    });
    // The table describes the files under the uploads bucket's lines/, so it lives beside the bucket.
    new LinesTable(this, 'Lines', {
      bucket: this.uploads,
      databaseName: names.linesDatabase,
      tableName: names.linesTable,
    });
    const queries = new LinesQueries(this, 'LinesQueries', {
      stage: props.stage,
      scanLimitGb: props.queryScanLimitGb,
      accessLogs,
      onDestroy: props.dataOnDestroy,
    });
    new CfnOutput(this, 'LinesWorkgroup', { value: names.queryWorkgroup });
    new CfnOutput(this, 'LinesQueryPolicyArn', {
      value: queries.queryPolicy.managedPolicyArn,
      description: 'Attach to the roles of the analysts who query the lines (docs/athena.md).',
    });
    this.reference = new PrivateBucket(this, 'Reference', {
      onDestroy: props.dataOnDestroy,
      bucketName: names.reference,
      versioned: true,
      eventBridgeEnabled: true,
      accessLogs,
    });
    this.reports = new PrivateBucket(this, 'Reports', {
      onDestroy: props.dataOnDestroy,
      bucketName: names.reports,
      versioned: true,
      accessLogs,
    });
    this.reportsSite = new ReportsSite(this, 'ReportsSite', {
      bucket: this.reports,
      domain: props.reportsDomain,
    }).distribution;
    // CloudFront (origin access control) reads the published reports, for this one distribution only.
    this.reports.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [this.reports.arnForObjects(`${OBJECT_PREFIXES.reports}*`)],
        conditions: { StringEquals: { 'AWS:SourceArn': this.reportsSite.distributionArn } },
      }),
    );
    const reportsUrl = `${siteOrigin(props.reportsDomain, this.reportsSite.distributionDomainName)}/`;
    // The app stack reads it at deploy time (the report list links to the site): no export to pin.
    new StringParameter(this, 'ReportsUrlParameter', {
      parameterName: names.reportsUrlParameter,
      stringValue: reportsUrl,
    });
    new CfnOutput(this, 'ReportsUrl', { value: reportsUrl });
    this.table = new TableV2(this, 'Table', {
      tableName: names.table,
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.dataOnDestroy !== 'destroy',
      removalPolicy: props.dataOnDestroy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      globalSecondaryIndexes: [
        {
          indexName: TABLE_KEYS.gsi1.name,
          partitionKey: { name: TABLE_KEYS.gsi1.partitionKey, type: AttributeType.STRING },
          sortKey: { name: TABLE_KEYS.gsi1.sortKey, type: AttributeType.STRING },
        },
      ],
    });
  }
}
