import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type BucketProps,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export type DataOnDestroy = 'retain' | 'destroy';

/**
 * What deleting the stack does to a bucket of data: kept (the default), or emptied of every object
 * version and deleted (CDK's auto-delete custom resource), for a stage the deployer means to remove.
 */
export const bucketRemoval = (onDestroy: DataOnDestroy | undefined): Partial<BucketProps> =>
  onDestroy === 'destroy' ? { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true } : {};

/**
 * A bucket with the house defaults: no public access, TLS only, encrypted, old versions expired,
 * access logged, kept when the stack is deleted (it holds the anchors' data) unless `onDestroy` says.
 */
export class PrivateBucket extends Bucket {
  constructor(
    scope: Construct,
    id: string,
    props: BucketProps & { readonly accessLogs?: IBucket; readonly onDestroy?: DataOnDestroy },
  ) {
    const { accessLogs, onDestroy, ...rest } = props;
    super(scope, id, {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(90) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(2) },
      ],
      ...(accessLogs ? { serverAccessLogsBucket: accessLogs, serverAccessLogsPrefix: `${id}/` } : {}),
      ...rest,
      ...bucketRemoval(onDestroy),
    });
  }
}
