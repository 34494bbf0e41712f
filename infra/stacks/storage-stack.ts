import { RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { OBJECT_PREFIXES, TABLE_KEYS } from '../../shared/contracts/table.ts';
import { PrivateBucket } from '../constructs/private-bucket.ts';
import { resourceNames } from '../naming.ts';
import { PORTAL_PREFIX } from '../portal-site.ts';

/**
 * The stateful half: the buckets and the table. Deployed apart from the functions, kept on delete,
 * protected against deletion, so redeploying or tearing down the app never touches the data.
 */
export class StorageStack extends Stack {
  readonly uploads: Bucket;
  readonly reference: Bucket;
  readonly reports: Bucket;
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: StackProps & { readonly stage: string }) {
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
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'This is the access-log bucket: logging it into itself would loop.',
    });
    // Object events go to EventBridge, where the app stack routes them: no bucket → queue reference
    // back from this stack to the app stack.
    this.uploads = new PrivateBucket(this, 'Uploads', {
      bucketName: names.uploads,
      versioned: true,
      eventBridgeEnabled: true,
      accessLogs,
      // The portal's page posts the presigned form from the browser. CORS only lets a page read the
      // answer; what may be uploaded is decided by the signed policy (key, anchor, size, expiry), so
      // any origin may post — the portal's own origin lives in the app stack, which this one must not name.
      cors: [
        {
          allowedMethods: [HttpMethods.POST],
          allowedOrigins: ['*'],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
    });
    this.reference = new PrivateBucket(this, 'Reference', {
      bucketName: names.reference,
      versioned: true,
      eventBridgeEnabled: true,
      accessLogs,
    });
    this.reports = new PrivateBucket(this, 'Reports', {
      bucketName: names.reports,
      versioned: true,
      accessLogs,
    });
    // CloudFront (origin access control) reads the published reports and the portal's files. The grant names the account's
    // distributions rather than the one distribution, which lives in the app stack: naming it here
    // would tie this stateful stack to that stateless one.
    this.reports.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [
          this.reports.arnForObjects(`${OBJECT_PREFIXES.reports}*`),
          this.reports.arnForObjects(`${PORTAL_PREFIX}*`),
        ],
        conditions: {
          StringLike: { 'AWS:SourceArn': `arn:${this.partition}:cloudfront::${this.account}:distribution/*` },
        },
      }),
    );
    this.table = new TableV2(this, 'Table', {
      tableName: names.table,
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
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
